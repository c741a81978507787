package com.aiassistants.llm.provider;

/** The kinds of provider a configured provider can be. */
public enum ProviderType {
    /** The built-in deterministic provider (no key, no network). */
    OFFLINE,
    /** Any OpenAI-compatible Chat Completions server: OpenAI, Ollama, vLLM, LM Studio, Groq… */
    OPENAI,
    /** An Azure OpenAI resource: deployments URL with {@code api-version}, key in the {@code api-key} header. */
    AZURE_OPENAI,
    /** Amazon Bedrock Converse API. */
    BEDROCK
}
