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
            throw ProviderException.badResponse("the provider answered with unreadable JSON", null);
        }
        JsonNode choice = root.path("choices").path(0);
        JsonNode message = choice.path("message");
        if (!message.isObject()) {
            throw ProviderException.badResponse("the provider's answer has no choices[0].message", null);
        }
        Text text = text(message.path("content"));
        String refusal = message.path("refusal").isString() && !message.path("refusal").stringValue().isBlank()
                ? message.path("refusal").stringValue() : text.refusal();
        List<ToolCall> toolCalls = new ArrayList<>();
        for (JsonNode call : message.path("tool_calls")) {
            JsonNode function = call.path("function");
            toolCalls.add(new ToolCall(call.path("id").isString() ? call.path("id").stringValue() : null,
                    function.path("name").asString(""), arguments(function.path("arguments"))));
        }
        JsonNode legacy = message.path("function_call");
        if (toolCalls.isEmpty() && legacy.isObject()) {
            // the deprecated single function call (finish_reason "function_call") carries no id
            toolCalls.add(new ToolCall(null, legacy.path("name").asString(""), arguments(legacy.path("arguments"))));
        }
        JsonNode usage = root.path("usage");
        TokenUsage tokens = new TokenUsage(usage.path("prompt_tokens").asInt(0), usage.path("completion_tokens").asInt(0));
        FinishReason finish = refusal != null && toolCalls.isEmpty() ? FinishReason.refusal
                : finishReason(choice.path("finish_reason").asString(""), !toolCalls.isEmpty());
        String model = root.path("model").isString() && !root.path("model").stringValue().isBlank()
                ? root.path("model").stringValue() : null;
        return new ChatResult(new AssistantMessage(Role.assistant, text.content(), toolCalls, refusal), finish, tokens,
                model);
    }

    /** The readable text of an answer and, from a content-part list, a refusal part. */
    private record Text(String content, String refusal) {
    }

    /**
     * Content arrives as a string (OpenAI, Ollama, vLLM), null (tool calls only, refusals), or a list of
     * typed chunks (Mistral: {@code text} chunks, plus {@code thinking} chunks from reasoning models;
     * OpenAI-style {@code text}/{@code refusal} parts). Only text reaches the caller: thinking, images and
     * references are dropped, as are the {@code <think>…</think>} blocks reasoning models served without
     * a reasoning parser put in front of their answer.
     */
    private static Text text(JsonNode content) {
        if (content.isString()) {
            return new Text(blankToNull(withoutThinking(content.stringValue())), null);
        }
        if (!content.isArray()) {
            return new Text(null, null);
        }
        StringBuilder text = new StringBuilder();
        String refusal = null;
        for (JsonNode part : content) {
            if (part.isString()) {
                text.append(part.stringValue());
                continue;
            }
            String type = part.path("type").asString("text");
            if (type.equals("text") && part.path("text").isString()) {
                text.append(part.path("text").stringValue());
            } else if (type.equals("refusal") && part.path("refusal").isString()) {
                refusal = part.path("refusal").stringValue();
            }
        }
        return new Text(blankToNull(withoutThinking(text.toString())), blankToNull(refusal));
    }

    private static final java.util.regex.Pattern THINKING = java.util.regex.Pattern.compile(
            "^\\s*<think>.*?</think>\\s*", java.util.regex.Pattern.DOTALL);

    private static String withoutThinking(String text) {
        return THINKING.matcher(text).replaceFirst("");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /**
     * Arguments arrive as JSON text (OpenAI, vLLM, Mistral, Gemini), as an object (Ollama's native shape,
     * some proxies), as JSON text of JSON text (some fine-tuned models), or empty/{@code null} for a tool
     * without parameters. Anything that is still not a JSON object is kept under {@code _raw} so the
     * caller's validation rejects it visibly instead of it vanishing.
     */
    static Map<String, Object> arguments(JsonNode arguments) {
        JsonNode node = arguments;
        for (int depth = 0; depth < 2 && node.isString(); depth++) {
            String text = node.stringValue().strip();
            if (text.isEmpty() || text.equals("null") || text.equals("{}")) {
                return Map.of();
            }
            try {
                node = JSON.readTree(text);
            } catch (JacksonException e) {
                return raw(text);
            }
        }
        if (node.isObject()) {
            return JSON.convertValue(node, MAP);
        }
        if (node.isNull() || node.isMissingNode()) {
            return Map.of();
        }
        return raw(arguments.isString() ? arguments.stringValue().strip() : arguments.toString());
    }

    private static Map<String, Object> raw(String text) {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("_raw", text);
        return raw;
    }

    private static FinishReason finishReason(String wire, boolean hasToolCalls) {
        return switch (wire) {
            case "stop", "end_turn", "eos" -> hasToolCalls ? FinishReason.tool_calls : FinishReason.stop;
            case "tool_calls", "function_call" -> FinishReason.tool_calls;
            case "length", "model_length" -> FinishReason.length;
            case "content_filter" -> FinishReason.content_filter;
            default -> hasToolCalls ? FinishReason.tool_calls : FinishReason.other;
        };
    }

    /**
     * The provider's error object: {@code error.code}, {@code error.type}, {@code error.message}
     * (shortened), as OpenAI, Azure OpenAI, vLLM, Mistral and Gemini's compatible API send it; fields the
     * body lacks are null.
     */
    record ErrorInfo(String code, String type, String message) {

        static final ErrorInfo NONE = new ErrorInfo(null, null, null);

        boolean is(String value) {
            return value.equals(code) || value.equals(type);
        }
    }

    static ErrorInfo errorInfo(String body) {
        if (body == null || body.isBlank()) {
            return ErrorInfo.NONE;
        }
        try {
            JsonNode root = JSON.readTree(body);
            JsonNode error = root.path("error");
            if (error.isString()) {
                return new ErrorInfo(null, null, shorten(error.stringValue()));
            }
            if (!error.isObject()) {
                // Mistral's own errors: {"object":"error","message":…,"type":…,"code":…}
                error = root;
            }
            return new ErrorInfo(scalar(error.path("code")), scalar(error.path("type")),
                    error.path("message").isString() ? shorten(error.path("message").stringValue()) : null);
        } catch (JacksonException e) {
            return ErrorInfo.NONE;
        }
    }

    private static String scalar(JsonNode node) {
        return node.isString() || node.isNumber() ? node.asString() : null;
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }
}
