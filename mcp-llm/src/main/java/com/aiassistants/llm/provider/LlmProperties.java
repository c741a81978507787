package com.aiassistants.llm.provider;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of mcp-llm ({@code ai-assistants.llm.*}). Providers are named; tenants point at one by
 * name; tenants without an entry use {@link #defaultProvider}. The built-in provider named
 * {@code offline} always exists.
 *
 * @param defaultProvider provider for tenants without an entry (default {@code offline})
 * @param maxOutputTokens upper bound a caller may ask for in {@code max_tokens} (default 4096)
 * @param providers       named provider configurations
 * @param tenants         per-tenant provider choice, keyed by tenant id
 */
@Validated
@ConfigurationProperties("ai-assistants.llm")
public record LlmProperties(
        @NotBlank String defaultProvider,
        @Min(1) @Max(200_000) Integer maxOutputTokens,
        Map<String, @Valid Provider> providers,
        Map<String, @Valid Tenant> tenants) {

    public static final String OFFLINE = "offline";
    /** The newest generally available Azure OpenAI data-plane API version when this was written. */
    public static final String AZURE_API_VERSION = "2024-10-21";

    public LlmProperties {
        defaultProvider = defaultProvider == null || defaultProvider.isBlank() ? OFFLINE : defaultProvider;
        maxOutputTokens = maxOutputTokens == null ? 4096 : maxOutputTokens;
        providers = providers == null ? Map.of() : Map.copyOf(providers);
        tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
    }

    /**
     * One named provider.
     *
     * @param type             offline, openai (any compatible server), azure-openai or bedrock
     * @param model            default model id (required for openai and bedrock)
     * @param models           further model ids callers may ask for (the default is always allowed)
     * @param baseUrl          openai: API root, e.g. https://api.openai.com/v1 or http://localhost:11434/v1
     * @param apiKey           openai: bearer key (put a placeholder such as ${OPENAI_API_KEY} here; never logged)
     * @param maxTokensParam   openai: field for max tokens, {@code max_tokens} (default) or {@code max_completion_tokens}
     * @param apiVersion       azure-openai: the {@code api-version} query parameter (default {@value #AZURE_API_VERSION})
     * @param region           bedrock: AWS region
     * @param endpointOverride bedrock: endpoint other than the regional default (VPC endpoint, tests)
     * @param accessKeyId      bedrock: static credentials instead of the default chain (local runs only)
     * @param secretAccessKey  bedrock: secret of the static credentials (never logged)
     * @param connectTimeout   connect timeout (default 3s)
     * @param readTimeout      timeout of one attempt (default 30s)
     * @param maxAttempts      attempts including the first for 429/5xx/connection failures (default 3)
     * @param initialBackoff   wait before the first retry, doubling after (default 500ms)
     * @param maxBackoff       cap on one wait; a longer Retry-After fails fast as rate_limited (default 5s)
     */
    public record Provider(
            @NotNull ProviderType type,
            String model,
            List<String> models,
            URI baseUrl,
            String apiKey,
            String maxTokensParam,
            String apiVersion,
            String region,
            URI endpointOverride,
            String accessKeyId,
            String secretAccessKey,
            Duration connectTimeout,
            Duration readTimeout,
            @Min(1) @Max(10) Integer maxAttempts,
            Duration initialBackoff,
            Duration maxBackoff) {

        public Provider {
            models = models == null ? List.of() : List.copyOf(models);
            maxTokensParam = maxTokensParam == null || maxTokensParam.isBlank() ? "max_tokens" : maxTokensParam;
            apiVersion = apiVersion == null || apiVersion.isBlank() ? AZURE_API_VERSION : apiVersion;
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(3) : connectTimeout;
            readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
            maxAttempts = maxAttempts == null ? 3 : maxAttempts;
            initialBackoff = initialBackoff == null ? Duration.ofMillis(500) : initialBackoff;
            maxBackoff = maxBackoff == null ? Duration.ofSeconds(5) : maxBackoff;
        }

        @Override
        public String toString() {
            return "Provider[type=" + type + ", model=" + model + ", models=" + models + ", baseUrl=" + baseUrl
                    + ", apiKey=" + mask(apiKey) + ", region=" + region + ", endpointOverride=" + endpointOverride
                    + ", accessKeyId=" + mask(accessKeyId) + ", secretAccessKey=" + mask(secretAccessKey) + "]";
        }

        private static String mask(String secret) {
            return secret == null || secret.isEmpty() ? "none" : "****";
        }
    }

    /**
     * A tenant's choice.
     *
     * @param provider name of a configured provider (or {@code offline})
     * @param model    model id for this tenant, instead of the provider's default
     */
    public record Tenant(@NotBlank String provider, String model) {
    }
}
