package com.aiassistants.calendar.google;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The Google Calendar integration ({@code ai-assistants.calendar.google.*}); every setting is listed in the module
 * README. Off unless the OAuth client and the token key are set: the stack then runs without it.
 *
 * @param clientId           the OAuth client id of this deployment (Secrets Manager in AWS)
 * @param clientSecret       its secret
 * @param redirectUri        backend-api's public callback registered with the client
 * @param tokenKey           base64 of 32 bytes: AES-256-GCM key of the stored refresh tokens, also signs OAuth states
 * @param authUri            Google's authorization endpoint
 * @param tokenUri           token endpoint (code exchange and refresh)
 * @param revokeUri          revocation endpoint
 * @param apiUrl             Calendar API v3 base URL
 * @param scope              requested scope
 * @param timeout            per HTTP call (connect and answer)
 * @param retries            in-process retries of a 5xx / 429 / I/O failure of one call
 * @param syncInterval       how often each connected calendar's changes are read (incremental sync)
 * @param fullResyncInterval how often the whole window is read again (slides the window forward)
 * @param syncWindow         how far ahead busy times are read
 * @param pollInterval       how often due syncs and event writes are looked for
 * @param retryInitial       first delay of a failed event write, doubled per attempt
 * @param retryMax           longest delay between event write attempts (retried until done)
 * @param batchSize          event writes per round
 * @param stateTtl           how long an authorization URL may be used
 */
@Validated
@ConfigurationProperties("ai-assistants.calendar.google")
public record GoogleProperties(String clientId, String clientSecret, URI redirectUri, String tokenKey, URI authUri,
        URI tokenUri, URI revokeUri, URI apiUrl, String scope, Duration timeout, @Min(0) @Max(5) Integer retries,
        Duration syncInterval, Duration fullResyncInterval, Duration syncWindow, Duration pollInterval,
        Duration retryInitial, Duration retryMax, @Min(1) @Max(500) Integer batchSize, Duration stateTtl) {

    public GoogleProperties {
        authUri = authUri == null ? URI.create("https://accounts.google.com/o/oauth2/v2/auth") : authUri;
        tokenUri = tokenUri == null ? URI.create("https://oauth2.googleapis.com/token") : tokenUri;
        revokeUri = revokeUri == null ? URI.create("https://oauth2.googleapis.com/revoke") : revokeUri;
        apiUrl = apiUrl == null ? URI.create("https://www.googleapis.com/calendar/v3") : apiUrl;
        scope = scope == null || scope.isBlank() ? "https://www.googleapis.com/auth/calendar.events" : scope;
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        retries = retries == null ? 2 : retries;
        syncInterval = syncInterval == null ? Duration.ofMinutes(2) : syncInterval;
        fullResyncInterval = fullResyncInterval == null ? Duration.ofHours(24) : fullResyncInterval;
        syncWindow = syncWindow == null ? Duration.ofDays(92) : syncWindow;
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
        retryInitial = retryInitial == null ? Duration.ofSeconds(5) : retryInitial;
        retryMax = retryMax == null ? Duration.ofMinutes(10) : retryMax;
        batchSize = batchSize == null ? 50 : batchSize;
        stateTtl = stateTtl == null ? Duration.ofMinutes(10) : stateTtl;
        if (enabled(clientId, clientSecret, tokenKey) && redirectUri == null) {
            throw new IllegalArgumentException("ai-assistants.calendar.google.redirect-uri is required with a client id");
        }
    }

    /** True when this deployment has an OAuth client and a token key. */
    public boolean enabled() {
        return enabled(clientId, clientSecret, tokenKey);
    }

    private static boolean enabled(String clientId, String clientSecret, String tokenKey) {
        return clientId != null && !clientId.isBlank() && clientSecret != null && !clientSecret.isBlank()
                && tokenKey != null && !tokenKey.isBlank();
    }

    /** Delay before attempt {@code attempts + 1} of an event write. */
    public Duration backoff(int attempts) {
        return com.aiassistants.common.retry.Backoffs.delay(retryInitial, retryMax, attempts);
    }

    String api(String path) {
        return apiUrl.toString().replaceAll("/+$", "") + path;
    }
}
