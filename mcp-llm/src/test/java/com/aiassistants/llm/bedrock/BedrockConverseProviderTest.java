package com.aiassistants.llm.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Bedrock provider through the real AWS SDK client against a local Converse fake (endpoint override). */
class BedrockConverseProviderTest {

    static final String MODEL = "anthropic.claude-3-haiku-20240307-v1:0";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static FakeBedrock bedrock;
    static BedrockConverseProvider provider;

    @BeforeAll
    static void start() throws Exception {
        bedrock = new FakeBedrock();
        provider = new BedrockConverseProvider(new BedrockSettings("us-east-1", bedrock.endpoint(), "AKIDEXAMPLE",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", Duration.ofSeconds(1), Duration.ofSeconds(3)),
                new Retrier("bedrock-test", new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(100)), null));
    }

    @AfterAll
    static void stop() {
        provider.close();
        bedrock.close();
    }

    static ChatRequest conversationWithAToolRound() {
        return new ChatRequest(List.of(
                ChatMessage.system("You book appointments."),
                ChatMessage.user("What do you offer?"),
                ChatMessage.assistant("Checking.", List.of(
                        new ToolCall("tooluse_1", "list_services", Map.of("category", "hair")),
                        new ToolCall("tooluse_2", "list_professionals", Map.of()))),
                ChatMessage.toolResult("tooluse_1", "list_services", "{\"services\":[{\"name\":\"Corte\"}]}"),
                ChatMessage.toolResult("tooluse_2", "list_professionals", "[]"),
                ChatMessage.user("And nails?")),
                List.of(new ToolSpec("list_services", "Lists services",
                        Map.of("type", "object", "properties", Map.of("category", Map.of("type", "string")))),
                        new ToolSpec("list_professionals", null, null)),
                0.3, 256, MODEL);
    }

    @Test
    void aConverseRoundWithAToolUseMapsBothWays() throws Exception {
        bedrock.reset(FakeBedrock.ok(FakeBedrock.TOOL_USE_ANSWER));

        ChatResult result = provider.complete(conversationWithAToolRound());

        assertThat(result.finishReason()).isEqualTo(FinishReason.tool_calls);
        assertThat(result.message().content()).isEqualTo("Let me look that up.");
        assertThat(result.message().toolCalls()).containsExactly(new ToolCall("tooluse_kZJMlvQmRJ6eAyJE5GIl7Q",
                "list_services", Map.of("category", "nails", "limit", 5L, "price_max", 12.5)));
        assertThat(result.usage()).isEqualTo(new TokenUsage(412, 61));

        FakeBedrock.Recorded sent = bedrock.requests().getFirst();
        assertThat(sent.path()).isEqualTo("/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse");
        assertThat(sent.headers().get("Authorization").getFirst()).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/");
        JsonNode body = JSON.readTree(sent.body());
        assertThat(body.path("system").path(0).path("text").asString()).isEqualTo("You book appointments.");
        assertThat(body.path("inferenceConfig").path("maxTokens").asInt()).isEqualTo(256);
        assertThat(body.path("inferenceConfig").path("temperature").asDouble()).isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-6));
        JsonNode messages = body.path("messages");
        // user, assistant (text + 2 toolUse), user (2 toolResults merged with the next user text)
        assertThat(messages.size()).isEqualTo(3);
        assertThat(messages.path(0).path("role").asString()).isEqualTo("user");
        assertThat(messages.path(1).path("role").asString()).isEqualTo("assistant");
        assertThat(messages.path(1).path("content").path(0).path("text").asString()).isEqualTo("Checking.");
        assertThat(messages.path(1).path("content").path(1).path("toolUse").path("toolUseId").asString()).isEqualTo("tooluse_1");
        assertThat(messages.path(1).path("content").path(1).path("toolUse").path("input").path("category").asString())
                .isEqualTo("hair");
        JsonNode results = messages.path(2).path("content");
        assertThat(messages.path(2).path("role").asString()).isEqualTo("user");
        assertThat(results.path(0).path("toolResult").path("toolUseId").asString()).isEqualTo("tooluse_1");
        assertThat(results.path(0).path("toolResult").path("content").path(0).path("text").asString())
                .contains("Corte");
        assertThat(results.path(1).path("toolResult").path("toolUseId").asString()).isEqualTo("tooluse_2");
        assertThat(results.path(2).path("text").asString()).isEqualTo("And nails?");
        JsonNode tools = body.path("toolConfig").path("tools");
        assertThat(tools.path(0).path("toolSpec").path("name").asString()).isEqualTo("list_services");
        assertThat(tools.path(0).path("toolSpec").path("inputSchema").path("json").path("properties").path("category")
                .path("type").asString()).isEqualTo("string");
        assertThat(tools.path(1).path("toolSpec").path("inputSchema").path("json").path("type").asString()).isEqualTo("object");
    }

    @Test
    void mapsATextAnswer() {
        bedrock.reset(FakeBedrock.ok(FakeBedrock.TEXT_ANSWER));

        ChatResult result = provider.complete(conversationWithAToolRound());

        assertThat(result.message().content()).isEqualTo("We offer Corte and Color.");
        assertThat(result.message().toolCalls()).isEmpty();
        assertThat(result.finishReason()).isEqualTo(FinishReason.stop);
        assertThat(result.usage()).isEqualTo(new TokenUsage(500, 9));
    }

    @Test
    void retriesThrottlingAndServerErrorsThenSucceeds() {
        bedrock.reset(FakeBedrock.error(429, "ThrottlingException", "Too many requests, please wait."),
                FakeBedrock.error(503, "ServiceUnavailableException", "Try again"),
                FakeBedrock.ok(FakeBedrock.TEXT_ANSWER));

        ChatResult result = provider.complete(conversationWithAToolRound());

        assertThat(result.message().content()).isEqualTo("We offer Corte and Color.");
        assertThat(bedrock.requests()).hasSize(3);
    }

    @Test
    void givesUpOnPersistentThrottlingAsRateLimited() {
        bedrock.reset(FakeBedrock.error(429, "ThrottlingException", "Too many requests"));

        assertThatThrownBy(() -> provider.complete(conversationWithAToolRound()))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED));
        assertThat(bedrock.requests()).hasSize(3);
    }

    @Test
    void doesNotRetryValidationErrors() {
        bedrock.reset(FakeBedrock.error(400, "ValidationException", "A conversation must start with a user message."));

        assertThatThrownBy(() -> provider.complete(conversationWithAToolRound()))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("400").contains("ValidationException")
                            .contains("must start with a user message");
                });
        assertThat(bedrock.requests()).hasSize(1);
    }
}
