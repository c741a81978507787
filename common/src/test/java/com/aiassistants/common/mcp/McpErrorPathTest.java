package com.aiassistants.common.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.aiassistants.common.mcp.client.McpTarget;
import com.aiassistants.common.mcp.client.McpToolClient;
import com.aiassistants.common.mcp.client.McpToolError;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one error path of an MCP endpoint, driven with raw HTTP (what a broken or hostile client sends) and
 * with the official SDK client (what a well-behaved one sees for bad arguments).
 */
@SpringBootTest(classes = McpRoundTripTest.EchoServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ai-assistants.mcp.server.service-token=error-path-token-0123456789",
                "management.endpoint.health.group.ready.include=ping"})
class McpErrorPathTest {

    private static final String TOKEN = "error-path-token-0123456789";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CALL = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"echo_text\","
            + "\"arguments\":%s}}";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private McpToolClient client;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
    }

    private HttpResponse<String> post(String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/mcp"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        boolean accept = true;
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equals("Accept") && headers[i + 1].isEmpty()) {
                accept = false;
                continue;
            }
            request.header(headers[i], headers[i + 1]);
        }
        if (accept) {
            request.header("Accept", "application/json, text/event-stream");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Asserts a JSON-RPC error with {@code code} and nothing of Java in the body; returns the error object. */
    private static JsonNode jsonRpcError(HttpResponse<String> response, int code) {
        assertThat(response.body()).doesNotContain("stackTrace", "localizedMessage", "Exception", "java.", "jsonRpcError");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("jsonrpc").asString()).isEqualTo("2.0");
        assertThat(body.has("id")).isTrue();
        assertThat(body.path("error").path("code").asInt()).isEqualTo(code);
        assertThat(body.path("error").path("message").asString()).isNotBlank();
        return body.path("error");
    }

    @Test
    void truncatedJsonIsAParseError() throws Exception {
        HttpResponse<String> response = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/li");
        assertThat(response.statusCode()).isEqualTo(400);
        jsonRpcError(response, -32700);
    }

    @Test
    void aBatchIsAnInvalidRequest() throws Exception {
        HttpResponse<String> response = post("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}]");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(jsonRpcError(response, -32600).path("message").asString()).contains("batch");
    }

    @Test
    void missingAcceptIsAnInvalidRequestWithTheId() throws Exception {
        HttpResponse<String> response = post("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}", "Accept", "");
        assertThat(response.statusCode()).isEqualTo(406);
        jsonRpcError(response, -32600);
        assertThat(JSON.readTree(response.body()).path("id").asInt()).isEqualTo(3);
    }

    @Test
    void wrongShapesAreInvalidRequests() throws Exception {
        for (String body : new String[] {"42", "\"hello\"", "null", "{}", "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"x\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"tools/list\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":7}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":[1,2]}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"arguments\":{}}}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"echo_text\",\"arguments\":\"x\"}}"}) {
            HttpResponse<String> response = post(body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).path("error").path("code").asInt()).as(body).isIn(-32700, -32600, -32602);
            assertThat(response.body()).as(body).doesNotContain("stackTrace", "Exception");
        }
    }

    @Test
    void emptyBodyAndGetAreJsonRpcErrorsToo() throws Exception {
        jsonRpcError(post(""), -32700);
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/mcp"))
                .header("Authorization", "Bearer " + TOKEN).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        jsonRpcError(get, -32601);
    }

    @Test
    void twoTenantHeadersAreRefused() throws Exception {
        HttpResponse<String> response = post(CALL.formatted("{\"text\":\"hola\",\"day\":\"2026-01-15\"}"),
                "X-Tenant-Id", "tenant-a", "X-Tenant-Id", "tenant-b");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(jsonRpcError(response, -32600).path("message").asString()).contains("X-Tenant-Id");
    }

    @Test
    void unknownMethodIsMethodNotFound() throws Exception {
        HttpResponse<String> response = post("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"no/such\"}");
        assertThat(response.body()).doesNotContain("stackTrace");
        assertThat(JSON.readTree(response.body()).path("error").path("code").asInt()).isEqualTo(-32601);
    }

    @Test
    void aNulCharacterIsRefusedWithTheFieldName() throws Exception {
        HttpResponse<String> response = post(CALL.formatted("{\"text\":\"ho\\u0000la\",\"day\":\"2026-01-15\"}"),
                "X-Tenant-Id", "tenant-a");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode result = JSON.readTree(response.body()).path("result");
        assertThat(result.path("isError").asBoolean()).isTrue();
        JsonNode error = JSON.readTree(result.path("content").path(0).path("text").asString());
        assertThat(error.path("error").asString()).isEqualTo("invalid_arguments");
        assertThat(error.path("field").asString()).isEqualTo("text");
    }

    McpToolClient client() {
        client = new McpToolClient("echo", new McpTarget(URI.create("http://localhost:" + port), TOKEN,
                Duration.ofSeconds(5), 0), "test", null);
        return client;
    }

    private McpToolError refused(Map<String, Object> arguments) {
        try {
            client().callForMap("tenant-a", "echo_text", arguments, false);
        } catch (McpToolError e) {
            return e;
        }
        throw new AssertionError("the call succeeded: " + arguments);
    }

    private static Map<String, Object> args(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void everyKindOfBadArgumentIsOneFormatWithAField() {
        Map<Map<String, Object>, String> cases = new LinkedHashMap<>();
        cases.put(args("day", "2026-01-15"), "text");
        cases.put(args("text", 42, "day", "2026-01-15"), "text");
        cases.put(args("text", "hola", "day", "2026-01-15", "tenant_id", "forged"), "tenant_id");
        cases.put(args("text", "hola", "day", "yesterday"), "day");
        cases.put(args("text", "hola", "day", "+999999999-12-31"), "day");
        cases.put(args("text", "hola", "day", "9999-12-31"), "day");
        cases.put(args("text", "hola", "day", "2026-01-15", "times", "twice"), "times");
        cases.put(args("text", "hola", "day", "2026-01-15", "times", 1e12), "times");
        cases.put(args("text", "a\u0007b", "day", "2026-01-15"), "text");
        cases.forEach((arguments, field) -> {
            McpToolError error = refused(arguments);
            assertThat(error.code()).as(arguments.toString()).isEqualTo("invalid_arguments");
            assertThat(error.body()).as(arguments.toString()).containsEntry("field", field);
            assertThat(error.getMessage()).as(arguments.toString()).doesNotContain("Exception", "java.");
        });
    }

    @Test
    void tabsAndNewlinesArePlainText() {
        assertThat(client().callForMap("tenant-a", "echo_text", args("text", "a\tb\nc", "day", "2026-01-15"), false))
                .containsEntry("reply", "a\tb\nc");
    }
}
