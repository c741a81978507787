package com.aiassistants.common.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import com.aiassistants.common.mcp.client.McpTarget;
import com.aiassistants.common.mcp.client.McpToolClient;
import com.aiassistants.common.mcp.client.McpToolError;
import com.aiassistants.common.mcp.server.McpTool;
import com.aiassistants.common.mcp.server.ToolException;

import io.modelcontextprotocol.spec.McpSchema;

@SpringBootTest(classes = McpRoundTripTest.EchoServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ai-assistants.mcp.server.service-token=round-trip-token-0123456789",
                "management.endpoint.health.group.ready.include=ping"})
class McpRoundTripTest {

    record EchoInput(@ToolParam("A greeting") String text, @ToolParam("A day") LocalDate day,
            @ToolParam(value = "How often", required = false) Integer times) {
    }

    record EchoOutput(String tenantId, String reply, LocalDate day) {
    }

    @SpringBootApplication
    static class EchoServer {
        @Bean
        McpTool<EchoInput, EchoOutput> echo() {
            return McpTool.query("echo_text", "Echoes the text back for the calling tenant.", EchoInput.class,
                    EchoOutput.class, (context, input) -> {
                        if (input.text().equals("boom")) {
                            throw new ToolException("slot_taken", "That time was just taken",
                                    java.util.Map.of("alternatives", List.of("10:30")));
                        }
                        return new EchoOutput(context.requireTenant(),
                                input.text().repeat(input.times() == null ? 1 : input.times()), input.day());
                    });
        }
    }

    @LocalServerPort
    int port;

    McpToolClient client;

    McpToolClient client(String token) {
        client = new McpToolClient("echo",
                new McpTarget(URI.create("http://localhost:" + port), token, Duration.ofSeconds(5), 0), "test", null);
        return client;
    }

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void listsToolsWithGeneratedSnakeCaseSchemas() {
        List<McpSchema.Tool> tools = client("round-trip-token-0123456789").listTools();
        assertThat(tools).extracting(McpSchema.Tool::name).containsExactly("echo_text");
        java.util.Map<String, Object> schema = tools.getFirst().inputSchema();
        assertThat((java.util.Map<String, Object>) schema.get("properties")).containsKeys("text", "day", "times");
        assertThat((List<String>) schema.get("required")).containsExactlyInAnyOrder("text", "day");
        assertThat(tools.getFirst().outputSchema()).containsKey("properties");
    }

    @Test
    void callsAToolWithTheTenantFromTheHeader() {
        EchoOutput out = client("round-trip-token-0123456789").call("tenant-a", "echo_text",
                new EchoInput("hola", LocalDate.of(2026, 1, 15), 2), EchoOutput.class);
        assertThat(out).isEqualTo(new EchoOutput("tenant-a", "holahola", LocalDate.of(2026, 1, 15)));
    }

    @Test
    void domainErrorsComeBackAsToolErrorsWithDetails() {
        assertThatThrownBy(() -> client("round-trip-token-0123456789").call("tenant-a", "echo_text",
                new EchoInput("boom", LocalDate.of(2026, 1, 15), null), EchoOutput.class))
                .isInstanceOfSatisfying(McpToolError.class, e -> {
                    assertThat(e.code()).isEqualTo("slot_taken");
                    assertThat(e.body()).containsKey("alternatives");
                });
    }

    @Test
    void missingTenantIsAToolError() {
        assertThatThrownBy(() -> client("round-trip-token-0123456789").call(null, "echo_text",
                new EchoInput("hola", LocalDate.of(2026, 1, 15), null), EchoOutput.class))
                .isInstanceOf(McpToolError.class).hasMessageContaining("X-Tenant-Id");
    }

    @Test
    void invalidArgumentsAreRejectedBySchema() {
        assertThatThrownBy(() -> client("round-trip-token-0123456789").callForMap("tenant-a", "echo_text",
                java.util.Map.of("text", "hola", "day", "2026-01-15", "tenant_id", "forged"), false))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void refusesWrongTokenAndForeignOrigin() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String init = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
        HttpResponse<String> noToken = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/mcp"))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(init)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(noToken.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
        HttpResponse<String> evilOrigin = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/mcp"))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .header("Authorization", "Bearer round-trip-token-0123456789").header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString(init)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(evilOrigin.statusCode()).isEqualTo(403);
        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/mcp"))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .header("Authorization", "Bearer round-trip-token-0123456789")
                .POST(HttpRequest.BodyPublishers.ofString(init)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("serverInfo");
    }
}
