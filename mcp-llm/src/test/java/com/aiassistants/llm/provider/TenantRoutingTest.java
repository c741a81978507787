package com.aiassistants.llm.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.aiassistants.common.mcp.server.ToolException;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class TenantRoutingTest {

    static LlmProperties.Provider openAi(String model, List<String> models) {
        return new LlmProperties.Provider(ProviderType.OPENAI, model, models, URI.create("http://localhost:11434/v1"),
                null, null, null, null, null, null, null, null, null, null, null, null);
    }

    static TenantRouting routing(LlmProperties properties) {
        return new TenantRouting(properties, new ProviderRegistry(properties, new SimpleMeterRegistry()));
    }

    final TenantRouting routing = routing(new LlmProperties(null, null,
            Map.of("ollama", openAi("llama3.2", List.of("qwen2.5")), "groq", openAi("llama-3.3-70b", List.of())),
            Map.of("salon", new LlmProperties.Tenant("ollama", null),
                    "barber", new LlmProperties.Tenant("ollama", "qwen2.5"))));

    @Test
    void tenantsGetTheirProviderAndModelOthersTheDefault() {
        assertThat(routing.defaultsFor("salon")).satisfies(s -> {
            assertThat(s.provider().name()).isEqualTo("ollama");
            assertThat(s.model()).isEqualTo("llama3.2");
        });
        assertThat(routing.defaultsFor("barber").model()).isEqualTo("qwen2.5");
        assertThat(routing.defaultsFor("unknown-tenant").provider().name()).isEqualTo("offline");
        assertThat(routing.defaultsFor("unknown-tenant").model()).isEqualTo("offline");
    }

    @Test
    void callersMayNarrowToOfflineOrAnEnabledModelOnly() {
        assertThat(routing.select("salon", "offline", null).provider().name()).isEqualTo("offline");
        assertThat(routing.select("salon", null, "qwen2.5").model()).isEqualTo("qwen2.5");
        assertThat(routing.select("salon", "ollama", null).model()).isEqualTo("llama3.2");
        assertThatThrownBy(() -> routing.select("salon", "groq", null)).isInstanceOfSatisfying(ToolException.class,
                e -> assertThat(e.code()).isEqualTo("provider_not_allowed"));
        assertThatThrownBy(() -> routing.select("salon", null, "gpt-4o")).isInstanceOfSatisfying(ToolException.class,
                e -> {
                    assertThat(e.code()).isEqualTo("model_not_allowed");
                    assertThat(e.details().get("allowed_models").toString()).contains("llama3.2", "qwen2.5");
                });
    }

    @Test
    void badConfigurationFailsTheStartNamingTheProperty() {
        assertThatThrownBy(() -> routing(new LlmProperties("nope", null, Map.of(),
                Map.of("salon", new LlmProperties.Tenant("missing", null)))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ai-assistants.llm.default-provider names unknown provider 'nope'")
                .hasMessageContaining("ai-assistants.llm.tenants.salon.provider names unknown provider 'missing'");
        assertThatThrownBy(() -> routing(new LlmProperties(null, null, Map.of("bad", new LlmProperties.Provider(
                ProviderType.OPENAI, "m", null, null, null, null, null, null, null, null, null, null, null, null, null, null)),
                Map.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ai-assistants.llm.providers.bad.base-url is required");
    }

    @Test
    void secretsAreMaskedInToString() {
        LlmProperties.Provider provider = new LlmProperties.Provider(ProviderType.BEDROCK, "m", null, null, "sk-123",
                null, null, "us-east-1", null, "AKIA123", "topsecret", null, null, null, null, null);
        assertThat(provider.toString()).doesNotContain("sk-123").doesNotContain("AKIA123").doesNotContain("topsecret");
    }
}
