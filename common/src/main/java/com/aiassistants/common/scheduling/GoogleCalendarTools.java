package com.aiassistants.common.scheduling;

import java.time.Instant;
import java.util.List;

import com.aiassistants.common.mcp.ToolParam;

/**
 * mcp-calendar's tools for a professional's Google Calendar (OAuth 2.0 authorization code, offline access):
 * the console asks for an authorization URL, the browser comes back to backend-api's public callback with
 * {@code code} and {@code state}, which hands them to {@link #COMPLETE}. Errors: {@code google_disabled} (no OAuth
 * client configured), {@code invalid_state} (forged, expired, or another tenant's), {@code google_refused} (Google
 * refused the code), {@code unavailable} (Google did not answer).
 */
public final class GoogleCalendarTools {

    public static final String CONNECT_URL = "google_calendar_connect_url";
    public static final String COMPLETE = "google_calendar_complete";
    public static final String STATUS = "google_calendar_status";
    public static final String DISCONNECT = "google_calendar_disconnect";

    public static final String DISABLED = "google_disabled";
    public static final String INVALID_STATE = "invalid_state";
    public static final String REFUSED = "google_refused";

    private GoogleCalendarTools() {
    }

    /**
     * The tenant a state was issued for (its payload is {@code base64url(tenant \n professional \n expiry \n nonce)},
     * then {@code .} and the signature only mcp-calendar checks), so a public OAuth callback knows which tenant to
     * ask; null when it is not such a state.
     */
    public static String tenantOf(String state) {
        int dot = state == null ? -1 : state.indexOf('.');
        if (dot <= 0 || state.length() > 2000) {
            return null;
        }
        try {
            String payload = new String(java.util.Base64.getUrlDecoder().decode(state.substring(0, dot)),
                    java.nio.charset.StandardCharsets.UTF_8);
            int newline = payload.indexOf('\n');
            String tenant = newline <= 0 ? null : payload.substring(0, newline);
            // only what can travel as the X-Tenant-Id header
            return tenant != null && tenant.length() <= 100 && tenant.chars().allMatch(c -> c > 32 && c < 127) ? tenant
                    : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public record ConnectUrlInput(@ToolParam("Professional id") String professionalId) {
    }

    /** The URL to open in the browser; its {@code state} expires at {@code expiresAt}. */
    public record ConnectUrl(String authorizationUrl, Instant expiresAt) {
    }

    public record CompleteInput(@ToolParam("The authorization code Google sent to the redirect URI") String code,
            @ToolParam("The state Google sent back unchanged") String state) {
    }

    public record StatusInput(
            @ToolParam(value = "Professional id (default: every connected professional)", required = false)
            String professionalId) {
    }

    public record DisconnectInput(@ToolParam("Professional id") String professionalId) {
    }

    /**
     * One professional's connection.
     *
     * @param status       CONNECTED, or ERROR when Google refused the stored grant (reconnect)
     * @param account      the calendar's name as Google reports it (the account's e-mail for a primary calendar)
     * @param lastSyncedAt when busy times were last read from Google (null: not yet)
     * @param lastError    the last failure of a sync or an event write (null when the last one worked)
     * @param pendingEvents booking changes still waiting to be written to the calendar
     */
    public record Connection(String professionalId, String status, String account, Instant connectedAt,
            Instant lastSyncedAt, String lastError, int pendingEvents) {
    }

    /** @param enabled false when this deployment has no Google OAuth client (connecting is then refused) */
    public record Connections(boolean enabled, List<Connection> connections) {
    }

    /** @param revoked whether Google confirmed the revocation of the grant (false: it did not answer) */
    public record Disconnected(String professionalId, boolean revoked) {
    }
}
