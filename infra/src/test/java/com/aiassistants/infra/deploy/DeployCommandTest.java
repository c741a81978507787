package com.aiassistants.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class DeployCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return DeployCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private JsonNode json() {
        return DeployCommand.JSON.readTree(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void dryRunPrintsEveryStepWithoutCallingAws() {
        int code = run("--dry-run", "--env", "prod", "--tag", "abc1234", "--account", "123456789012", "--region", "eu-west-1");

        assertThat(code).isZero();
        String steps = err.toString(StandardCharsets.UTF_8);
        assertThat(steps).contains("no AWS call made",
                "mcp-professionals: register a new revision of ai-assistants-prod-mcp-professionals",
                "123456789012.dkr.ecr.eu-west-1.amazonaws.com/ai-assistants/backend-api:abc1234",
                "whatsapp-gateway: register", "stop-before-start");
        assertThat(steps.indexOf("backend-api: register")).isLessThan(steps.indexOf("whatsapp-gateway: register"));
        JsonNode summary = json();
        assertThat(summary.get("result").asString()).isEqualTo("PLANNED");
        assertThat(summary.get("mode").asString()).isEqualTo("dry_run");
        assertThat(summary.get("services")).hasSize(6);
        assertThat(summary.get("services").get(0).get("outcome").asString()).isEqualTo("PLANNED");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run("--env", "prod")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--tag is required");
        assertThat(run("--tag", "x", "--services", "nope")).isEqualTo(2);
        assertThat(run("--tag", "x", "--bogus")).isEqualTo(2);
    }

    @Test
    void fullRunAgainstTheFakeWritesJsonAndExitCode(@TempDir Path dir) throws Exception {
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        try (FakeEcsEcr fake = new FakeEcsEcr().withAllServicesOn("old1111").withImage("new2222").failing("mcp-llm", "new2222")) {
            Path summaryFile = dir.resolve("deploy.json");
            int code = run("--env", "prod", "--tag", "new2222", "--region", "us-east-1", "--poll", "0",
                    "--endpoint-url", fake.endpoint().toString(), "--json-out", summaryFile.toString());

            assertThat(code).isEqualTo(1);
            JsonNode summary = json();
            assertThat(summary.get("result").asString()).isEqualTo("ROLLED_BACK");
            assertThat(summary.get("cluster").asString()).isEqualTo("ai-assistants-prod");
            assertThat(summary.get("image_tag").asString()).isEqualTo("new2222");
            assertThat(Files.readString(summaryFile)).contains("\"FAILED_ROLLED_BACK\"", "\"previous_task_definition\"");
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("deploy: ROLLED_BACK (exit 1)");
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }

    @Test
    void imageReferencesSplitIntoRegistryRepositoryAndTag() {
        ImageReference ref = ImageReference.parse("123.dkr.ecr.eu-west-1.amazonaws.com/ai-assistants/mcp-llm:abc");
        assertThat(ref.repository()).isEqualTo("ai-assistants/mcp-llm");
        assertThat(ref.withTag("def")).isEqualTo("123.dkr.ecr.eu-west-1.amazonaws.com/ai-assistants/mcp-llm:def");
        assertThat(ImageReference.parse("reg.example/x/y@sha256:00").tag()).isEqualTo("latest");
    }
}
