package com.aiassistants.llm.openai;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.aiassistants.llm.chat.AssistantMessage;
import com.aiassistants.llm.chat.ChatMessage;
import com.aiassistants.llm.chat.ChatRequest;
import com.aiassistants.llm.chat.ChatResult;
import com.aiassistants.llm.chat.FinishReason;
import com.aiassistants.llm.chat.ProviderException;
import com.aiassistants.llm.chat.Role;
import com.aiassistants.llm.chat.TokenUsage;
import com.aiassistants.llm.chat.ToolCall;
import com.aiassistants.llm.chat.ToolSpec;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps the common chat shape to the OpenAI Chat Completions JSON and back. Tool-call arguments
 * travel as JSON text on the wire and as objects in our shape.
 */
final class OpenAiWire {

    /** Plain mapper: wire names are written explicitly, no naming strategy may rename them. */
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private OpenAiWire() {
    }

    static String requestBody(ChatRequest request, String maxTokensParam) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", request.model());
        ArrayNode messages = root.putArray("messages");
        request.messages().forEach(message -> messages.add(message(message)));
        if (!request.tools().isEmpty()) {
            ArrayNode tools = root.putArray("tools");
            request.tools().forEach(tool -> tools.add(tool(tool)));
        }
        if (request.temperature() != null) {
            root.put("temperature", request.temperature());
        }
        if (request.maxTokens() != null) {
            root.put(maxTokensParam, request.maxTokens());
        }
        return JSON.writeValueAsString(root);
    }

    private static ObjectNode message(ChatMessage message) {
        ObjectNode node = JSON.createObjectNode();
        node.put("role", message.role().name());
        if (message.content() != null) {
            node.put("content", message.content());
        } else if (message.role() == Role.tool) {
            node.put("content", "");
        } else {
            node.putNull("content");
        }
        // "name" is not forwarded: several compatible servers (e.g. Groq) reject it on some roles
        if (message.toolCallId() != null) {
            node.put("tool_call_id", message.toolCallId());
        }
        if (!message.toolCalls().isEmpty()) {
            ArrayNode calls = node.putArray("tool_calls");
            for (ToolCall call : message.toolCalls()) {
                ObjectNode callNode = calls.addObject();
                callNode.put("id", call.id());
                callNode.put("type", "function");
                ObjectNode function = callNode.putObject("function");
                function.put("name", call.name());
                function.put("arguments", JSON.writeValueAsString(call.arguments()));
            }
        }
        return node;
    }

    private static ObjectNode tool(ToolSpec tool) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", "function");
        ObjectNode function = node.putObject("function");
        function.put("name", tool.name());
        if (tool.description() != null) {
            function.put("description", tool.description());
        }
        function.set("parameters", JSON.valueToTree(tool.inputSchema()));
        return node;
    }

    static ChatResult response(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw ProviderException.fatal("the provider answered with unreadable JSON", null);
        }
        JsonNode choice = root.path("choices").path(0);
        JsonNode message = choice.path("message");
        if (!message.isObject()) {
            throw ProviderException.fatal("the provider's answer has no choices[0].message", null);
        }
        String content = message.path("content").isString() ? message.path("content").stringValue() : null;
        List<ToolCall> toolCalls = new ArrayList<>();
        for (JsonNode call : message.path("tool_calls")) {
            JsonNode function = call.path("function");
            toolCalls.add(new ToolCall(call.path("id").asString(), function.path("name").asString(),
                    arguments(function.path("arguments"))));
        }
        JsonNode usage = root.path("usage");
        TokenUsage tokens = new TokenUsage(usage.path("prompt_tokens").asInt(0), usage.path("completion_tokens").asInt(0));
        FinishReason finish = finishReason(choice.path("finish_reason").asString(""), !toolCalls.isEmpty());
        return new ChatResult(new AssistantMessage(content, toolCalls), finish, tokens);
    }

    /**
     * Arguments arrive as JSON text (OpenAI, vLLM, Groq) or, from some servers, as an object. Text
     * that is not a JSON object is kept under {@code _raw} so the caller's validation rejects it
     * visibly instead of it vanishing.
     */
    private static Map<String, Object> arguments(JsonNode arguments) {
        if (arguments.isObject()) {
            return JSON.convertValue(arguments, MAP);
        }
        String text = arguments.isString() ? arguments.stringValue().strip() : "";
        if (text.isEmpty()) {
            return Map.of();
        }
        try {
            JsonNode parsed = JSON.readTree(text);
            if (parsed.isObject()) {
                return JSON.convertValue(parsed, MAP);
            }
        } catch (JacksonException ignored) {
            // falls through to _raw
        }
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("_raw", text);
        return raw;
    }

    private static FinishReason finishReason(String wire, boolean hasToolCalls) {
        return switch (wire) {
            case "stop" -> hasToolCalls ? FinishReason.tool_calls : FinishReason.stop;
            case "tool_calls", "function_call" -> FinishReason.tool_calls;
            case "length" -> FinishReason.length;
            case "content_filter" -> FinishReason.content_filter;
            default -> hasToolCalls ? FinishReason.tool_calls : FinishReason.other;
        };
    }

    /** The provider's own error text ({@code error.message}), shortened, or null. */
    static String errorMessage(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode error = JSON.readTree(body).path("error");
            String message = error.isObject() ? error.path("message").asString(null)
                    : error.isString() ? error.stringValue() : null;
            return message == null ? null : shorten(message);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }
}
