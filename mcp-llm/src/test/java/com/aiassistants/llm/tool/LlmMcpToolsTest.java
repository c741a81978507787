package com.aiassistants.llm.tool;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.aiassistants.common.mcp.McpJson;
import com.aiassistants.common.mcp.client.McpToolError;
import com.aiassistants.llm.LlmServiceTest;
import com.aiassistants.llm.bedrock.FakeBedrock;
import com.aiassistants.llm.chat.ChatMessage;
import com.aiassistants.llm.chat.FinishReason;
import com.aiassistants.llm.chat.TokenUsage;
import com.aiassistants.llm.chat.ToolCall;
import com.aiassistants.llm.chat.ToolSpec;

import io.micrometer.core.instrument.MeterRegistry;
import io.modelcontextprotocol.spec.McpSchema;

/** chat_completion and list_models through the real /mcp endpoint with the common MCP client. */
@ExtendWith(OutputCaptureExtension.class)
class LlmMcpToolsTest extends LlmServiceTest {

    static final ToolSpec LIST_SERVICES = new ToolSpec("list_services", "Lists the services with prices and durations",
            Map.of("type", "object", "properties", Map.of(), "additionalProperties", false));
    static final ToolSpec FIND_SLOTS = new ToolSpec("find_available_slots", "Finds free slots",
            Map.of("type", "object", "properties", Map.of("service_id", Map.of("type", "string"),
                    "date", Map.of("type", "string", "format", "date")), "required", List.of("service_id", "date")));

    @Autowired
    MeterRegistry meterRegistry;

    ChatCompletionOutput chat(String tenant, ChatCompletionInput input) {
        return client.call(tenant, "chat_completion", input, ChatCompletionOutput.class, false);
    }

    @Test
    @SuppressWarnings("unchecked")
    void listsTheToolsWithSchemasThatAcceptFreeFormJsonObjects() {
        List<McpSchema.Tool> tools = client.listTools();

        assertThat(tools).extracting(McpSchema.Tool::name).containsExactlyInAnyOrder("chat_completion", "list_models");
        McpSchema.Tool chat = tools.stream().filter(t -> t.name().equals("chat_completion")).findFirst().orElseThrow();
        Map<String, Object> properties = (Map<String, Object>) chat.inputSchema().get("properties");
        assertThat(properties).containsKeys("messages", "tools", "temperature", "max_tokens", "model", "provider");
        assertThat((List<String>) chat.inputSchema().get("required")).containsExactly("messages");
        Map<String, Object> toolSpec = (Map<String, Object>) ((Map<String, Object>) properties.get("tools")).get("items");
        Map<String, Object> inputSchema = resolve(chat.inputSchema(),
                (Map<String, Object>) ((Map<String, Object>) toolSpec.get("properties")).get("input_schema"));
        assertThat(inputSchema).containsEntry("type", "object").doesNotContainKey("additionalProperties");
        assertThat(chat.outputSchema()).containsKey("properties");
    }

    /** Follows a local {@code $ref} ("#/$defs/…") of the generated schema. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> resolve(Map<String, Object> root, Map<String, Object> schema) {
        Object ref = schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        String name = ref.toString().substring("#/$defs/".length());
        return (Map<String, Object>) ((Map<String, Object>) root.get("$defs")).get(name);
    }

    @Test
    void offlineProviderCallsAMatchingToolThenSummarisesItsResult() {
        ChatCompletionInput ask = new ChatCompletionInput(List.of(
                ChatMessage.system("Sos el asistente de Peluquería Demo."),
                ChatMessage.user("Hola! ¿Qué servicios tienen y a qué precio?")),
                List.of(FIND_SLOTS, LIST_SERVICES), null, null, null, null);

        ChatCompletionOutput first = chat("demo", ask);

        assertThat(first.provider()).isEqualTo("offline");
        assertThat(first.model()).isEqualTo("offline");
        assertThat(first.finishReason()).isEqualTo(FinishReason.tool_calls);
        assertThat(first.message().toolCalls()).extracting(ToolCall::name).containsExactly("list_services");
        assertThat(first.usage().inputTokens()).isPositive();

        ToolCall call = first.message().toolCalls().getFirst();
        ChatCompletionInput withResult = new ChatCompletionInput(List.of(
                ask.messages().get(0), ask.messages().get(1),
                ChatMessage.assistant(null, List.of(call)),
                ChatMessage.toolResult(call.id(), call.name(),
                        "{\"services\":[{\"id\":\"s1\",\"name\":\"Corte\",\"price\":15000,\"duration_minutes\":30},"
                                + "{\"id\":\"s2\",\"name\":\"Color\",\"price\":30000,\"duration_minutes\":90}]}")),
                List.of(FIND_SLOTS, LIST_SERVICES), null, null, null, null);

        ChatCompletionOutput second = chat("demo", withResult);

        assertThat(second.finishReason()).isEqualTo(FinishReason.stop);
        assertThat(second.message().toolCalls()).isEmpty();
        assertThat(second.message().content()).startsWith("Esto es lo que encontré")
                .contains("Corte (price: 15000, duration_minutes: 30)").contains("Color");
        assertThat(chat("demo", withResult)).usingRecursiveComparison().ignoringFields("latencyMs").isEqualTo(second);
    }

    @Test
    void openAiCompatibleProviderRoundTripsToolCallsThroughMcp() {
        OPENAI.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"id":"chatcmpl-7","object":"chat.completion","model":"gpt-test",
                         "choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant","content":null,
                           "tool_calls":[{"id":"call_abc","type":"function","function":{"name":"find_available_slots",
                             "arguments":"{\\"service_id\\":\\"s1\\",\\"date\\":\\"2026-01-15\\"}"}}]}}],
                         "usage":{"prompt_tokens":210,"completion_tokens":22,"total_tokens":232}}
                        """)));

        ChatCompletionOutput out = chat("acme", new ChatCompletionInput(
                List.of(ChatMessage.user("Quiero un corte el 15 de enero")), List.of(LIST_SERVICES, FIND_SLOTS), 0.1,
                200, null, null));

        assertThat(out.provider()).isEqualTo("fakeopenai");
        assertThat(out.model()).isEqualTo("gpt-test");
        assertThat(out.finishReason()).isEqualTo(FinishReason.tool_calls);
        assertThat(out.message().toolCalls()).containsExactly(new ToolCall("call_abc", "find_available_slots",
                Map.of("service_id", "s1", "date", "2026-01-15")));
        assertThat(out.usage()).isEqualTo(new TokenUsage(210, 22));
        OPENAI.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + OPENAI_KEY))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-test")))
                .withRequestBody(matchingJsonPath("$.tools[1].function.parameters.required[0]", equalTo("service_id")))
                .withRequestBody(containing("Quiero un corte")));
        assertThat(meterRegistry.get("llm.requests").tags("provider", "fakeopenai", "model", "gpt-test", "outcome", "ok")
                .timer().count()).isPositive();
        assertThat(meterRegistry.get("llm.tokens").tags("provider", "fakeopenai", "model", "gpt-test",
                "direction", "output").counter().count()).isGreaterThanOrEqualTo(22);
    }

    @Test
    void bedrockTenantGetsAConverseToolUse() {
        BEDROCK.reset(FakeBedrock.ok(FakeBedrock.TOOL_USE_ANSWER));

        ChatCompletionOutput out = chat("bedrock-salon", new ChatCompletionInput(
                List.of(ChatMessage.user("Do you do nails?")), List.of(LIST_SERVICES), null, null, null, null));

        assertThat(out.provider()).isEqualTo("bedrock");
        assertThat(out.message().content()).isEqualTo("Let me look that up.");
        assertThat(out.message().toolCalls().getFirst().arguments()).containsEntry("category", "nails");
        assertThat(out.usage()).isEqualTo(new TokenUsage(412, 61));
    }

    @Test
    void providerFailuresAreToolErrorsAndShowInListModels(CapturedOutput output) {
        OPENAI.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(429)
                .withBody("{\"error\":{\"message\":\"Rate limit reached for " + OPENAI_KEY + "\"}}")));

        assertThatThrownBy(() -> chat("acme", new ChatCompletionInput(List.of(ChatMessage.user("hola")), null, null,
                null, null, null)))
                .isInstanceOfSatisfying(McpToolError.class, e -> {
                    assertThat(e.code()).isEqualTo("rate_limited");
                    assertThat(e.body()).containsEntry("provider", "fakeopenai");
                });
        OPENAI.verify(2, postRequestedFor(urlEqualTo("/v1/chat/completions")));

        ListModelsOutput models = client.call("acme", "list_models", Map.of(), ListModelsOutput.class, false);
        assertThat(models.tenantProvider()).isEqualTo("fakeopenai");
        assertThat(models.providers()).filteredOn(p -> p.name().equals("fakeopenai")).singleElement()
                .satisfies(p -> {
                    assertThat(p.status()).isEqualTo("failing");
                    assertThat(p.lastError()).isEqualTo("rate_limited");
                });
        assertThat(output.getAll()).doesNotContain(OPENAI_KEY).doesNotContain(AWS_SECRET);
    }

    @Test
    void listModelsShowsTheTenantsChoiceAndNoSecrets() {
        Map<String, Object> raw = client.callForMap("acme", "list_models", Map.of(), false);
        String json = McpJson.toJson(raw);
        ListModelsOutput models = McpJson.MAPPER.convertValue(raw, ListModelsOutput.class);

        assertThat(models.tenantProvider()).isEqualTo("fakeopenai");
        assertThat(models.tenantModel()).isEqualTo("gpt-test");
        assertThat(models.defaultProvider()).isEqualTo("offline");
        assertThat(models.providers()).extracting(ListModelsOutput.ProviderInfo::name)
                .containsExactly("bedrock", "bedrockwire", "fakeazure", "fakeopenai", "offline");
        assertThat(models.providers()).filteredOn(p -> p.name().equals("fakeopenai")).singleElement()
                .satisfies(p -> assertThat(p.models()).containsExactly("gpt-test", "gpt-test-mini"));
        assertThat(json).doesNotContain(OPENAI_KEY).doesNotContain(AZURE_KEY).doesNotContain(AWS_SECRET)
                .doesNotContain("AKIDEXAMPLE");
        assertThat(client.call("someone-else", "list_models", Map.of(), ListModelsOutput.class, false).tenantProvider())
                .isEqualTo("offline");
    }

    @Test
    void aTenantCannotPickAnotherTenantsProviderOrAnUnlistedModel() {
        ChatCompletionInput toFake = new ChatCompletionInput(List.of(ChatMessage.user("hola")), null, null, null, null,
                "fakeopenai");
        assertThatThrownBy(() -> chat("demo", toFake)).isInstanceOfSatisfying(McpToolError.class,
                e -> assertThat(e.code()).isEqualTo("provider_not_allowed"));

        ChatCompletionInput bigModel = new ChatCompletionInput(List.of(ChatMessage.user("hola")), null, null, null,
                "gpt-5-expensive", null);
        assertThatThrownBy(() -> chat("acme", bigModel)).isInstanceOfSatisfying(McpToolError.class,
                e -> assertThat(e.code()).isEqualTo("model_not_allowed"));

        ChatCompletionOutput fallback = chat("acme", new ChatCompletionInput(List.of(ChatMessage.user("hola")), null,
                null, null, null, "offline"));
        assertThat(fallback.provider()).isEqualTo("offline");
        assertThat(fallback.message().content()).startsWith("¡Hola!");
        OPENAI.verify(0, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void invalidConversationsAreRejectedBeforeAnyProviderCall() {
        ChatCompletionInput orphanResult = new ChatCompletionInput(List.of(ChatMessage.user("hola"),
                ChatMessage.toolResult("call_x", "list_services", "[]")), null, null, null, null, null);
        assertThatThrownBy(() -> chat("acme", orphanResult)).isInstanceOfSatisfying(McpToolError.class, e -> {
            assertThat(e.code()).isEqualTo("invalid_request");
            assertThat(e.getMessage()).contains("messages[1].tool_call_id");
        });

        ChatCompletionInput hot = new ChatCompletionInput(List.of(ChatMessage.user("hola")), null, 3.5, null, null, null);
        assertThatThrownBy(() -> chat("acme", hot)).isInstanceOfSatisfying(McpToolError.class,
                e -> assertThat(e.getMessage()).contains("temperature"));

        assertThatThrownBy(() -> client.callForMap("acme", "chat_completion",
                Map.of("messages", List.of(Map.of("role", "wizard", "content", "hi"))), false))
                .isInstanceOf(RuntimeException.class);
        OPENAI.verify(0, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void theTenantComesFromTheHeader() {
        assertThatThrownBy(() -> chat(null, new ChatCompletionInput(List.of(ChatMessage.user("hola")), null, null,
                null, null, null)))
                .isInstanceOf(McpToolError.class).hasMessageContaining("X-Tenant-Id");
    }
}
