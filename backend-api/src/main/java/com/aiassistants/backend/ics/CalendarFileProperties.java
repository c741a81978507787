package com.aiassistants.backend.ics;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ai-assistants.backend.calendar-files.*}: the patients' calendar files (backend-api's README lists them).
 *
 * @param publicBaseUrl where patients reach backend-api (the ALB's or CloudFront's public address in AWS), without
 *                      a trailing slash; links are {@code <publicBaseUrl>/v1/public/bookings/<token>.ics}
 * @param signingKey    HMAC-SHA256 key of the links' tokens, at least 32 characters; empty: derived from
 *                      {@code auth.jwt-secret} (so rotating that secret also ends every link handed out)
 */
@Validated
@ConfigurationProperties("ai-assistants.backend.calendar-files")
public record CalendarFileProperties(
        @NotBlank @Pattern(regexp = "https?://[^\\s]+[^/\\s]", message = "must be an http(s) URL without a trailing slash")
        @DefaultValue("http://localhost:8080") String publicBaseUrl,
        @Pattern(regexp = "|.{32,}", message = "must be empty (derived from auth.jwt-secret) or at least 32 characters")
        @DefaultValue("") String signingKey) {
}
