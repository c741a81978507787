package com.aiassistants.llm.chat;

import com.aiassistants.common.mcp.ToolParam;

/** Tokens the provider counted (or the offline provider estimated) for one completion. */
public record TokenUsage(
        @ToolParam("Tokens read: the prompt, history and tool schemas") int inputTokens,
        @ToolParam("Tokens generated") int outputTokens) {

    public static final TokenUsage NONE = new TokenUsage(0, 0);
}
