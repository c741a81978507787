package com.aiassistants.llm.provider;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import com.aiassistants.llm.bedrock.BedrockConverseProvider;
import com.aiassistants.llm.bedrock.BedrockSettings;
import com.aiassistants.llm.chat.ChatProvider;
import com.aiassistants.llm.offline.OfflineProvider;
import com.aiassistants.llm.openai.OpenAiCompatibleProvider;
import com.aiassistants.llm.openai.OpenAiSettings;
import com.aiassistants.llm.resilience.Retrier;
import com.aiassistants.llm.resilience.RetryPolicy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Builds one client per configured provider at start-up and checks the configuration as a whole
 * (a tenant or the default pointing at an unknown provider, a missing base URL/region/model fails
 * the start with a message naming the property). The built-in {@code offline} provider always exists.
 */
@Component
public class ProviderRegistry implements DisposableBean {

    public static final String OFFLINE_MODEL = "offline";
    private static final Logger log = LoggerFactory.getLogger(ProviderRegistry.class);

    private final Map<String, ConfiguredProvider> providers;

    public ProviderRegistry(LlmProperties properties, MeterRegistry meterRegistry) {
        Map<String, ConfiguredProvider> built = new LinkedHashMap<>();
        built.put(LlmProperties.OFFLINE, new ConfiguredProvider(LlmProperties.OFFLINE, ProviderType.OFFLINE,
                OFFLINE_MODEL, Set.of(), new OfflineProvider()));
        properties.providers().forEach((name, config) -> built.put(name, build(name, config, meterRegistry)));
        this.providers = Map.copyOf(built);
        check(properties);
        built.values().forEach(provider -> log.info("LLM provider {} ({}) ready, default model {}", provider.name(),
                provider.type(), provider.defaultModel()));
    }

    private static ConfiguredProvider build(String name, LlmProperties.Provider config, MeterRegistry meterRegistry) {
        String prefix = "ai-assistants.llm.providers." + name + ".";
        Retrier retrier = new Retrier("llm provider " + name,
                new RetryPolicy(config.maxAttempts(), config.initialBackoff(), config.maxBackoff()),
                (failure, attempt) -> Counter.builder("llm.retries")
                        .description("Provider calls retried after 429/5xx/connection failures")
                        .tag("provider", name)
                        .tag("reason", failure.kind().name().toLowerCase())
                        .register(meterRegistry).increment());
        ChatProvider client = switch (config.type()) {
            case OFFLINE -> new OfflineProvider();
            case OPENAI -> new OpenAiCompatibleProvider(new OpenAiSettings(
                    require(config.baseUrl(), prefix + "base-url"), config.apiKey(), config.connectTimeout(),
                    config.readTimeout(), config.maxTokensParam()), retrier);
            case AZURE_OPENAI -> new OpenAiCompatibleProvider(new OpenAiSettings(
                    require(config.baseUrl(), prefix + "base-url"), require(config.apiKey(), prefix + "api-key"),
                    config.connectTimeout(), config.readTimeout(), config.maxTokensParam(), config.apiVersion()), retrier);
            case BEDROCK -> new BedrockConverseProvider(new BedrockSettings(
                    require(config.region(), prefix + "region"), config.endpointOverride(), config.accessKeyId(),
                    config.secretAccessKey(), config.connectTimeout(), config.readTimeout()), retrier);
        };
        String model = config.type() == ProviderType.OFFLINE && config.model() == null ? OFFLINE_MODEL
                : require(config.model(), prefix + "model");
        return new ConfiguredProvider(name, config.type(), model, Set.copyOf(config.models()), client);
    }

    private void check(LlmProperties properties) {
        List<String> problems = new ArrayList<>();
        if (!providers.containsKey(properties.defaultProvider())) {
            problems.add("ai-assistants.llm.default-provider names unknown provider '" + properties.defaultProvider() + "'");
        }
        properties.tenants().forEach((tenant, choice) -> {
            if (!providers.containsKey(choice.provider())) {
                problems.add("ai-assistants.llm.tenants." + tenant + ".provider names unknown provider '"
                        + choice.provider() + "'");
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid LLM configuration: " + String.join("; ", problems)
                    + " (known providers: " + providers.keySet() + ")");
        }
    }

    private static <T> T require(T value, String property) {
        if (value == null || value.toString().isBlank()) {
            throw new IllegalStateException("Invalid LLM configuration: " + property + " is required");
        }
        return value;
    }

    public ConfiguredProvider get(String name) {
        return providers.get(name);
    }

    public Collection<ConfiguredProvider> all() {
        return providers.values().stream().sorted(java.util.Comparator.comparing(ConfiguredProvider::name)).toList();
    }

    @Override
    public void destroy() throws Exception {
        for (ConfiguredProvider provider : providers.values()) {
            if (provider.client() instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }
}
