package com.aiassistants.calendar.google;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Keeps each connected calendar's busy times fresh by polling (there is no public URL for Google's push
 * notifications in a local run, and polling needs none): every {@code sync-interval} an incremental
 * {@code events.list} with the stored {@code syncToken}; a full read of the window [now − 1 day, now +
 * {@code sync-window}) on connect, every {@code full-resync-interval}, and when Google answers 410 Gone.
 * Metrics: {@code calendar.google.syncs{kind, outcome}}.
 */
@Component
class BusySync {

    private static final Logger log = LoggerFactory.getLogger(BusySync.class);
    static final int SYNC_BATCH = 20;

    private final GoogleConnections connections;
    private final GoogleCalendarClient calendar;
    private final AccessTokens tokens;
    private final BusyTimes busy;
    private final TransactionTemplate transaction;
    private final GoogleProperties properties;
    private final GoogleKeys keys;
    private final Clock clock;
    private final MeterRegistry meters;

    BusySync(GoogleConnections connections, GoogleCalendarClient calendar, AccessTokens tokens, BusyTimes busy,
            TransactionTemplate transaction, GoogleProperties properties, GoogleKeys keys, Clock clock,
            MeterRegistry meters) {
        this.connections = connections;
        this.calendar = calendar;
        this.tokens = tokens;
        this.busy = busy;
        this.transaction = transaction;
        this.properties = properties;
        this.keys = keys;
        this.clock = clock;
        this.meters = meters;
    }

    /** One round: syncs the connections whose sync is due; returns how many were synced. */
    int syncDue() {
        if (!keys.enabled()) {
            return 0;
        }
        Duration lease = properties.timeout().multipliedBy(4L * (properties.retries() + 1)).plusSeconds(30);
        int done = 0;
        for (GoogleConnections.Stored connection : connections.claimDue(clock.instant(), lease, SYNC_BATCH)) {
            if (sync(connection)) {
                done++;
            }
        }
        return done;
    }

    /** Syncs one connection now; false (with the error stored on the connection) when it failed. */
    boolean sync(GoogleConnections.Stored connection) {
        Instant now = clock.instant();
        boolean full = connection.syncToken() == null || connection.fullSyncedAt() == null
                || connection.fullSyncedAt().plus(properties.fullResyncInterval()).isBefore(now);
        String kind = full ? "full" : "incremental";
        try {
            try {
                run(connection, full, now);
            } catch (GoogleCalendarClient.SyncTokenExpiredException e) {
                kind = "full";
                run(connection, true, now);
            }
            count(kind, "ok");
            return true;
        } catch (GoogleCalendarClient.UnauthorizedException e) {
            tokens.forget(connection.tenantId(), connection.professionalId());
            return failed(connection, kind, "Google answered 401; retrying with a new access token", false, now);
        } catch (GoogleOAuthClient.OAuthRefusedException e) {
            return failed(connection, kind, "Google refused the stored grant (" + e.error() + "); connect again", true,
                    now);
        } catch (RuntimeException e) {
            return failed(connection, kind, e.getMessage(), false, now);
        }
    }

    private void run(GoogleConnections.Stored connection, boolean full, Instant now) {
        String token = tokens.get(connection);
        List<GoogleWire.Event> events = new ArrayList<>();
        String pageToken = null;
        GoogleWire.EventList page;
        do {
            page = full ? calendar.listWindow(token, connection.calendarId(), now.minus(Duration.ofDays(1)),
                    now.plus(properties.syncWindow()), pageToken)
                    : calendar.listChanges(token, connection.calendarId(), connection.syncToken(), pageToken);
            if (page.items() != null) {
                events.addAll(page.items());
            }
            pageToken = page.nextPageToken();
        } while (pageToken != null);
        ZoneId zone = zone(page.timeZone());
        String account = page.summary();
        String syncToken = page.nextSyncToken();
        transaction.executeWithoutResult(status -> {
            if (full) {
                busy.replaceAll(connection.tenantId(), connection.professionalId(), events, zone);
            } else {
                busy.apply(connection.tenantId(), connection.professionalId(), events, zone);
            }
            connections.synced(connection.tenantId(), connection.professionalId(), account, syncToken, full, now,
                    now.plus(properties.syncInterval()));
        });
    }

    private boolean failed(GoogleConnections.Stored connection, String kind, String error, boolean refused,
            Instant now) {
        count(kind, refused ? "refused" : "failed");
        log.warn("google calendar sync of professional {} (tenant {}) failed: {}", connection.professionalId(),
                connection.tenantId(), error);
        connections.failed(connection.tenantId(), connection.professionalId(), error, refused, now,
                now.plus(properties.syncInterval()));
        return false;
    }

    private void count(String kind, String outcome) {
        meters.counter("calendar.google.syncs", "kind", kind, "outcome", outcome).increment();
    }

    private static ZoneId zone(String id) {
        try {
            return id == null ? ZoneOffset.UTC : ZoneId.of(id);
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
