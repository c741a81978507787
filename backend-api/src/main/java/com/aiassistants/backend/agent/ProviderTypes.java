package com.aiassistants.backend.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.aiassistants.common.mcp.client.McpToolClient;

/**
 * Tells whether a tenant's LLM provider is mcp-llm's built-in offline one (rules, no model): such
 * tenants are answered by the deterministic engine directly, which understands more than the offline
 * provider. Reads {@code list_models} once per tenant per {@code ttl}; when mcp-llm cannot say, the
 * agent runs (and falls back if mcp-llm is really down).
 */
class ProviderTypes {

    private static final Logger log = LoggerFactory.getLogger(ProviderTypes.class);

    private record Entry(boolean offline, Instant expires) {
    }

    private final McpToolClient llm;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    ProviderTypes(McpToolClient llm, Duration ttl, Clock clock) {
        this.llm = llm;
        this.ttl = ttl;
        this.clock = clock;
    }

    boolean isOffline(String tenantId, String providerOverride) {
        String key = tenantId + "\u0000" + (providerOverride == null ? "" : providerOverride);
        Instant now = clock.instant();
        Entry cached = cache.get(key);
        if (cached != null && cached.expires().isAfter(now)) {
            return cached.offline();
        }
        Boolean offline = lookUp(tenantId, providerOverride);
        if (offline == null) {
            return false;
        }
        cache.put(key, new Entry(offline, now.plus(ttl)));
        return offline;
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
