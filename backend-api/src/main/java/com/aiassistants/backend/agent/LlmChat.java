package com.aiassistants.backend.agent;

import java.util.List;
import java.util.Map;

/**
 * The shapes of mcp-llm's {@code chat_completion} as the agent uses them (snake_case on the wire), and
 * the one operation the agent needs from a model.
 */
public interface LlmChat {

    /** Asks the tenant's model for the next message. Throws {@link AgentFallback} when no usable answer came. */
    Response complete(String tenantId, Request request);

    /** One message of the conversation sent to the model. */
    record Message(String role, String content, List<ToolCall> toolCalls, String toolCallId, String name) {

        static Message system(String text) {
            return new Message("system", text, null, null, null);
        }

        static Message user(String text) {
            return new Message("user", text, null, null, null);
        }

        static Message assistant(String text, List<ToolCall> calls) {
            return new Message("assistant", text, calls == null || calls.isEmpty() ? null : calls, null, null);
        }

        static Message toolResult(String callId, String tool, String json) {
            return new Message("tool", json, null, callId, tool);
        }
    }

    /** A tool call the model asked for; arguments exactly as the model produced them. */
    record ToolCall(String id, String name, Map<String, Object> arguments) {

        public ToolCall {
            arguments = arguments == null ? Map.of() : arguments;
        }
    }

    /** A tool offered to the model. */
    record ToolSpec(String name, String description, Map<String, Object> inputSchema) {
    }

    /**
     * Arguments of {@code chat_completion}; {@code timeoutMs} is what is left of the turn's budget, so that
     * mcp-llm sends no request to the provider after the agent has given up.
     */
    record Request(List<Message> messages, List<ToolSpec> tools, Double temperature, Integer maxTokens, String model,
            String provider, Integer timeoutMs) {
    }

    /**
     * What the model answered; {@code refusal} is its explanation when it declined (finish reason
     * {@code refusal}); {@code model} is the model that answered.
     */
    record Response(String content, List<ToolCall> toolCalls, String finishReason, String refusal, String provider,
            String model) {

        public Response {
            toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        }
    }
}
