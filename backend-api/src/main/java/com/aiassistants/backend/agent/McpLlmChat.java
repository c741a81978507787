package com.aiassistants.backend.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.aiassistants.common.mcp.McpJson;
import com.aiassistants.common.mcp.client.McpToolClient;
import com.aiassistants.common.mcp.client.McpToolError;
import com.aiassistants.common.mcp.client.McpUnavailableException;

/** {@link LlmChat} over mcp-llm's {@code chat_completion} tool. */
final class McpLlmChat implements LlmChat {

    static final String CHAT_COMPLETION = "chat_completion";

    private final McpToolClient llm;

    McpLlmChat(McpToolClient llm) {
        this.llm = llm;
    }

    @Override
    public Response complete(String tenantId, Request request) {
        Map<String, Object> result;
        try {
            // not retried here: mcp-llm retries towards the provider itself, and the turn budget is short
            result = llm.callForMap(tenantId, CHAT_COMPLETION, McpJson.toMap(request), false);
        } catch (McpToolError e) {
            String code = e.code() == null ? "provider_error" : e.code();
            String reason = switch (code) {
                case "provider_timeout", "rate_limited", "quota_exhausted", "provider_auth", "provider_bad_response",
                        "provider_not_allowed", "model_not_allowed", "invalid_request" -> code;
                default -> "provider_error";
            };
            throw new AgentFallback(reason, "chat_completion refused: " + code + ": " + e.getMessage(), e);
        } catch (McpUnavailableException e) {
            throw new AgentFallback("llm_unavailable", e.getMessage(), e);
        }
        return parse(result);
    }

    static Response parse(Map<String, Object> result) {
        if (!(result.get("message") instanceof Map<?, ?> message)) {
            throw new AgentFallback("invalid_output", "chat_completion returned no message");
        }
        Object content = message.get("content");
        List<ToolCall> calls = new ArrayList<>();
        if (message.get("tool_calls") instanceof List<?> list) {
            for (Object item : list) {
                if (!(item instanceof Map<?, ?> call) || !(call.get("name") instanceof String name)) {
                    throw new AgentFallback("invalid_output", "a tool call without a name");
                }
                // mcp-llm gives every call an id; one older or other server may not: the agent then names it,
                // and sends the same id back with the call and its result
                Object id = call.get("id");
                calls.add(new ToolCall(id == null || id.toString().isBlank() ? "call_" + UUID.randomUUID() : id.toString(), name,
                        call.get("arguments") instanceof Map<?, ?> args ? castMap(args) : Map.of("_raw", String.valueOf(call.get("arguments")))));
            }
        }
        return new Response(content instanceof String text ? text : null, calls, str(result.get("finish_reason")),
                str(message.get("refusal")), str(result.get("provider")), str(result.get("model")));
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
