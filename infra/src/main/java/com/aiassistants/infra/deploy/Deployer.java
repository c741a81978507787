package com.aiassistants.infra.deploy;

import com.aiassistants.infra.catalog.ServiceSpec;
import com.aiassistants.infra.deploy.DeploySummary.Result;
import com.aiassistants.infra.deploy.ServiceOutcome.Status;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.EcrException;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.ImageNotFoundException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DeploymentRolloutState;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * Rolls a new image tag out to the ECS services: check everything first (services exist, images
 * pushed), then per service in catalog order (MCP servers, backend, gateway last) register a new
 * task definition revision with the new image, update the service and wait until the rollout is
 * stable. On the first failure every service touched in this run goes back to its previous task
 * definition (failed one first, then in reverse order) and the rest are skipped.
 */
public class Deployer {

    /** Blocks between polls; replaced in tests. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final EcsClient ecs;
    private final EcrClient ecr;
    private final PrintStream progress;
    private final Sleeper sleeper;

    public Deployer(EcsClient ecs, EcrClient ecr, PrintStream progress, Sleeper sleeper) {
        this.ecs = ecs;
        this.ecr = ecr;
        this.progress = progress;
        this.sleeper = sleeper;
    }

    /** One service ready to roll: where it is now and what it moves to. */
    record Plan(ServiceSpec spec, TaskDefinition current, String currentImage, String newImage) {
    }

    public DeploySummary run(DeployOptions options) {
        List<Plan> plans = new ArrayList<>();
        List<ServiceOutcome> problems = new ArrayList<>();
        for (ServiceSpec spec : options.services()) {
            preflight(options, spec, plans, problems);
        }
        if (!problems.isEmpty()) {
            List<ServiceOutcome> outcomes = new ArrayList<>(problems);
            plans.forEach(p -> outcomes.add(outcome(p, Status.SKIPPED, null, "not deployed: preflight failed", 0)));
            return summary(options, Result.PREFLIGHT_FAILED, outcomes);
        }
        if (options.mode() == DeployOptions.Mode.PLAN) {
            List<ServiceOutcome> outcomes = plans.stream().map(p -> {
                progress.printf("[%s] would register %s with image %s (now %s), then update the service%n",
                        p.spec().name(), p.current().family(), p.newImage(), p.currentImage());
                return outcome(p, Status.PLANNED, null, "would move from " + p.currentImage(), 0);
            }).toList();
            return summary(options, Result.PLANNED, outcomes);
        }
        return deploy(options, plans);
    }

    private void preflight(DeployOptions options, ServiceSpec spec, List<Plan> plans, List<ServiceOutcome> problems) {
        Optional<Service> service = describe(options.cluster(), spec.name());
        if (service.isEmpty()) {
            progress.printf("[%s] MISSING: no active service in cluster %s%n", spec.name(), options.cluster());
            problems.add(new ServiceOutcome(spec.name(), Status.MISSING, null, null, null,
                    "service not found in cluster " + options.cluster(), 0));
            return;
        }
        TaskDefinition current = ecs.describeTaskDefinition(b -> b.taskDefinition(service.get().taskDefinition()))
                .taskDefinition();
        ContainerDefinition container = appContainer(current, spec);
        ImageReference image = ImageReference.parse(container.image());
        String newImage = image.withTag(options.imageTag());
        try {
            ecr.describeImages(b -> b.repositoryName(image.repository())
                    .imageIds(ImageIdentifier.builder().imageTag(options.imageTag()).build()));
        } catch (ImageNotFoundException | RepositoryNotFoundException e) {
            progress.printf("[%s] IMAGE MISSING: %s%n", spec.name(), newImage);
            problems.add(new ServiceOutcome(spec.name(), Status.IMAGE_MISSING, current.taskDefinitionArn(), null, newImage,
                    "image not in ECR: " + e.awsErrorDetails().errorMessage(), 0));
            return;
        } catch (EcrException e) {
            throw e;
        }
        plans.add(new Plan(spec, current, container.image(), newImage));
    }

    private DeploySummary deploy(DeployOptions options, List<Plan> plans) {
        List<ServiceOutcome> outcomes = new ArrayList<>();
        List<Plan> deployed = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            Plan plan = plans.get(i);
            long started = System.nanoTime();
            if (plan.currentImage().equals(plan.newImage())) {
                progress.printf("[%s] already on %s%n", plan.spec().name(), plan.newImage());
                outcomes.add(outcome(plan, Status.UNCHANGED, plan.current().taskDefinitionArn(), "already running this image", 0));
                continue;
            }
            String newArn = register(plan);
            progress.printf("[%s] registered %s, updating service%n", plan.spec().name(), newArn);
            ecs.updateService(b -> b.cluster(options.cluster()).service(plan.spec().name()).taskDefinition(newArn));
            Optional<String> failure = waitStable(options, plan.spec().name(), newArn);
            long seconds = elapsedSeconds(started);
            if (failure.isEmpty()) {
                progress.printf("[%s] stable on %s (%d s)%n", plan.spec().name(), newArn, seconds);
                outcomes.add(outcome(plan, Status.DEPLOYED, newArn, "stable", seconds));
                deployed.add(plan);
                continue;
            }
            progress.printf("[%s] FAILED: %s; rolling back%n", plan.spec().name(), failure.get());
            boolean rollbackOk = true;
            ServiceOutcome failed = rollback(options, plan, newArn, Status.FAILED_ROLLED_BACK, failure.get(), seconds);
            rollbackOk &= failed.outcome() != Status.ROLLBACK_FAILED;
            outcomes.add(failed);
            for (int j = deployed.size() - 1; j >= 0; j--) {
                Plan done = deployed.get(j);
                ServiceOutcome back = rollback(options, done, null, Status.ROLLED_BACK,
                        "rolled back because " + plan.spec().name() + " failed", 0);
                rollbackOk &= back.outcome() != Status.ROLLBACK_FAILED;
                outcomes.replaceAll(o -> o.service().equals(done.spec().name()) ? back : o);
            }
            for (Plan skipped : plans.subList(i + 1, plans.size())) {
                outcomes.add(outcome(skipped, Status.SKIPPED, null, "not deployed: " + plan.spec().name() + " failed", 0));
            }
            return summary(options, rollbackOk ? Result.ROLLED_BACK : Result.ROLLBACK_FAILED, outcomes);
        }
        return summary(options, Result.SUCCEEDED, outcomes);
    }

    private ServiceOutcome rollback(DeployOptions options, Plan plan, String newArn, Status ok, String reason, long seconds) {
        String previous = plan.current().taskDefinitionArn();
        progress.printf("[%s] rolling back to %s%n", plan.spec().name(), previous);
        ecs.updateService(b -> b.cluster(options.cluster()).service(plan.spec().name()).taskDefinition(previous));
        Optional<String> failure = waitStable(options, plan.spec().name(), previous);
        if (failure.isPresent()) {
            progress.printf("[%s] ROLLBACK FAILED: %s%n", plan.spec().name(), failure.get());
            return new ServiceOutcome(plan.spec().name(), Status.ROLLBACK_FAILED, previous, newArn, plan.newImage(),
                    reason + "; rollback failed: " + failure.get(), seconds);
        }
        progress.printf("[%s] back on %s%n", plan.spec().name(), previous);
        return new ServiceOutcome(plan.spec().name(), ok, previous, newArn, plan.newImage(), reason, seconds);
    }

    private String register(Plan plan) {
        TaskDefinition td = plan.current();
        // the app container and every container running the same image (the db-role init container) move together;
        // sidecars from other images (the tracing collector) keep theirs
        List<ContainerDefinition> containers = td.containerDefinitions().stream()
                .map(c -> c.name().equals(plan.spec().name()) || c.image().equals(plan.currentImage())
                        ? c.toBuilder().image(plan.newImage()).build() : c)
                .toList();
        RegisterTaskDefinitionRequest request = RegisterTaskDefinitionRequest.builder()
                .family(td.family())
                .taskRoleArn(td.taskRoleArn())
                .executionRoleArn(td.executionRoleArn())
                .networkMode(td.networkMode())
                .containerDefinitions(containers)
                .volumes(td.volumes())
                .placementConstraints(td.placementConstraints())
                .requiresCompatibilities(td.requiresCompatibilities())
                .cpu(td.cpu())
                .memory(td.memory())
                .pidMode(td.pidMode())
                .ipcMode(td.ipcMode())
                .proxyConfiguration(td.proxyConfiguration())
                .ephemeralStorage(td.ephemeralStorage())
                .runtimePlatform(td.runtimePlatform())
                .build();
        return ecs.registerTaskDefinition(request).taskDefinition().taskDefinitionArn();
    }

    /** Empty when the service runs {@code taskDefinitionArn} steadily; otherwise why not. */
    private Optional<String> waitStable(DeployOptions options, String serviceName, String taskDefinitionArn) {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        String lastLine = "";
        while (true) {
            Optional<Service> described = describe(options.cluster(), serviceName);
            if (described.isEmpty()) {
                return Optional.of("service disappeared");
            }
            Service service = described.get();
            Deployment target = service.deployments().stream()
                    .filter(d -> taskDefinitionArn.equals(d.taskDefinition())).findFirst().orElse(null);
            if (target == null) {
                return Optional.of("deployment of " + taskDefinitionArn + " was replaced (circuit breaker rollback?)");
            }
            String line = String.format("[%s] running %d/%d, pending %d, rollout %s", serviceName,
                    target.runningCount(), target.desiredCount(), target.pendingCount(),
                    target.rolloutState() == null ? "-" : target.rolloutStateAsString());
            if (!line.equals(lastLine)) {
                progress.println(line);
                lastLine = line;
            }
            if (target.rolloutState() == DeploymentRolloutState.FAILED) {
                return Optional.of("rollout failed: " + Optional.ofNullable(target.rolloutStateReason()).orElse("no reason given"));
            }
            boolean onlyDeployment = service.deployments().size() == 1;
            boolean allRunning = target.runningCount().equals(target.desiredCount());
            if (onlyDeployment && allRunning && (target.rolloutState() == null
                    || target.rolloutState() == DeploymentRolloutState.COMPLETED)) {
                return Optional.empty();
            }
            if (System.nanoTime() > deadline) {
                return Optional.of("not stable after " + options.timeout().toSeconds() + " s");
            }
            try {
                sleeper.sleep(options.pollInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("interrupted");
            }
        }
    }

    private Optional<Service> describe(String cluster, String serviceName) {
        DescribeServicesResponse response = ecs.describeServices(b -> b.cluster(cluster).services(serviceName));
        return response.services().stream()
                .filter(s -> serviceName.equals(s.serviceName()) && "ACTIVE".equals(s.status()))
                .findFirst();
    }

    private static ContainerDefinition appContainer(TaskDefinition td, ServiceSpec spec) {
        return td.containerDefinitions().stream().filter(c -> c.name().equals(spec.name())).findFirst()
                .orElseThrow(() -> new IllegalStateException(td.taskDefinitionArn() + " has no container named " + spec.name()));
    }

    private static ServiceOutcome outcome(Plan plan, Status status, String newArn, String message, long seconds) {
        return new ServiceOutcome(plan.spec().name(), status, plan.current().taskDefinitionArn(), newArn, plan.newImage(),
                message, seconds);
    }

    private static DeploySummary summary(DeployOptions options, Result result, List<ServiceOutcome> outcomes) {
        return new DeploySummary(options.cluster(), options.imageTag(), options.mode().name().toLowerCase(), result, outcomes);
    }

    private static long elapsedSeconds(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds();
    }
}
