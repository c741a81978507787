package com.aiassistants.llm.tool;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import com.aiassistants.llm.provider.ProviderHealth;
import com.aiassistants.llm.provider.ProviderRegistry;

/**
 * Actuator health component {@code llmProviders}: the outcome of recent calls per provider. It is
 * always UP (the offline provider keeps working, so a failing remote provider must not take the
 * service out of the load balancer); the details show which providers are failing. Not part of the
 * readiness group.
 */
@Component("llmProviders")
class LlmProvidersHealthIndicator implements HealthIndicator {

    private final ProviderRegistry registry;
    private final ProviderHealth health;

    LlmProvidersHealthIndicator(ProviderRegistry registry, ProviderHealth health) {
        this.registry = registry;
        this.health = health;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        registry.all().forEach(provider -> {
            ProviderHealth.Snapshot snapshot = health.of(provider.name());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", provider.type().name().toLowerCase());
            entry.put("model", provider.defaultModel());
            entry.put("status", snapshot.status());
            entry.put("consecutiveFailures", snapshot.consecutiveFailures());
            if (snapshot.lastError() != null) {
                entry.put("lastError", snapshot.lastError());
            }
            details.put(provider.name(), entry);
        });
        return Health.up().withDetails(details).build();
    }
}
