package com.aiassistants.calendar.google;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.aiassistants.calendar.directory.ScheduleDirectory;
import com.aiassistants.common.mcp.server.ToolException;
import com.aiassistants.common.scheduling.GoogleCalendarTools;
import com.aiassistants.common.scheduling.GoogleCalendarTools.Connection;
import com.aiassistants.common.scheduling.GoogleCalendarTools.ConnectUrl;
import com.aiassistants.common.scheduling.GoogleCalendarTools.Connections;
import com.aiassistants.common.scheduling.GoogleCalendarTools.Disconnected;

/**
 * Connecting and disconnecting a professional's Google Calendar. Connect: a signed, expiring {@code state} in
 * Google's authorization URL; back from Google, the state is checked (same tenant, not expired), the code exchanged,
 * the refresh token stored encrypted, the calendar read at once and the professional's upcoming confirmed bookings
 * marked for writing. Disconnect: the grant is revoked at Google and everything stored about it deleted.
 */
@Service
class GoogleConnectService {

    private static final Logger log = LoggerFactory.getLogger(GoogleConnectService.class);

    private final GoogleKeys keys;
    private final GoogleProperties properties;
    private final GoogleOAuthClient oauth;
    private final GoogleConnections connections;
    private final GoogleEventOutbox outbox;
    private final AccessTokens tokens;
    private final BusySync sync;
    private final ScheduleDirectory directory;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final Clock clock;

    GoogleConnectService(GoogleKeys keys, GoogleProperties properties, GoogleOAuthClient oauth,
            GoogleConnections connections, GoogleEventOutbox outbox, AccessTokens tokens, BusySync sync,
            ScheduleDirectory directory, TransactionTemplate transaction, JdbcClient jdbc, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.oauth = oauth;
        this.connections = connections;
        this.outbox = outbox;
        this.tokens = tokens;
        this.sync = sync;
        this.directory = directory;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    ConnectUrl connectUrl(String tenantId, String professionalId) {
        TokenCipher cipher = keys.cipher();
        directory.professional(tenantId, required(professionalId, "professional_id"));
        Instant expiresAt = clock.instant().plus(properties.stateTtl());
        return new ConnectUrl(oauth.authorizationUrl(OAuthState.issue(cipher, tenantId, professionalId, expiresAt)),
                expiresAt);
    }

    Connection complete(String tenantId, String code, String state) {
        TokenCipher cipher = keys.cipher();
        OAuthState verified = OAuthState.verify(cipher, state, tenantId, clock.instant());
        String professionalId = verified.professionalId();
        GoogleWire.TokenResponse token;
        try {
            token = oauth.exchange(required(code, "code"));
        } catch (GoogleOAuthClient.OAuthRefusedException e) {
            throw new ToolException(GoogleCalendarTools.REFUSED, "Google refused the authorization code (" + e.error()
                    + "); connect again");
        } catch (GoogleHttp.GoogleUnavailableException e) {
            throw new ToolException("unavailable", e.getMessage());
        }
        if (token.refreshToken() == null || token.refreshToken().isBlank()) {
            throw new ToolException(GoogleCalendarTools.REFUSED, "Google returned no refresh token; connect again");
        }
        Instant now = clock.instant();
        byte[] sealed = cipher.encrypt(token.refreshToken(), tenantId, professionalId);
        transaction.executeWithoutResult(status -> {
            connections.save(tenantId, professionalId, sealed, token.scope(), now);
            markUpcoming(tenantId, professionalId, now);
        });
        tokens.remember(tenantId, professionalId, token);
        log.info("google calendar connected for professional {} (tenant {})", professionalId, tenantId);
        connections.find(tenantId, professionalId).ifPresent(sync::sync);
        return view(connections.find(tenantId, professionalId).orElseThrow());
    }

    Connections status(String tenantId, String professionalId) {
        List<GoogleConnections.Stored> rows = professionalId == null || professionalId.isBlank()
                ? connections.forTenant(tenantId)
                : connections.find(tenantId, professionalId).stream().toList();
        return new Connections(keys.enabled(), rows.stream().map(this::view).toList());
    }

    Disconnected disconnect(String tenantId, String professionalId) {
        required(professionalId, "professional_id");
        GoogleConnections.Stored connection = connections.find(tenantId, professionalId).orElseThrow(() ->
                new ToolException("not_found", "Professional " + professionalId + " has no Google Calendar connected"));
        boolean revoked = false;
        if (keys.enabled()) {
            try {
                revoked = oauth.revoke(keys.cipher().decrypt(connection.refreshTokenEnc(), tenantId, professionalId));
            } catch (RuntimeException e) {
                log.warn("google revocation for professional {} (tenant {}) failed: {}", professionalId, tenantId,
                        e.getMessage());
            }
        }
        transaction.executeWithoutResult(status -> connections.delete(tenantId, professionalId));
        tokens.forget(tenantId, professionalId);
        log.info("google calendar disconnected for professional {} (tenant {}), revoked: {}", professionalId, tenantId,
                revoked);
        return new Disconnected(professionalId, revoked);
    }

    /** The professional's confirmed bookings from now on, marked for writing (and pending rows due again). */
    private void markUpcoming(String tenantId, String professionalId, Instant now) {
        jdbc.sql("""
                INSERT INTO google_event_outbox (tenant_id, booking_id, professional_id, next_attempt_at, created_at)
                SELECT tenant_id, id, professional_id, ?, ? FROM booking
                 WHERE tenant_id = ? AND professional_id = ? AND status = 'CONFIRMED' AND ends_at > ?
                ON CONFLICT (tenant_id, booking_id, professional_id) DO UPDATE
                   SET version = google_event_outbox.version + 1, attempts = 0, next_attempt_at = EXCLUDED.next_attempt_at
                """).params(GoogleConnections.utc(now), GoogleConnections.utc(now), tenantId, professionalId,
                        GoogleConnections.utc(now)).update();
        jdbc.sql("""
                UPDATE google_event_outbox SET attempts = 0, next_attempt_at = ?
                 WHERE tenant_id = ? AND professional_id = ?""")
                .params(GoogleConnections.utc(now), tenantId, professionalId).update();
    }

    private Connection view(GoogleConnections.Stored row) {
        return new Connection(row.professionalId(), row.status(), row.account(), row.connectedAt(), row.lastSyncedAt(),
                row.lastError(), outbox.pending(row.tenantId(), row.professionalId()));
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new ToolException("invalid_request", name + " is required");
        }
        if (value.length() > 2000) {
            throw new ToolException("invalid_request", name + " is too long");
        }
        return value;
    }
}
