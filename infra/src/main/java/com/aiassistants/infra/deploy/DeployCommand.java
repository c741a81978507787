package com.aiassistants.infra.deploy;

import com.aiassistants.infra.catalog.ServiceSpec;
import com.aiassistants.infra.deploy.DeploySummary.Result;
import com.aiassistants.infra.deploy.ServiceOutcome.Status;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Entry point of {@code scripts/deploy.sh}: progress lines on stderr, the JSON summary on stdout
 * (and in {@code --json-out}), the exit code for CI.
 */
public final class DeployCommand {

    static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private DeployCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(DeployOptions.USAGE);
            return 0;
        }
        DeployOptions options;
        try {
            options = DeployOptions.parse(args);
        } catch (DeployOptions.UsageException e) {
            err.println("deploy: " + e.getMessage());
            err.print(DeployOptions.USAGE);
            return 2;
        }
        DeploySummary summary;
        if (options.mode() == DeployOptions.Mode.DRY_RUN) {
            summary = dryRun(options, err);
        } else {
            try (EcsClient ecs = ecs(options); EcrClient ecr = ecr(options)) {
                summary = new Deployer(ecs, ecr, err, d -> Thread.sleep(d)).run(options);
            } catch (SdkException e) {
                err.println("deploy: AWS call failed: " + e.getMessage());
                return 5;
            }
        }
        String json = JSON.writeValueAsString(summary);
        out.println(json);
        if (options.jsonOut() != null) {
            try {
                Files.writeString(options.jsonOut(), json + System.lineSeparator());
            } catch (IOException e) {
                err.println("deploy: cannot write " + options.jsonOut() + ": " + e.getMessage());
            }
        }
        err.printf("deploy: %s (exit %d)%n", summary.result(), summary.exitCode());
        return summary.exitCode();
    }

    /** The steps without calling AWS: nothing is read, so task definition revisions are symbolic. */
    static DeploySummary dryRun(DeployOptions options, PrintStream err) {
        String account = options.account() == null ? "<account>" : options.account();
        String region = options.region() == null ? "<region>" : options.region();
        String registry = account + ".dkr.ecr." + region + ".amazonaws.com";
        err.printf("dry run: cluster %s, tag %s, no AWS call made%n", options.cluster(), options.imageTag());
        int step = 1;
        err.printf("%d. check every service exists in %s and every image %s/ai-assistants/<service>:%s is in ECR%n",
                step++, options.cluster(), registry, options.imageTag());
        List<ServiceOutcome> outcomes = new java.util.ArrayList<>();
        for (ServiceSpec spec : options.services()) {
            String image = registry + "/" + spec.repositoryName() + ":" + options.imageTag();
            String family = "ai-assistants-" + options.env() + "-" + spec.name();
            err.printf("%d. %s: register a new revision of %s with container %s -> %s; update-service; wait until stable%s%n",
                    step++, spec.name(), family, spec.name(), image,
                    spec.singleton() ? " (single task, stop-before-start: 0%/100%)" : "");
            outcomes.add(new ServiceOutcome(spec.name(), Status.PLANNED, family + ":<current>", family + ":<next>", image,
                    "dry run", 0));
        }
        err.printf("%d. on any failure: update each touched service back to its previous revision, newest first; skip the rest%n", step);
        return new DeploySummary(options.cluster(), options.imageTag(), "dry_run", Result.PLANNED, outcomes);
    }

    private static EcsClient ecs(DeployOptions options) {
        var builder = EcsClient.builder().httpClient(ApacheHttpClient.create()).credentialsProvider(credentials(options));
        if (options.region() != null) {
            builder.region(Region.of(options.region()));
        }
        if (options.endpoint() != null) {
            builder.endpointOverride(options.endpoint());
        }
        return builder.build();
    }

    private static EcrClient ecr(DeployOptions options) {
        var builder = EcrClient.builder().httpClient(ApacheHttpClient.create()).credentialsProvider(credentials(options));
        if (options.region() != null) {
            builder.region(Region.of(options.region()));
        }
        if (options.endpoint() != null) {
            builder.endpointOverride(options.endpoint());
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(DeployOptions options) {
        return options.profile() == null
                ? DefaultCredentialsProvider.builder().build()
                : ProfileCredentialsProvider.create(options.profile());
    }
}
