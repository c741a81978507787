package com.aiassistants.llm.bedrock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

/**
 * A WireMock stand-in for Bedrock Runtime speaking the Converse wire protocol (REST-JSON): it records each request
 * (path, headers, body) and answers with scripted responses in order, the last one repeating.
 */
public final class FakeBedrock implements AutoCloseable {

    private static final String SCRIPT = "script";

    public record Recorded(String path, Map<String, List<String>> headers, String body) {
    }

    public record Scripted(int status, Map<String, String> headers, String body) {
    }

    private final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    public FakeBedrock() {
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** Forgets what was received and answers the next requests with these, in order, the last one repeating. */
    public void reset(Scripted... responses) {
        server.resetAll();
        for (int i = 0; i < responses.length; i++) {
            String state = i == 0 ? Scenario.STARTED : "answer " + i;
            var stub = any(anyUrl()).inScenario(SCRIPT).whenScenarioStateIs(state);
            if (i < responses.length - 1) {
                stub = stub.willSetStateTo("answer " + (i + 1));
            }
            server.stubFor(stub.willReturn(response(responses[i])));
        }
    }

    /** Every request so far, oldest first. */
    public List<Recorded> requests() {
        return server.getAllServeEvents().reversed().stream().map(event -> {
            var request = event.getRequest();
            Map<String, List<String>> headers = request.getHeaders().all().stream()
                    .collect(Collectors.toMap(HttpHeader::key, HttpHeader::values, (a, b) -> a));
            String path = request.getUrl().contains("?") ? request.getUrl().substring(0, request.getUrl().indexOf('?'))
                    : request.getUrl();
            return new Recorded(path, headers, new String(request.getBody(), StandardCharsets.UTF_8));
        }).toList();
    }

    private static ResponseDefinitionBuilder response(Scripted answer) {
        ResponseDefinitionBuilder response = aResponse().withStatus(answer.status())
                .withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-RequestId", java.util.UUID.randomUUID().toString())
                .withBody(answer.body());
        answer.headers().forEach(response::withHeader);
        return response;
    }

    public static Scripted ok(String body) {
        return new Scripted(200, Map.of(), body);
    }

    public static Scripted error(int status, String errorType, String message) {
        return new Scripted(status, Map.of("x-amzn-ErrorType", errorType + ":http://internal.amazon.com/coral/com.amazon.bedrock/"),
                "{\"message\":\"" + message + "\"}");
    }

    /** A Converse answer in the real shape: a text block and a toolUse block, stopReason tool_use. */
    public static final String TOOL_USE_ANSWER = """
            {"output":{"message":{"role":"assistant","content":[
                {"text":"Let me look that up."},
                {"toolUse":{"toolUseId":"tooluse_kZJMlvQmRJ6eAyJE5GIl7Q","name":"list_services",
                            "input":{"category":"nails","limit":5,"price_max":12.5}}}]}},
             "stopReason":"tool_use",
             "usage":{"inputTokens":412,"outputTokens":61,"totalTokens":473},
             "metrics":{"latencyMs":830}}
            """;

    public static final String TEXT_ANSWER = """
            {"output":{"message":{"role":"assistant","content":[{"text":"We offer Corte and Color."}]}},
             "stopReason":"end_turn",
             "usage":{"inputTokens":500,"outputTokens":9,"totalTokens":509},
             "metrics":{"latencyMs":400}}
            """;

    @Override
    public void close() {
        server.stop();
    }
}
