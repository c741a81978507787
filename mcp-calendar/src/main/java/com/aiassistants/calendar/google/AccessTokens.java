package com.aiassistants.calendar.google;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import com.aiassistants.common.cache.ExpiringCache;

/**
 * Short-lived access tokens, in memory only: refreshed from the stored (encrypted) refresh token when missing or
 * within a minute of expiring, once per connection at a time.
 */
@Component
class AccessTokens {

    private record Token(String value, Instant expiresAt) {
    }

    private static final Duration EARLY = Duration.ofSeconds(60);

    private final ExpiringCache<String, Token> cache;
    private final GoogleOAuthClient oauth;
    private final Clock clock;
    private final GoogleKeys keys;

    AccessTokens(GoogleOAuthClient oauth, GoogleKeys keys, Clock clock) {
        this.cache = ExpiringCache.of(Duration.ofHours(1), 10_000, clock);
        this.oauth = oauth;
        this.keys = keys;
        this.clock = clock;
    }

    /** A valid access token of the connection; {@link GoogleOAuthClient.OAuthRefusedException} if the grant is gone. */
    String get(GoogleConnections.Stored connection) {
        String key = key(connection.tenantId(), connection.professionalId());
        Token token = cache.get(key, k -> refresh(connection));
        if (token.expiresAt().minus(EARLY).isBefore(clock.instant())) {
            cache.invalidate(key);
            token = cache.get(key, k -> refresh(connection));
        }
        return token.value();
    }

    /** Remembers the token a code exchange returned. */
    void remember(String tenantId, String professionalId, GoogleWire.TokenResponse token) {
        cache.put(key(tenantId, professionalId), toToken(token));
    }

    /** Forgets the connection's token (Google answered 401, or it was disconnected). */
    void forget(String tenantId, String professionalId) {
        cache.invalidate(key(tenantId, professionalId));
    }

    private Token refresh(GoogleConnections.Stored connection) {
        String refreshToken = keys.cipher().decrypt(connection.refreshTokenEnc(), connection.tenantId(),
                connection.professionalId());
        return toToken(oauth.refresh(refreshToken));
    }

    private Token toToken(GoogleWire.TokenResponse token) {
        long seconds = token.expiresIn() == null ? 3600 : token.expiresIn();
        return new Token(token.accessToken(), clock.instant().plusSeconds(seconds));
    }

    private static String key(String tenantId, String professionalId) {
        return tenantId + "\u0000" + professionalId;
    }
}
