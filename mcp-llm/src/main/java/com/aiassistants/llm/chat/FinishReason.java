package com.aiassistants.llm.chat;

/**
 * Why the model stopped, normalised across providers. Lower case constants are the wire values.
 * {@code stop}: a complete answer; {@code tool_calls}: the model wants tools run; {@code length}:
 * cut at max_tokens; {@code content_filter}: blocked by the provider's filter or guardrail (prompt or
 * answer); {@code refusal}: the model declined to answer (OpenAI's {@code refusal} field; the text is
 * in the message's {@code refusal}, not its content); {@code other}: anything else the provider reported.
 */
public enum FinishReason {
    stop, tool_calls, length, content_filter, refusal, other
}
