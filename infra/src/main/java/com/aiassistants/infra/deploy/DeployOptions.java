package com.aiassistants.infra.deploy;

import com.aiassistants.infra.catalog.ServiceCatalog;
import com.aiassistants.infra.catalog.ServiceSpec;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Command-line options of the deployer ({@code scripts/deploy.sh --help}).
 *
 * @param mode       {@code DEPLOY}, {@code PLAN} (read-only checks against AWS) or {@code DRY_RUN} (no AWS call at all)
 * @param services   services to deploy, always in catalog order (gateway last)
 * @param endpoint   endpoint override for ECS and ECR (tests, LocalStack)
 */
public record DeployOptions(
        Mode mode,
        String env,
        String cluster,
        String imageTag,
        String region,
        String profile,
        String account,
        List<ServiceSpec> services,
        Duration timeout,
        Duration pollInterval,
        URI endpoint,
        Path jsonOut) {

    public enum Mode { DEPLOY, PLAN, DRY_RUN }

    public static final String USAGE = """
            usage: deploy.sh --tag <image-tag> [options]
              --tag TAG            image tag to roll out (the git SHA build-and-push.sh pushed)   [required]
              --env dev|prod       environment (cluster ai-assistants-<env>)                     [default: dev]
              --cluster NAME       ECS cluster name (overrides --env)
              --services a,b,...   subset of services (default: all; order is always MCP, backend, gateway)
              --region REGION      AWS region (default: AWS_REGION / profile)
              --profile NAME       AWS named profile
              --account ID         account id, only used to print image URIs in --dry-run
              --timeout SECONDS    per-service wait for a stable rollout                         [default: 900]
              --poll SECONDS       poll interval while waiting                                    [default: 10]
              --json-out FILE      also write the JSON summary to FILE
              --plan               read-only: check services, task definitions and images exist, print the plan
              --dry-run            no AWS call: print the steps a deploy would take
              --endpoint-url URL   ECS/ECR endpoint override (tests, LocalStack)
            exit codes: 0 ok, 1 failed and rolled back, 2 usage, 3 preflight failed (missing service or image), 4 rollback failed
            """;

    /** Thrown for invalid command lines (exit code 2). */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }

    public static DeployOptions parse(List<String> args) {
        Mode mode = Mode.DEPLOY;
        String env = "dev";
        String cluster = null;
        String tag = null;
        String region = null;
        String profile = null;
        String account = null;
        List<ServiceSpec> services = ServiceCatalog.ALL;
        Duration timeout = Duration.ofSeconds(900);
        Duration poll = Duration.ofSeconds(10);
        URI endpoint = null;
        Path jsonOut = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--plan" -> mode = Mode.PLAN;
                case "--dry-run" -> mode = Mode.DRY_RUN;
                case "--env" -> env = value(args, ++i, arg);
                case "--cluster" -> cluster = value(args, ++i, arg);
                case "--tag" -> tag = value(args, ++i, arg);
                case "--region" -> region = value(args, ++i, arg);
                case "--profile" -> profile = value(args, ++i, arg);
                case "--account" -> account = value(args, ++i, arg);
                case "--services" -> services = services(value(args, ++i, arg));
                case "--timeout" -> timeout = Duration.ofSeconds(number(value(args, ++i, arg), arg));
                case "--poll" -> poll = Duration.ofMillis(Math.round(Double.parseDouble(value(args, ++i, arg)) * 1000));
                case "--endpoint-url" -> endpoint = URI.create(value(args, ++i, arg));
                case "--json-out" -> jsonOut = Path.of(value(args, ++i, arg));
                default -> throw new UsageException("unknown option " + arg);
            }
        }
        if (tag == null || tag.isBlank()) {
            throw new UsageException("--tag is required");
        }
        if (!tag.matches("[A-Za-z0-9_.-]{1,128}")) {
            throw new UsageException("invalid image tag " + tag);
        }
        if (!env.equals("dev") && !env.equals("prod")) {
            throw new UsageException("--env must be dev or prod");
        }
        return new DeployOptions(mode, env, cluster == null ? ServiceCatalog.clusterName(env) : cluster, tag, region,
                profile, account, services, timeout, poll, endpoint, jsonOut);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(i);
    }

    private static long number(String value, String option) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be a number of seconds");
        }
    }

    private static List<ServiceSpec> services(String csv) {
        List<String> wanted = List.of(csv.split(","));
        for (String name : wanted) {
            if (ServiceCatalog.find(name.trim()).isEmpty()) {
                throw new UsageException("unknown service " + name + " (known: "
                        + ServiceCatalog.ALL.stream().map(ServiceSpec::name).toList() + ")");
            }
        }
        List<ServiceSpec> ordered = new ArrayList<>();
        for (ServiceSpec spec : ServiceCatalog.ALL) {
            if (wanted.stream().map(String::trim).anyMatch(spec.name()::equals)) {
                ordered.add(spec);
            }
        }
        return ordered;
    }
}
