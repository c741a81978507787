package com.aiassistants.llm.tool;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.aiassistants.common.mcp.client.McpToolError;
import com.aiassistants.llm.LlmServiceTest;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Response bodies that providers publish or were recorded sending ({@code provider-fixtures/*.json}, source
 * in each), served over HTTP by WireMock and read through the real {@code chat_completion} tool: each ends
 * as the fixture's {@code expect} says. Also: tool-call ids across rounds, and the caller's time budget.
 */
class ProviderFixturesTest extends LlmServiceTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String GENERATED_ID = "call_[A-Za-z0-9]{24}";
    static final List<Map<String, Object>> TOOLS = Stream.of("list_services", "list_professionals",
            "find_available_slots", "list_customer_bookings").map(name -> Map.<String, Object>of("name", name)).toList();

    @Autowired
    MeterRegistry meters;

    record Fixture(String file, JsonNode json) {

        @Override
        public String toString() {
            return file;
        }

        String provider() {
            return json.path("provider").asString();
        }

        JsonNode expect() {
            return json.path("expect");
        }
    }

    static Stream<Fixture> fixtures() throws IOException {
        Path dir = Path.of("src/test/resources/provider-fixtures");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().map(f -> {
                try (InputStream in = Files.newInputStream(f)) {
                    return new Fixture(f.getFileName().toString(), JSON.readTree(in));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList().stream();
        }
    }

    static String tenant(String provider) {
        return switch (provider) {
            case "openai" -> "acme";
            case "azure-openai" -> "azure-clinic";
            case "bedrock" -> "bedrock-wire";
            default -> throw new IllegalArgumentException(provider);
        };
    }

    /** Where each provider variant is called, with the request shape it must get. */
    static MappingBuilder endpoint(String provider) {
        return switch (provider) {
            case "openai" -> post(urlEqualTo("/v1/chat/completions")).withHeader("Authorization",
                    equalTo("Bearer " + OPENAI_KEY));
            case "azure-openai" -> post(urlPathEqualTo("/openai/deployments/clinic-gpt4o/chat/completions"))
                    .withQueryParam("api-version", equalTo("2024-10-21")).withHeader("api-key", equalTo(AZURE_KEY));
            case "bedrock" -> post(urlPathMatching("/model/.+/converse"));
            default -> throw new IllegalArgumentException(provider);
        };
    }

    static ResponseDefinitionBuilder answer(JsonNode fixture) {
        ResponseDefinitionBuilder response = aResponse().withStatus(fixture.path("status").asInt());
        fixture.path("headers").properties().forEach(h -> response.withHeader(h.getKey(), h.getValue().asString()));
        if (!fixture.path("headers").has("Content-Type")) {
            response.withHeader("Content-Type", "application/json");
        }
        return response.withBody(fixture.has("body_text") ? fixture.path("body_text").asString()
                : JSON.writeValueAsString(fixture.path("body")));
    }

    Map<String, Object> chat(String tenant, List<Map<String, Object>> messages, Integer timeoutMs) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("messages", messages);
        arguments.put("tools", TOOLS);
        if (timeoutMs != null) {
            arguments.put("timeout_ms", timeoutMs);
        }
        return client.callForMap(tenant, "chat_completion", arguments, false);
    }

    static List<Map<String, Object>> userSays(String text) {
        return List.of(Map.of("role", "user", "content", text));
    }

    double alerts(String provider, String reason) {
        Counter counter = meters.find("llm.alerts").tags("provider", provider, "reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    @SuppressWarnings("unchecked")
    void everyProviderAnswerEndsAsTheFixtureSays(Fixture fixture) {
        String provider = fixture.provider();
        OPENAI.stubFor(endpoint(provider).willReturn(answer(fixture.json())));
        JsonNode expect = fixture.expect();
        String providerName = switch (provider) {
            case "openai" -> "fakeopenai";
            case "azure-openai" -> "fakeazure";
            default -> "bedrockwire";
        };

        if (expect.has("error")) {
            String code = expect.path("error").asString();
            double alertsBefore = alerts(providerName, code);
            assertThatThrownBy(() -> chat(tenant(provider), userSays("Quiero un turno"), null))
                    .isInstanceOfSatisfying(McpToolError.class, e -> {
                        assertThat(e.code()).isEqualTo(code);
                        assertThat(e.getMessage()).doesNotContain(OPENAI_KEY).doesNotContain(AZURE_KEY)
                                .doesNotContain("sk-proj");
                        if (expect.has("retry_after_seconds")) {
                            assertThat(e.body()).containsEntry("retry_after_seconds", expect.path("retry_after_seconds").asInt());
                        }
                    });
            boolean alerting = code.equals("quota_exhausted") || code.equals("provider_auth");
            assertThat(alerts(providerName, code) - alertsBefore).as("llm.alerts").isEqualTo(alerting ? 1.0 : 0.0);
        } else {
            Map<String, Object> out = chat(tenant(provider), userSays("Quiero un turno"), null);
            Map<String, Object> message = (Map<String, Object>) out.get("message");
            assertThat(out.get("finish_reason")).isEqualTo(expect.path("finish_reason").asString());
            if (expect.has("content")) {
                assertThat(message.get("content")).isEqualTo(expect.path("content").isNull() ? null
                        : expect.path("content").asString());
            }
            if (expect.has("refusal")) {
                assertThat(message.get("refusal")).isEqualTo(expect.path("refusal").asString());
            }
            if (expect.has("model")) {
                assertThat(out.get("model")).isEqualTo(expect.path("model").asString());
            }
            if (expect.has("tool_calls")) {
                List<Map<String, Object>> calls = (List<Map<String, Object>>) message.get("tool_calls");
                assertThat(calls).hasSize(expect.path("tool_calls").size());
                Set<Object> ids = new HashSet<>();
                for (int i = 0; i < calls.size(); i++) {
                    JsonNode want = expect.path("tool_calls").get(i);
                    Map<String, Object> call = calls.get(i);
                    assertThat(call.get("name")).isEqualTo(want.path("name").asString());
                    assertThat(call.get("arguments")).isEqualTo(JSON.convertValue(want.path("arguments"), Map.class));
                    if (want.path("id").asString().equals("generated")) {
                        assertThat(call.get("id").toString()).matches(GENERATED_ID);
                    } else {
                        assertThat(call.get("id")).isEqualTo(want.path("id").asString());
                    }
                    ids.add(call.get("id"));
                }
                assertThat(ids).as("ids are unique").hasSize(calls.size());
            }
        }
        if (expect.has("requests")) {
            assertThat(OPENAI.getAllServeEvents()).as("requests the provider saw").hasSize(expect.path("requests").asInt());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aToolCallWithoutAnIdGetsOneThatTheNextRoundSendsBack() throws IOException {
        JsonNode gemini = fixtures().filter(f -> f.file().equals("gemini-openai-compat-empty-id.json")).findFirst()
                .orElseThrow().json();
        OPENAI.stubFor(endpoint("openai").willReturn(answer(gemini)));
        Map<String, Object> first = chat("acme", userSays("Turno de limpieza el 15/01"), null);
        Map<String, Object> call = ((List<Map<String, Object>>) ((Map<String, Object>) first.get("message"))
                .get("tool_calls")).getFirst();
        String id = call.get("id").toString();
        assertThat(id).matches(GENERATED_ID);

        OPENAI.resetAll();
        OPENAI.stubFor(endpoint("openai").willReturn(aResponse().withStatus(200).withHeader("Content-Type",
                "application/json").withBody("""
                {"id":"x","object":"chat.completion","model":"gemini-2.5-pro","choices":[{"index":0,
                 "finish_reason":"stop","message":{"role":"assistant","content":"Hay turno a las 10:00."}}]}
                """)));
        List<Map<String, Object>> history = new ArrayList<>(userSays("Turno de limpieza el 15/01"));
        history.add(Map.of("role", "assistant", "tool_calls", List.of(call)));
        history.add(Map.of("role", "tool", "tool_call_id", id, "content", "{\"slots\":[\"10:00\"]}"));
        Map<String, Object> second = chat("acme", history, null);

        assertThat(((Map<String, Object>) second.get("message")).get("content")).isEqualTo("Hay turno a las 10:00.");
        JsonNode sent = JSON.readTree(OPENAI.getAllServeEvents().getFirst().getRequest().getBodyAsString());
        assertThat(sent.at("/messages/1/tool_calls/0/id").asString()).isEqualTo(id);
        assertThat(sent.at("/messages/2/tool_call_id").asString()).isEqualTo(id);
    }

    @Test
    void aHistoryThatKeptTheEmptyIdsIsPairedByPosition() {
        OPENAI.stubFor(endpoint("openai").willReturn(aResponse().withStatus(200).withHeader("Content-Type",
                "application/json").withBody("""
                {"id":"x","object":"chat.completion","model":"m","choices":[{"index":0,"finish_reason":"stop",
                 "message":{"role":"assistant","content":"Listo."}}]}
                """)));
        List<Map<String, Object>> history = new ArrayList<>(userSays("¿Qué servicios y profesionales hay?"));
        history.add(Map.of("role", "assistant", "tool_calls", List.of(
                Map.of("id", "", "name", "list_services", "arguments", Map.of()),
                Map.of("id", "", "name", "list_professionals", "arguments", Map.of()))));
        history.add(Map.of("role", "tool", "content", "{\"services\":[]}"));
        history.add(Map.of("role", "tool", "tool_call_id", "", "content", "{\"professionals\":[]}"));

        chat("acme", history, null);

        JsonNode sent = JSON.readTree(OPENAI.getAllServeEvents().getFirst().getRequest().getBodyAsString());
        assertThat(sent.at("/messages/1/tool_calls/0/id").asString()).isEqualTo("call_m1_0");
        assertThat(sent.at("/messages/1/tool_calls/1/id").asString()).isEqualTo("call_m1_1");
        assertThat(sent.at("/messages/2/tool_call_id").asString()).isEqualTo("call_m1_0");
        assertThat(sent.at("/messages/3/tool_call_id").asString()).isEqualTo("call_m1_1");
    }

    @Test
    void theCallersBudgetCapsTheProviderCall() {
        // answers in 2 s, within the configured 3 s read timeout, but the caller waits only 500 ms
        OPENAI.stubFor(endpoint("openai").willReturn(aResponse().withStatus(200).withFixedDelay(2000)
                .withHeader("Content-Type", "application/json").withBody("""
                {"id":"x","object":"chat.completion","model":"m","choices":[{"index":0,"finish_reason":"stop",
                 "message":{"role":"assistant","content":"tarde"}}]}
                """)));

        assertThatThrownBy(() -> chat("acme", userSays("hola"), 500))
                .isInstanceOfSatisfying(McpToolError.class, e -> assertThat(e.code()).isEqualTo("provider_timeout"));
        assertThat(OPENAI.getAllServeEvents()).hasSize(1);
    }

    @Test
    void noRetryIsSentOnceTheCallersBudgetIsSpent() {
        // a slow 503: retryable, and fakeopenai allows two attempts, but after the first the budget is gone
        OPENAI.stubFor(endpoint("openai").willReturn(aResponse().withStatus(503).withFixedDelay(700)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"The server is overloaded\",\"type\":\"server_error\"}}")));

        assertThatThrownBy(() -> chat("acme", userSays("hola"), 800))
                .isInstanceOfSatisfying(McpToolError.class, e -> assertThat(e.code()).isEqualTo("provider_error"));
        assertThat(OPENAI.getAllServeEvents()).as("no second, billable request after the caller gave up").hasSize(1);
    }

    @Test
    void theCallersBudgetAlsoBoundsReadingAnAnswerThatTrickles() {
        // the headers come at once, the body over 2.5 s: the budget must cover reading it, not only the headers
        OPENAI.stubFor(endpoint("openai").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withChunkedDribbleDelay(10, 2_500).withBody("""
                {"id":"x","object":"chat.completion","model":"m","choices":[{"index":0,"finish_reason":"stop",
                 "message":{"role":"assistant","content":"tarde"}}]}
                """)));

        assertThatThrownBy(() -> chat("acme", userSays("hola"), 500))
                .isInstanceOfSatisfying(McpToolError.class, e -> assertThat(e.code()).isEqualTo("provider_timeout"));
        assertThat(OPENAI.getAllServeEvents()).hasSize(1);
    }

    @Test
    void bedrockCallsStayWithinTheCallersBudget() {
        // bedrockwire allows two attempts and a 30 s read timeout; the caller waits 500 ms
        OPENAI.stubFor(endpoint("bedrock").willReturn(answer(fixture("bedrock-prompt-router.json")).withFixedDelay(2_000)));

        assertThatThrownBy(() -> chat(tenant("bedrock"), userSays("hola"), 500))
                .isInstanceOfSatisfying(McpToolError.class, e -> assertThat(e.code()).isEqualTo("provider_timeout"));
        assertThat(OPENAI.getAllServeEvents()).hasSize(1);
    }

    @Test
    void noBedrockRetryIsSentOnceTheCallersBudgetIsSpent() {
        // per-minute throttling is retried, but not after the caller's 800 ms are (almost) gone
        OPENAI.stubFor(endpoint("bedrock").willReturn(answer(fixture("bedrock-throttling.json")).withFixedDelay(700)));

        assertThatThrownBy(() -> chat(tenant("bedrock"), userSays("hola"), 800))
                .isInstanceOfSatisfying(McpToolError.class, e -> assertThat(e.code()).isEqualTo("rate_limited"));
        assertThat(OPENAI.getAllServeEvents()).as("no second, billable request after the caller gave up").hasSize(1);
    }

    static JsonNode fixture(String file) {
        try {
            return fixtures().filter(f -> f.file().equals(file)).findFirst().orElseThrow().json();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
