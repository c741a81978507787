package com.aiassistants.llm.openai;

import java.net.URI;
import java.time.Duration;

/**
 * How to reach one OpenAI-compatible endpoint.
 *
 * @param baseUrl        the API root: for plain OpenAI-compatible servers the root that {@code /chat/completions}
 *                       is appended to, e.g. {@code https://api.openai.com/v1} or {@code http://localhost:11434/v1}
 *                       (Ollama); for Azure OpenAI the resource endpoint, e.g.
 *                       {@code https://my-resource.openai.azure.com}
 * @param apiKey         the key, or null for servers without auth (Ollama, vLLM, LM Studio)
 * @param connectTimeout TCP connect timeout
 * @param readTimeout    time allowed for the whole response of one attempt
 * @param maxTokensParam request field that carries max tokens ({@code max_tokens}, or
 *                       {@code max_completion_tokens} for OpenAI reasoning models)
 * @param azureApiVersion null for a plain OpenAI-compatible server; for Azure OpenAI the {@code api-version}
 *                       query parameter: the model id is then the deployment name
 *                       ({@code /openai/deployments/{model}/chat/completions?api-version=…}) and the key travels
 *                       in the {@code api-key} header instead of a bearer token
 */
public record OpenAiSettings(URI baseUrl, String apiKey, Duration connectTimeout, Duration readTimeout,
        String maxTokensParam, String azureApiVersion) {

    public OpenAiSettings(URI baseUrl, String apiKey, Duration connectTimeout, Duration readTimeout,
            String maxTokensParam) {
        this(baseUrl, apiKey, connectTimeout, readTimeout, maxTokensParam, null);
    }

    public boolean azure() {
        return azureApiVersion != null;
    }

    @Override
    public String toString() {
        return "OpenAiSettings[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "****")
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + (azure() ? ", azureApiVersion=" + azureApiVersion : "") + "]";
    }
}
