package com.aiassistants.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiassistants.infra.deploy.DeploySummary.Result;
import com.aiassistants.infra.deploy.ServiceOutcome.Status;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;

class DeployerTest {

    private static final String OLD = "1111111";
    private static final String NEW = "2222222";
    private static final List<String> ORDER = List.of(
            "mcp-professionals", "mcp-booking-log", "mcp-calendar", "mcp-llm", "backend-api", "whatsapp-gateway");

    private final ByteArrayOutputStream progressBytes = new ByteArrayOutputStream();
    private final PrintStream progress = new PrintStream(progressBytes, true, StandardCharsets.UTF_8);
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    private DeploySummary deploy(FakeEcsEcr fake, String... extraArgs) {
        closeables.add(fake);
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        EcsClient ecs = EcsClient.builder().endpointOverride(fake.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(ApacheHttpClient.create()).build();
        EcrClient ecr = EcrClient.builder().endpointOverride(fake.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(ApacheHttpClient.create()).build();
        closeables.add(ecs);
        closeables.add(ecr);
        List<String> args = new ArrayList<>(List.of("--env", "prod", "--tag", NEW, "--poll", "0", "--timeout", "30"));
        args.addAll(List.of(extraArgs));
        return new Deployer(ecs, ecr, progress, d -> { }).run(DeployOptions.parse(args));
    }

    private static Map<String, Status> outcomes(DeploySummary summary) {
        return summary.services().stream().collect(Collectors.toMap(ServiceOutcome::service, ServiceOutcome::outcome));
    }

    private static List<String> updates(FakeEcsEcr fake) {
        return fake.calls().stream().filter(c -> c.startsWith("UpdateService")).toList();
    }

    @Test
    void deploysEveryServiceInOrderWithTheGatewayLast() throws Exception {
        FakeEcsEcr fake = new FakeEcsEcr().withAllServicesOn(OLD).withImage(NEW);
        DeploySummary summary = deploy(fake);

        assertThat(summary.result()).isEqualTo(Result.SUCCEEDED);
        assertThat(summary.exitCode()).isZero();
        assertThat(outcomes(summary)).containsOnlyKeys(ORDER).allSatisfy((s, o) -> assertThat(o).isEqualTo(Status.DEPLOYED));
        assertThat(updates(fake)).extracting(c -> c.split(" ")[1]).containsExactlyElementsOf(ORDER);
        for (String service : ORDER) {
            String running = fake.runningTaskDefinition(service);
            assertThat(running).endsWith("ai-assistants-prod-" + service + ":2");
            assertThat(fake.imageOf(running)).isEqualTo(FakeEcsEcr.REGISTRY + "/ai-assistants/" + service + ":" + NEW);
            // the db-role init container runs the same image and moves with it; the tracing sidecar keeps its own
            assertThat(fake.imageOf(running, 1)).isEqualTo(FakeEcsEcr.REGISTRY + "/ai-assistants/" + service + ":" + NEW);
            assertThat(fake.imageOf(running, 2)).isEqualTo(FakeEcsEcr.OTEL_IMAGE);
        }
        // the new revision keeps everything but the image
        var gateway = fake.taskDefinition(fake.runningTaskDefinition("whatsapp-gateway"));
        assertThat(gateway.get("executionRoleArn").asString()).endsWith("whatsapp-gateway-exec");
        assertThat(gateway.get("volumes").get(0).get("efsVolumeConfiguration").get("fileSystemId").asString()).isEqualTo("fs-123");
        assertThat(gateway.get("containerDefinitions").get(0).get("secrets").get(0).get("name").asString())
                .isEqualTo("AI_ASSISTANTS_MCP_TOKEN");
        assertThat(progressBytes.toString(StandardCharsets.UTF_8))
                .contains("[backend-api] running 0/2, pending 2, rollout IN_PROGRESS")
                .contains("[whatsapp-gateway] stable on");
    }

    @Test
    void aFailedRolloutRollsBackEveryTouchedServiceAndSkipsTheRest() throws Exception {
        FakeEcsEcr fake = new FakeEcsEcr().withAllServicesOn(OLD).withImage(NEW).failing("backend-api", NEW);
        DeploySummary summary = deploy(fake);

        assertThat(summary.result()).isEqualTo(Result.ROLLED_BACK);
        assertThat(summary.exitCode()).isEqualTo(1);
        Map<String, Status> outcomes = outcomes(summary);
        assertThat(outcomes).containsEntry("backend-api", Status.FAILED_ROLLED_BACK)
                .containsEntry("whatsapp-gateway", Status.SKIPPED)
                .containsEntry("mcp-professionals", Status.ROLLED_BACK)
                .containsEntry("mcp-llm", Status.ROLLED_BACK);
        for (String service : ORDER) {
            assertThat(fake.runningTaskDefinition(service)).as(service).endsWith("ai-assistants-prod-" + service + ":1");
        }
        assertThat(updates(fake)).noneMatch(c -> c.contains("whatsapp-gateway"));
        // failed service first, then the others newest first
        List<String> rollbacks = updates(fake).stream().filter(c -> c.endsWith(":1")).map(c -> c.split(" ")[1]).toList();
        assertThat(rollbacks).containsExactly("backend-api", "mcp-llm", "mcp-calendar", "mcp-booking-log", "mcp-professionals");
        ServiceOutcome backend = summary.services().stream().filter(o -> o.service().equals("backend-api")).findFirst().orElseThrow();
        assertThat(backend.message()).contains("circuit breaker");
        assertThat(backend.previousTaskDefinition()).endsWith("backend-api:1");
        assertThat(backend.newTaskDefinition()).endsWith("backend-api:2");
    }

    @Test
    void aMissingServiceStopsEverythingBeforeAnyChange() throws Exception {
        FakeEcsEcr fake = new FakeEcsEcr().withAllServicesOn(OLD).withImage(NEW).withoutService("mcp-llm");
        DeploySummary summary = deploy(fake);

        assertThat(summary.result()).isEqualTo(Result.PREFLIGHT_FAILED);
        assertThat(summary.exitCode()).isEqualTo(3);
        assertThat(outcomes(summary)).containsEntry("mcp-llm", Status.MISSING).containsEntry("backend-api", Status.SKIPPED);
        assertThat(fake.calls()).noneMatch(c -> c.startsWith("UpdateService") || c.startsWith("RegisterTaskDefinition"));
    }

    @Test
    void aMissingImageStopsEverythingBeforeAnyChange() throws Exception {
        FakeEcsEcr fake = new FakeEcsEcr().withAllServicesOn(OLD).withImage(NEW).withoutImage("whatsapp-gateway", NEW);
        DeploySummary summary = deploy(fake);

        assertThat(summary.exitCode()).isEqualTo(3);
        assertThat(outcomes(summary)).containsEntry("whatsapp-gateway", Status.IMAGE_MISSING);
        assertThat(fake.calls()).noneMatch(c -> c.startsWith("UpdateService"));
    }

    @Test
    void planReadsButChangesNothing() throws Exception {
        FakeEcsEcr fake = new FakeEcsEcr().withAllServicesOn(OLD).withImage(NEW);
        DeploySummary summary = deploy(fake, "--plan", "--services", "backend-api,mcp-llm");

        assertThat(summary.result()).isEqualTo(Result.PLANNED);
        assertThat(summary.services()).extracting(ServiceOutcome::service).containsExactly("mcp-llm", "backend-api");
        assertThat(fake.calls()).noneMatch(c -> c.startsWith("UpdateService") || c.startsWith("RegisterTaskDefinition"));
        assertThat(progressBytes.toString(StandardCharsets.UTF_8)).contains("[backend-api] would register ai-assistants-prod-backend-api");
    }

    @Test
    void aServiceAlreadyOnTheTagIsLeftAlone() throws Exception {
        FakeEcsEcr fake = new FakeEcsEcr().withAllServicesOn(NEW);
        DeploySummary summary = deploy(fake, "--services", "mcp-calendar");

        assertThat(summary.result()).isEqualTo(Result.SUCCEEDED);
        assertThat(outcomes(summary)).containsEntry("mcp-calendar", Status.UNCHANGED);
        assertThat(updates(fake)).isEmpty();
    }
}
