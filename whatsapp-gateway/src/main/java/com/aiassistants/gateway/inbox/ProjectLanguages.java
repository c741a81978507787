package com.aiassistants.gateway.inbox;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.aiassistants.common.cache.ExpiringCache;
import com.aiassistants.common.channel.ChannelProfile;
import com.aiassistants.gateway.config.GatewayProperties;
import com.aiassistants.gateway.config.TenantDirectory;

/**
 * The language each tenant's project speaks ({@code es} / {@code en}), asked of backend-api
 * ({@code GET /v1/channels/whatsapp/gateway/profile}) and remembered for {@code inbound.profile-cache-ttl}.
 * When backend-api cannot answer (it may be the reason a polite failure reply is being written), the
 * tenant's configured {@code language} is used for 30 seconds before asking again.
 */
@Component
public class ProjectLanguages {

    private static final Logger log = LoggerFactory.getLogger(ProjectLanguages.class);

    private final BackendClient backend;
    private final TenantDirectory tenants;
    private final ExpiringCache<String, String> languages;
    /** The configured language stands in for a short while after backend-api failed, so sends are not slowed. */
    private final ExpiringCache<String, String> fallbacks = ExpiringCache.of(java.time.Duration.ofSeconds(30),
            10_000);

    public ProjectLanguages(BackendClient backend, TenantDirectory tenants, GatewayProperties properties) {
        this.backend = backend;
        this.tenants = tenants;
        this.languages = ExpiringCache.of(properties.inbound().profileCacheTtl(), 10_000);
    }

    /** {@code es} or {@code en}. */
    public String of(String tenantId) {
        String known = languages.getIfPresent(tenantId);
        if (known == null) {
            known = fallbacks.getIfPresent(tenantId);
        }
        if (known != null) {
            return known;
        }
        try {
            ChannelProfile profile = backend.profile(tenantId);
            String language = normalise(profile.locale());
            if (language != null) {
                languages.put(tenantId, language);
                return language;
            }
        } catch (BackendClient.BackendException e) {
            log.warn("the project language of tenant {} is unknown ({}); using the configured one", tenantId, e.getMessage());
        }
        String configured = normalise(tenants.get(tenantId).language());
        String fallback = configured == null ? "es" : configured;
        fallbacks.put(tenantId, fallback);
        return fallback;
    }

    private static String normalise(String locale) {
        if (locale == null || locale.isBlank()) {
            return null;
        }
        String language = locale.trim().toLowerCase(Locale.ROOT);
        return language.startsWith("en") ? "en" : language.startsWith("es") ? "es" : null;
    }
}
