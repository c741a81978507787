package com.aiassistants.calendar.google;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import com.aiassistants.common.mcp.server.ToolException;
import com.aiassistants.common.scheduling.GoogleCalendarTools;

/**
 * The OAuth {@code state}: {@code base64url(tenant \n professional \n expiry \n nonce) . base64url(HMAC)}. The
 * payload is readable (backend-api's public callback learns the tenant from it, see
 * {@link GoogleCalendarTools#tenantOf}) but only this service can make one, and only until it expires.
 */
record OAuthState(String tenantId, String professionalId, Instant expiresAt) {

    static String issue(TokenCipher cipher, String tenantId, String professionalId, Instant expiresAt) {
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString((tenantId + "\n" + professionalId + "\n"
                + expiresAt.getEpochSecond() + "\n" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        return payload + "." + cipher.sign(payload);
    }

    /** The verified state, or {@code invalid_state} when forged, malformed, expired or another tenant's. */
    static OAuthState verify(TokenCipher cipher, String state, String tenantId, Instant now) {
        int dot = state == null ? -1 : state.indexOf('.');
        if (dot <= 0 || state.length() > 2000 || !cipher.verify(state.substring(0, dot), state.substring(dot + 1))) {
            throw invalid("the state was not issued by this service");
        }
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(state.substring(0, dot)), StandardCharsets.UTF_8)
                    .split("\n");
        } catch (IllegalArgumentException e) {
            throw invalid("malformed state");
        }
        if (parts.length != 4 || !parts[0].equals(tenantId)) {
            throw invalid("the state belongs to another project");
        }
        Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[2]));
        if (!expiresAt.isAfter(now)) {
            throw invalid("the authorization link expired; connect again");
        }
        return new OAuthState(parts[0], parts[1], expiresAt);
    }

    private static ToolException invalid(String message) {
        return new ToolException(GoogleCalendarTools.INVALID_STATE, message);
    }
}
