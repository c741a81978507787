package com.aiassistants.backend.tenant;

import java.time.Duration;
import java.time.ZoneId;

import com.aiassistants.backend.BackendProperties;
import com.aiassistants.backend.assistant.TenantProfile;

/** A tenant: one business with its channels, keys, users and settings. */
public record Project(String id, String name, ZoneId zone, String locale, ProjectSettings settings, String webhookSecret) {

    public TenantProfile profile() {
        return new TenantProfile(id, name, zone, locale, settings.flowOrDefault().toFlowSettings());
    }

    /** The profile with an unsaved flow draft instead of the saved flow (the console's "try it" sandbox). */
    public TenantProfile profileWith(ProjectSettings.Flow draft) {
        return new TenantProfile(id, name, zone, locale, draft.toFlowSettings());
    }

    public int perApiKeyPerMinute(BackendProperties.Limits defaults) {
        var limits = settings.rateLimits();
        return limits != null && limits.perApiKeyPerMinute() != null ? limits.perApiKeyPerMinute()
                : defaults.perApiKeyPerMinute();
    }

    public int perPhonePerMinute(BackendProperties.Limits defaults) {
        var limits = settings.rateLimits();
        return limits != null && limits.perPhonePerMinute() != null ? limits.perPhonePerMinute()
                : defaults.perPhonePerMinute();
    }

    public Duration memoryTtl(Duration fallback) {
        return settings.memoryTtlDays() == null ? fallback : Duration.ofDays(settings.memoryTtlDays());
    }
}
