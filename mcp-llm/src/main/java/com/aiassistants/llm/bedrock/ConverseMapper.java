package com.aiassistants.llm.bedrock;

import java.util.ArrayList;
import java.util.List;

import com.aiassistants.llm.chat.AssistantMessage;
import com.aiassistants.llm.chat.ChatMessage;
import com.aiassistants.llm.chat.ChatRequest;
import com.aiassistants.llm.chat.ChatResult;
import com.aiassistants.llm.chat.FinishReason;
import com.aiassistants.llm.chat.Role;
import com.aiassistants.llm.chat.TokenUsage;
import com.aiassistants.llm.chat.ToolCall;
import com.aiassistants.llm.chat.ToolSpec;

import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

/**
 * Maps the common chat shape to a Bedrock Converse request and back: system messages become the
 * {@code system} blocks, tool results become {@code toolResult} blocks of a user turn, assistant
 * tool calls become {@code toolUse} blocks, and consecutive turns of one role are merged because
 * Converse requires user and assistant turns to alternate.
 */
final class ConverseMapper {

    private ConverseMapper() {
    }

    static ConverseRequest request(ChatRequest request) {
        List<SystemContentBlock> system = new ArrayList<>();
        List<Message> messages = new ArrayList<>();
        ConversationRole currentRole = null;
        List<ContentBlock> currentBlocks = new ArrayList<>();
        for (ChatMessage message : request.messages()) {
            if (message.role() == Role.system) {
                if (message.hasText()) {
                    system.add(SystemContentBlock.fromText(message.content()));
                }
                continue;
            }
            ConversationRole role = message.role() == Role.assistant ? ConversationRole.ASSISTANT : ConversationRole.USER;
            if (role != currentRole && !currentBlocks.isEmpty()) {
                messages.add(Message.builder().role(currentRole).content(currentBlocks).build());
                currentBlocks = new ArrayList<>();
            }
            currentRole = role;
            currentBlocks.addAll(blocks(message));
        }
        if (!currentBlocks.isEmpty()) {
            messages.add(Message.builder().role(currentRole).content(currentBlocks).build());
        }
        ConverseRequest.Builder builder = ConverseRequest.builder()
                .modelId(request.model())
                .messages(messages);
        if (!system.isEmpty()) {
            builder.system(system);
        }
        if (!request.tools().isEmpty()) {
            builder.toolConfig(ToolConfiguration.builder()
                    .tools(request.tools().stream().map(ConverseMapper::tool).toList())
                    .build());
        }
        if (request.temperature() != null || request.maxTokens() != null) {
            builder.inferenceConfig(InferenceConfiguration.builder()
                    .temperature(request.temperature() == null ? null : request.temperature().floatValue())
                    .maxTokens(request.maxTokens())
                    .build());
        }
        return builder.build();
    }

    private static List<ContentBlock> blocks(ChatMessage message) {
        List<ContentBlock> blocks = new ArrayList<>();
        if (message.role() == Role.tool) {
            blocks.add(ContentBlock.fromToolResult(ToolResultBlock.builder()
                    .toolUseId(message.toolCallId())
                    .content(ToolResultContentBlock.fromText(message.hasText() ? message.content() : "(no result)"))
                    .build()));
            return blocks;
        }
        if (message.hasText()) {
            // Converse rejects blank text blocks
            blocks.add(ContentBlock.fromText(message.content()));
        }
        for (ToolCall call : message.toolCalls()) {
            blocks.add(ContentBlock.fromToolUse(ToolUseBlock.builder()
                    .toolUseId(call.id())
                    .name(call.name())
                    .input(Documents.from(call.arguments()))
                    .build()));
        }
        return blocks;
    }

    private static Tool tool(ToolSpec spec) {
        return Tool.fromToolSpec(ToolSpecification.builder()
                .name(spec.name())
                .description(spec.description() == null || spec.description().isBlank() ? spec.name() : spec.description())
                .inputSchema(ToolInputSchema.fromJson(Documents.from(spec.inputSchema())))
                .build());
    }

    static ChatResult response(ConverseResponse response, String requestedModel) {
        StringBuilder text = new StringBuilder();
        List<ToolCall> toolCalls = new ArrayList<>();
        Message message = response.output() == null ? null : response.output().message();
        if (message != null) {
            for (ContentBlock block : message.content()) {
                if (block.text() != null) {
                    if (!text.isEmpty()) {
                        text.append('\n');
                    }
                    text.append(block.text());
                } else if (block.toolUse() != null) {
                    ToolUseBlock use = block.toolUse();
                    toolCalls.add(new ToolCall(use.toolUseId(), use.name(), Documents.toMap(use.input())));
                }
            }
        }
        TokenUsage usage = response.usage() == null ? TokenUsage.NONE
                : new TokenUsage(orZero(response.usage().inputTokens()), orZero(response.usage().outputTokens()));
        // Converse names no model, except the one a prompt router chose
        String answeredBy = response.trace() != null && response.trace().promptRouter() != null
                ? response.trace().promptRouter().invokedModelId() : requestedModel;
        return new ChatResult(new AssistantMessage(text.isEmpty() ? null : text.toString(), toolCalls),
                finishReason(response.stopReasonAsString(), !toolCalls.isEmpty()), usage, answeredBy);
    }

    private static FinishReason finishReason(String stopReason, boolean hasToolCalls) {
        if (stopReason == null) {
            return hasToolCalls ? FinishReason.tool_calls : FinishReason.other;
        }
        return switch (stopReason) {
            case "end_turn", "stop_sequence" -> hasToolCalls ? FinishReason.tool_calls : FinishReason.stop;
            case "tool_use" -> FinishReason.tool_calls;
            case "max_tokens", "model_context_window_exceeded" -> FinishReason.length;
            case "guardrail_intervened", "content_filtered" -> FinishReason.content_filter;
            default -> hasToolCalls ? FinishReason.tool_calls : FinishReason.other;
        };
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
