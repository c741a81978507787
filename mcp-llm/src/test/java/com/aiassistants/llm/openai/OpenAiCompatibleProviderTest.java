package com.aiassistants.llm.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.aiassistants.llm.chat.ChatMessage;
import com.aiassistants.llm.chat.ChatRequest;
import com.aiassistants.llm.chat.ChatResult;
import com.aiassistants.llm.chat.FinishReason;
import com.aiassistants.llm.chat.ProviderException;
import com.aiassistants.llm.chat.TokenUsage;
import com.aiassistants.llm.chat.ToolCall;
import com.aiassistants.llm.chat.ToolSpec;
import com.aiassistants.llm.resilience.Retrier;
import com.aiassistants.llm.resilience.RetryPolicy;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import tools.jackson.databind.json.JsonMapper;

/** The OpenAI-compatible provider against a scripted fake Chat Completions server speaking the real wire format. */
class OpenAiCompatibleProviderTest {

    static final String API_KEY = "sk-test-secret-key-123";
    static WireMockServer server;

    final List<ProviderException> retried = new ArrayList<>();
    OpenAiCompatibleProvider provider;

    @BeforeAll
    static void start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
        provider = provider(Duration.ofSeconds(2), 3);
    }

    OpenAiCompatibleProvider provider(Duration readTimeout, int attempts) {
        return new OpenAiCompatibleProvider(
                new OpenAiSettings(URI.create(server.baseUrl() + "/v1"), API_KEY, Duration.ofSeconds(1), readTimeout,
                        "max_tokens"),
                new Retrier("test", new RetryPolicy(attempts, Duration.ofMillis(10), Duration.ofMillis(200)),
                        (failure, attempt) -> retried.add(failure)));
    }

    static final ToolSpec LIST_SERVICES = new ToolSpec("list_services", "Lists the services with prices",
            Map.of("type", "object", "properties", Map.of("category", Map.of("type", "string")),
                    "additionalProperties", false));

    static ChatRequest toolRound() {
        return new ChatRequest(List.of(
                ChatMessage.system("You book appointments."),
                ChatMessage.user("¿Qué servicios tienen?"),
                ChatMessage.assistant(null, List.of(new ToolCall("call_1", "list_services", Map.of("category", "hair")))),
                ChatMessage.toolResult("call_1", "list_services", "{\"services\":[{\"name\":\"Corte\"}]}")),
                List.of(LIST_SERVICES), 0.2, 300, "gpt-test");
    }

    static final String TOOL_CALL_ANSWER = """
            {"id":"chatcmpl-1","object":"chat.completion","created":1760000000,"model":"gpt-test",
             "choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant","content":null,
               "tool_calls":[{"id":"call_9","type":"function","function":{"name":"list_services",
                 "arguments":"{\\"category\\":\\"nails\\",\\"limit\\":5}"}}]}}],
             "usage":{"prompt_tokens":123,"completion_tokens":17,"total_tokens":140}}
            """;

    static final String TEXT_ANSWER = """
            {"id":"chatcmpl-2","object":"chat.completion","model":"gpt-test",
             "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"Tenemos Corte."}}],
             "usage":{"prompt_tokens":50,"completion_tokens":4,"total_tokens":54}}
            """;

    @Test
    void sendsMessagesToolsAndToolCallsInTheOpenAiShape() {
        server.stubFor(post("/v1/chat/completions").willReturn(okJson(TEXT_ANSWER)));

        provider.complete(toolRound());

        server.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withRequestBody(equalToJson("""
                        {"model":"gpt-test","temperature":0.2,"max_tokens":300,
                         "messages":[
                           {"role":"system","content":"You book appointments."},
                           {"role":"user","content":"¿Qué servicios tienen?"},
                           {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
                              "function":{"name":"list_services","arguments":"{\\"category\\":\\"hair\\"}"}}]},
                           {"role":"tool","content":"{\\"services\\":[{\\"name\\":\\"Corte\\"}]}",
                            "tool_call_id":"call_1"}],
                         "tools":[{"type":"function","function":{"name":"list_services",
                            "description":"Lists the services with prices",
                            "parameters":{"type":"object","properties":{"category":{"type":"string"}},
                                          "additionalProperties":false}}}]}
                        """)));
    }

    @Test
    void mapsToolCallsWithParsedArgumentsAndUsageBack() {
        server.stubFor(post("/v1/chat/completions").willReturn(okJson(TOOL_CALL_ANSWER)));

        ChatResult result = provider.complete(toolRound());

        assertThat(result.finishReason()).isEqualTo(FinishReason.tool_calls);
        assertThat(result.message().content()).isNull();
        assertThat(result.message().toolCalls()).containsExactly(
                new ToolCall("call_9", "list_services", Map.of("category", "nails", "limit", 5)));
        assertThat(result.usage()).isEqualTo(new TokenUsage(123, 17));
    }

    @Test
    void mapsATextAnswer() {
        server.stubFor(post("/v1/chat/completions").willReturn(okJson(TEXT_ANSWER)));

        ChatResult result = provider.complete(toolRound());

        assertThat(result.message().content()).isEqualTo("Tenemos Corte.");
        assertThat(result.message().toolCalls()).isEmpty();
        assertThat(result.finishReason()).isEqualTo(FinishReason.stop);
        assertThat(result.usage()).isEqualTo(new TokenUsage(50, 4));
    }

    @Test
    void keepsArgumentsThatAreNotAJsonObjectVisibleUnderRaw() {
        server.stubFor(post("/v1/chat/completions").willReturn(okJson(TOOL_CALL_ANSWER
                .replace("{\\\"category\\\":\\\"nails\\\",\\\"limit\\\":5}", "category=nails"))));

        ChatResult result = provider.complete(toolRound());

        assertThat(result.message().toolCalls().getFirst().arguments()).containsEntry("_raw", "category=nails");
    }

    @Test
    void retries429And5xxWithBackoffThenSucceeds() {
        server.stubFor(post("/v1/chat/completions").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withBody("{\"error\":{\"message\":\"slow down\"}}"))
                .willSetStateTo("then-503"));
        server.stubFor(post("/v1/chat/completions").inScenario("flaky").whenScenarioStateIs("then-503")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("healthy"));
        server.stubFor(post("/v1/chat/completions").inScenario("flaky").whenScenarioStateIs("healthy")
                .willReturn(okJson(TEXT_ANSWER)));

        ChatResult result = provider.complete(toolRound());

        assertThat(result.message().content()).isEqualTo("Tenemos Corte.");
        server.verify(3, postRequestedFor(urlEqualTo("/v1/chat/completions")));
        assertThat(retried).extracting(ProviderException::kind)
                .containsExactly(ProviderException.Kind.RATE_LIMITED, ProviderException.Kind.ERROR);
    }

    @Test
    void givesUpAfterTheBoundOnPersistent5xx() {
        server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(502)
                .withBody("{\"error\":{\"message\":\"bad gateway\"}}")));

        assertThatThrownBy(() -> provider.complete(toolRound()))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.ERROR);
                    assertThat(e.getMessage()).contains("502").contains("bad gateway");
                });
        server.verify(3, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void givesUpAsRateLimitedWhenRetryAfterExceedsTheBackoffCap() {
        server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));

        assertThatThrownBy(() -> provider.complete(toolRound()))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30));
                });
        server.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void doesNotRetryOther4xx() {
        server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":{\"message\":\"Invalid schema for function 'list_services'\",\"type\":\"invalid_request_error\"}}")));

        assertThatThrownBy(() -> provider.complete(toolRound()))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("400").contains("Invalid schema");
                });
        server.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
        assertThat(retried).isEmpty();
    }

    @Test
    void refusedCredentialsAreNotRetriedAndTheKeyIsNotEchoed() {
        server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":{\"message\":\"Incorrect API key provided: " + API_KEY + "\"}}")));

        assertThatThrownBy(() -> provider.complete(toolRound()))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.getMessage()).contains("401").doesNotContain(API_KEY);
                });
        server.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void timesOutWithoutRetrying() {
        server.stubFor(post("/v1/chat/completions").willReturn(okJson(TEXT_ANSWER).withFixedDelay(1_500)));
        OpenAiCompatibleProvider impatient = provider(Duration.ofMillis(300), 3);

        assertThatThrownBy(() -> impatient.complete(toolRound()))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.TIMEOUT));
        server.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void aRefusalContentPartIsARefusalAndNeverContent() {
        // content as typed parts, the refusal as its own part (the shape of OpenAI's assistant content parts)
        server.stubFor(post("/v1/chat/completions").willReturn(okJson("""
                {"id":"chatcmpl-3","object":"chat.completion","model":"gpt-4o-2024-08-06",
                 "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":[
                   {"type":"refusal","refusal":"I'm sorry, I cannot assist with that request."}]}}],
                 "usage":{"prompt_tokens":81,"completion_tokens":11,"total_tokens":92}}
                """)));

        ChatResult result = provider.complete(toolRound());

        assertThat(result.finishReason()).isEqualTo(FinishReason.refusal);
        assertThat(result.message().content()).isNull();
        assertThat(result.message().refusal()).isEqualTo("I'm sorry, I cannot assist with that request.");
        assertThat(result.answeredBy()).isEqualTo("gpt-4o-2024-08-06");
    }

    @Test
    void anAnswerWhoseBodyTricklesPastTheReadTimeoutIsATimeoutNotRetried() {
        // the headers come at once, the body over 1.5 s: the read timeout covers the body, and running out of it
        // is a timeout (not a connection failure to retry)
        server.stubFor(post("/v1/chat/completions").willReturn(okJson(TEXT_ANSWER).withChunkedDribbleDelay(10, 1_500)));
        OpenAiCompatibleProvider impatient = provider(Duration.ofMillis(300), 3);

        assertThatThrownBy(() -> impatient.complete(toolRound()))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.TIMEOUT));
        server.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
        assertThat(retried).isEmpty();
    }

    @Test
    void retriesConnectionFailuresAndGivesUp() {
        OpenAiCompatibleProvider nowhere = new OpenAiCompatibleProvider(
                new OpenAiSettings(URI.create("http://127.0.0.1:1/v1"), null, Duration.ofMillis(500),
                        Duration.ofSeconds(1), "max_tokens"),
                new Retrier("test", new RetryPolicy(2, Duration.ofMillis(5), Duration.ofMillis(10)),
                        (failure, attempt) -> retried.add(failure)));

        assertThatThrownBy(() -> nowhere.complete(toolRound()))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retryable()).isTrue());
        assertThat(retried).hasSize(1);
    }

    @Test
    void unreadableAnswersAreBadResponsesNotRetried() {
        server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200).withBody("<html>oops</html>")));

        assertThatThrownBy(() -> provider.complete(toolRound()))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.BAD_RESPONSE));
        server.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void toolCallArgumentsAreReadInEveryFormProvidersSend() {
        JsonMapper json = JsonMapper.builder().build();
        // JSON text (OpenAI, vLLM, Mistral, Gemini), an object (Ollama's native shape, some proxies)
        assertThat(OpenAiWire.arguments(json.readTree("\"{\\\"date\\\":\\\"2026-01-15\\\"}\"")))
                .isEqualTo(Map.of("date", "2026-01-15"));
        assertThat(OpenAiWire.arguments(json.readTree("{\"date\":\"2026-01-15\"}"))).isEqualTo(Map.of("date", "2026-01-15"));
        // JSON text of JSON text (some fine-tuned models)
        assertThat(OpenAiWire.arguments(json.getNodeFactory().stringNode("\"{\\\"date\\\":\\\"2026-01-15\\\"}\"")))
                .isEqualTo(Map.of("date", "2026-01-15"));
        // no parameters: "", "{}", "null", null, absent
        assertThat(OpenAiWire.arguments(json.getNodeFactory().stringNode(""))).isEmpty();
        assertThat(OpenAiWire.arguments(json.getNodeFactory().stringNode("null"))).isEmpty();
        assertThat(OpenAiWire.arguments(json.getNodeFactory().nullNode())).isEmpty();
        assertThat(OpenAiWire.arguments(json.getNodeFactory().missingNode())).isEmpty();
        // not an object: kept visibly for the caller's validation
        assertThat(OpenAiWire.arguments(json.getNodeFactory().stringNode("{\"date\": 2026-01"))).containsKey("_raw");
        assertThat(OpenAiWire.arguments(json.readTree("[1,2]"))).containsEntry("_raw", "[1,2]");
    }

    @Test
    void readsRetryAfterInSecondsAndAsHttpDate() {
        assertThat(OpenAiCompatibleProvider.parseRetryAfter("2")).isEqualTo(Duration.ofSeconds(2));
        assertThat(OpenAiCompatibleProvider.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(OpenAiCompatibleProvider.parseRetryAfter("soon")).isNull();
        assertThat(OpenAiCompatibleProvider.parseRetryAfter(null)).isNull();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
