package com.aiassistants.llm.provider;

/** The kinds of provider a configured provider can be. */
public enum ProviderType {
    /** The built-in deterministic provider (no key, no network). */
    OFFLINE,
    /** Any OpenAI-compatible Chat Completions server: OpenAI, Ollama, vLLM, LM Studio, Groq… */
    OPENAI,
    /** Amazon Bedrock Converse API. */
    BEDROCK
}
