package com.aiassistants.backend.agent;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.aiassistants.common.cache.ExpiringCache;
import com.aiassistants.common.mcp.client.McpToolClient;

/**
 * Tells whether a tenant's LLM provider is mcp-llm's built-in offline one (rules, no model): such
 * tenants are answered by the deterministic engine directly, which understands more than the offline
 * provider. Reads {@code list_models} once per tenant per {@code ttl}; when mcp-llm cannot say, the
 * agent runs (and falls back if mcp-llm is really down).
 */
class ProviderTypes {

    private static final Logger log = LoggerFactory.getLogger(ProviderTypes.class);

    private final McpToolClient llm;
    private final ExpiringCache<String, Boolean> cache;

    ProviderTypes(McpToolClient llm, Duration ttl, Clock clock) {
        this.llm = llm;
        this.cache = ExpiringCache.of(ttl, 10_000, clock);
    }

    boolean isOffline(String tenantId, String providerOverride) {
        String key = tenantId + "\u0000" + (providerOverride == null ? "" : providerOverride);
        Boolean offline = cache.get(key, k -> lookUp(tenantId, providerOverride));
        return offline != null && offline;
    }

    private Boolean lookUp(String tenantId, String providerOverride) {
        try {
            Map<String, Object> models = llm.callForMap(tenantId, "list_models", Map.of(), true);
            String provider = providerOverride != null && !providerOverride.isBlank() ? providerOverride
                    : String.valueOf(models.get("tenant_provider"));
            if (models.get("providers") instanceof List<?> providers) {
                for (Object item : providers) {
                    if (item instanceof Map<?, ?> p && provider.equals(p.get("name"))) {
                        return "offline".equals(p.get("type"));
                    }
                }
            }
            return "offline".equals(provider);
        } catch (RuntimeException e) {
            log.warn("could not read the LLM provider of the tenant from mcp-llm: {}", e.toString());
            return null;
        }
    }
}
