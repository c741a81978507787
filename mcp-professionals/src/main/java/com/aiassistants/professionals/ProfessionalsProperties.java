package com.aiassistants.professionals;

import java.time.ZoneId;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of mcp-professionals ({@code ai-assistants.professionals.*}).
 *
 * @param defaultTimeZone IANA zone used for tenants that never called {@code set_schedule_settings}
 *                        (default America/Argentina/Buenos_Aires)
 * @param demoTenant      when set (e.g. {@code demo}), the demo clinic is loaded into this tenant at
 *                        startup if it has no professionals yet; empty (default) loads nothing
 */
@Validated
@ConfigurationProperties("ai-assistants.professionals")
public record ProfessionalsProperties(@NotBlank String defaultTimeZone, String demoTenant) {

    public static final String DEFAULT_TIME_ZONE = "America/Argentina/Buenos_Aires";

    public ProfessionalsProperties {
        defaultTimeZone = defaultTimeZone == null || defaultTimeZone.isBlank() ? DEFAULT_TIME_ZONE : defaultTimeZone.trim();
        if (!ZoneId.getAvailableZoneIds().contains(defaultTimeZone)) {
            throw new IllegalArgumentException("ai-assistants.professionals.default-time-zone is not an IANA zone: "
                    + defaultTimeZone);
        }
        demoTenant = demoTenant == null || demoTenant.isBlank() ? null : demoTenant.trim();
    }
}
