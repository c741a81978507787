package com.aiassistants.llm.tool;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.aiassistants.common.mcp.server.ToolException;
import com.aiassistants.llm.chat.ChatMessage;
import com.aiassistants.llm.chat.Role;
import com.aiassistants.llm.chat.ToolCall;
import com.aiassistants.llm.chat.ToolSpec;

/**
 * Checks a {@code chat_completion} call before any provider sees it, so that bad input is an
 * {@code invalid_request} tool error with a precise message rather than a provider's 400.
 */
final class ChatRequestValidator {

    static final int MAX_MESSAGES = 500;
    static final int MAX_TOOLS = 128;
    static final int MAX_TIMEOUT_MS = 300_000;
    private static final Pattern TOOL_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

    private ChatRequestValidator() {
    }

    /** Checks {@code input}, whose messages already went through {@link ToolCallIds#fillHistory}. */
    static void validate(ChatCompletionInput input, List<ChatMessage> messages, int maxOutputTokens) {
        if (messages.isEmpty()) {
            throw invalid("messages must contain at least one message");
        }
        if (messages.size() > MAX_MESSAGES) {
            throw invalid("messages has " + messages.size() + " entries; at most " + MAX_MESSAGES + " are accepted");
        }
        if (messages.stream().noneMatch(m -> m.role() == Role.user)) {
            throw invalid("messages must contain at least one user message");
        }
        Set<String> callIds = new HashSet<>();
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage message = messages.get(i);
            String where = "messages[" + i + "]";
            if (message == null || message.role() == null) {
                throw invalid(where + ".role is required (system, user, assistant or tool)");
            }
            switch (message.role()) {
                case system, user -> {
                    if (!message.hasText()) {
                        throw invalid(where + ".content is required for " + message.role() + " messages");
                    }
                    noToolFields(message, where);
                }
                case assistant -> {
                    if (!message.hasText() && message.toolCalls().isEmpty()) {
                        throw invalid(where + " (assistant) needs content or tool_calls");
                    }
                    for (ToolCall call : message.toolCalls()) {
                        if (call.id() == null || call.id().isBlank() || call.name() == null || call.name().isBlank()) {
                            throw invalid(where + ".tool_calls entries need an id and a name");
                        }
                        callIds.add(call.id());
                    }
                }
                case tool -> {
                    if (message.toolCallId() == null || message.toolCallId().isBlank()) {
                        throw invalid(where + ".tool_call_id is required for tool messages");
                    }
                    if (!callIds.contains(message.toolCallId())) {
                        throw invalid(where + ".tool_call_id '" + message.toolCallId()
                                + "' answers no earlier assistant tool call");
                    }
                }
            }
        }
        validateTools(input.tools());
        if (input.temperature() != null && (input.temperature() < 0 || input.temperature() > 2)) {
            throw invalid("temperature must be between 0 and 2");
        }
        if (input.maxTokens() != null && (input.maxTokens() < 1 || input.maxTokens() > maxOutputTokens)) {
            throw invalid("max_tokens must be between 1 and " + maxOutputTokens);
        }
        if (input.timeoutMs() != null && (input.timeoutMs() < 1 || input.timeoutMs() > MAX_TIMEOUT_MS)) {
            throw invalid("timeout_ms must be between 1 and " + MAX_TIMEOUT_MS);
        }
    }

    private static void noToolFields(ChatMessage message, String where) {
        if (!message.toolCalls().isEmpty() || message.toolCallId() != null) {
            throw invalid(where + ": only assistant messages carry tool_calls and only tool messages tool_call_id");
        }
    }

    private static void validateTools(List<ToolSpec> tools) {
        if (tools.size() > MAX_TOOLS) {
            throw invalid("tools has " + tools.size() + " entries; at most " + MAX_TOOLS + " are accepted");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < tools.size(); i++) {
            ToolSpec tool = tools.get(i);
            if (tool == null || tool.name() == null || !TOOL_NAME.matcher(tool.name()).matches()) {
                throw invalid("tools[" + i + "].name must be 1-64 characters of letters, digits, '_' or '-'");
            }
            if (!names.add(tool.name())) {
                throw invalid("tools[" + i + "].name '" + tool.name() + "' is declared twice");
            }
            Object type = tool.inputSchema().get("type");
            if (type != null && !"object".equals(type)) {
                throw invalid("tools[" + i + "].input_schema must be an object schema (type: object)");
            }
        }
    }

    private static ToolException invalid(String message) {
        return new ToolException("invalid_request", message);
    }
}
