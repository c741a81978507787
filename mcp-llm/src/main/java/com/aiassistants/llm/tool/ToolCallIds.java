package com.aiassistants.llm.tool;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.aiassistants.llm.chat.AssistantMessage;
import com.aiassistants.llm.chat.ChatMessage;
import com.aiassistants.llm.chat.Role;
import com.aiassistants.llm.chat.ToolCall;

/**
 * Gives every tool call an id, whatever the provider sent. Some OpenAI-compatible servers (Gemini's
 * compatible API, older Ollama and vLLM builds, the deprecated {@code function_call} shape) send no id or
 * {@code ""}; a caller that echoes such a call back in the next round would then be refused. So:
 * <ul>
 * <li>an answer's calls without an id, or repeating one already used in the conversation, get a fresh
 * {@code call_} id; the caller sends that id back in later rounds, so it stays the same across rounds;</li>
 * <li>a history from a caller that kept the empty ids gets stable ids by position ({@code call_m<i>_<j>}
 * for call j of message i), and a tool message without {@code tool_call_id} answers the oldest call not yet
 * answered.</li>
 * </ul>
 */
final class ToolCallIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

    private ToolCallIds() {
    }

    /** The history with every assistant tool call and tool message paired by id. */
    static List<ChatMessage> fillHistory(List<ChatMessage> messages) {
        List<ChatMessage> filled = new ArrayList<>(messages.size());
        Set<String> unanswered = new LinkedHashSet<>();
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage message = messages.get(i);
            if (message == null || message.role() == null) {
                filled.add(message);
                continue;
            }
            if (message.role() == Role.assistant && !message.toolCalls().isEmpty()) {
                List<ToolCall> calls = new ArrayList<>();
                for (int j = 0; j < message.toolCalls().size(); j++) {
                    ToolCall call = message.toolCalls().get(j);
                    String id = blank(call.id()) ? "call_m" + i + "_" + j : call.id();
                    unanswered.add(id);
                    calls.add(new ToolCall(id, call.name(), call.arguments()));
                }
                message = new ChatMessage(message.role(), message.content(), calls, message.toolCallId(), message.name());
            } else if (message.role() == Role.tool) {
                String id = message.toolCallId();
                if (blank(id) && !unanswered.isEmpty()) {
                    id = unanswered.iterator().next();
                    message = new ChatMessage(Role.tool, message.content(), null, id, message.name());
                }
                unanswered.remove(id);
            }
            filled.add(message);
        }
        return filled;
    }

    /** The answer with an id on every tool call, unique within the answer and the conversation. */
    static AssistantMessage fillAnswer(AssistantMessage answer, List<ChatMessage> history) {
        if (answer.toolCalls().isEmpty()) {
            return answer;
        }
        Set<String> used = new HashSet<>();
        history.stream().filter(m -> m != null).forEach(m -> m.toolCalls().forEach(c -> used.add(c.id())));
        List<ToolCall> calls = new ArrayList<>();
        boolean changed = false;
        for (ToolCall call : answer.toolCalls()) {
            String id = call.id();
            if (blank(id) || used.contains(id)) {
                id = fresh();
                changed = true;
            }
            used.add(id);
            calls.add(new ToolCall(id, call.name(), call.arguments()));
        }
        return changed ? answer.withToolCalls(calls) : answer;
    }

    static String fresh() {
        StringBuilder id = new StringBuilder("call_");
        for (int i = 0; i < 24; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
