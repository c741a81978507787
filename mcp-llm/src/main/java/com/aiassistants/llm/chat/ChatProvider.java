package com.aiassistants.llm.chat;

/**
 * A way to get a chat completion. Implementations map the common shape to their wire protocol and
 * back, and report failures as {@link ProviderException}; retries and timeouts are theirs to apply.
 */
public interface ChatProvider {

    ChatResult complete(ChatRequest request);
}
