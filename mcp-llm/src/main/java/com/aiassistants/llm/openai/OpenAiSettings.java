package com.aiassistants.llm.openai;

import java.net.URI;
import java.time.Duration;

/**
 * How to reach one OpenAI-compatible endpoint.
 *
 * @param baseUrl        the API root that {@code /chat/completions} is appended to, e.g.
 *                       {@code https://api.openai.com/v1} or {@code http://localhost:11434/v1} (Ollama)
 * @param apiKey         bearer key, or null for servers without auth (Ollama, vLLM, LM Studio)
 * @param connectTimeout TCP connect timeout
 * @param readTimeout    time allowed for the whole response of one attempt
 * @param maxTokensParam request field that carries max tokens ({@code max_tokens}, or
 *                       {@code max_completion_tokens} for OpenAI reasoning models)
 */
public record OpenAiSettings(URI baseUrl, String apiKey, Duration connectTimeout, Duration readTimeout,
        String maxTokensParam) {

    @Override
    public String toString() {
        return "OpenAiSettings[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "****")
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
