package com.aiassistants.calendar.google;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code google_connection} rows: one per (tenant, professional). */
@Component
class GoogleConnections {

    /** A stored connection; the refresh token stays encrypted here. */
    record Stored(String tenantId, String professionalId, String account, String calendarId, byte[] refreshTokenEnc,
            String status, String syncToken, Instant fullSyncedAt, Instant lastSyncedAt, String lastError,
            Instant connectedAt) {
    }

    private static final String COLUMNS = """
            tenant_id, professional_id, account, calendar_id, refresh_token_enc, status, sync_token, full_synced_at,
            last_synced_at, last_error, connected_at""";

    private final JdbcClient jdbc;

    GoogleConnections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new grant replaces the old one and starts over: no sync token, sync due now. */
    void save(String tenantId, String professionalId, byte[] refreshTokenEnc, String scope, Instant now) {
        jdbc.sql("""
                INSERT INTO google_connection (tenant_id, professional_id, refresh_token_enc, scope, status,
                    next_sync_at, connected_at, updated_at)
                VALUES (?, ?, ?, ?, 'CONNECTED', ?, ?, ?)
                ON CONFLICT (tenant_id, professional_id) DO UPDATE SET refresh_token_enc = EXCLUDED.refresh_token_enc,
                    scope = EXCLUDED.scope, status = 'CONNECTED', sync_token = NULL, full_synced_at = NULL,
                    last_error = NULL, next_sync_at = EXCLUDED.next_sync_at, connected_at = EXCLUDED.connected_at,
                    updated_at = EXCLUDED.updated_at
                """).params(tenantId, professionalId, refreshTokenEnc, scope, utc(now), utc(now), utc(now)).update();
    }

    Optional<Stored> find(String tenantId, String professionalId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM google_connection WHERE tenant_id = ? AND professional_id = ?")
                .params(tenantId, professionalId).query(GoogleConnections::row).optional();
    }

    List<Stored> forTenant(String tenantId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM google_connection WHERE tenant_id = ? ORDER BY professional_id")
                .param(tenantId).query(GoogleConnections::row).list();
    }

    /** Claims connections whose sync is due, pushing their next sync {@code lease} ahead. */
    List<Stored> claimDue(Instant now, java.time.Duration lease, int limit) {
        return jdbc.sql("""
                UPDATE google_connection SET next_sync_at = :lease
                 WHERE (tenant_id, professional_id) IN (SELECT tenant_id, professional_id FROM google_connection
                        WHERE next_sync_at <= :now AND status = 'CONNECTED'
                        ORDER BY next_sync_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING %s""".formatted(COLUMNS))
                .param("now", utc(now)).param("lease", utc(now.plus(lease))).param("limit", limit)
                .query(GoogleConnections::row).list();
    }

    void synced(String tenantId, String professionalId, String account, String syncToken, boolean full, Instant now,
            Instant nextSync) {
        jdbc.sql("""
                UPDATE google_connection SET account = COALESCE(?, account), sync_token = ?,
                       full_synced_at = CASE WHEN ? THEN ? ELSE full_synced_at END, last_synced_at = ?,
                       last_error = NULL, next_sync_at = ?, updated_at = ?
                 WHERE tenant_id = ? AND professional_id = ?
                """).params(account, syncToken, full, utc(now), utc(now), utc(nextSync), utc(now), tenantId,
                        professionalId).update();
    }

    /** A failure to remember; {@code refused} (Google refused the grant) stops syncing until a reconnect. */
    void failed(String tenantId, String professionalId, String error, boolean refused, Instant now, Instant nextSync) {
        jdbc.sql("""
                UPDATE google_connection SET last_error = ?, status = CASE WHEN ? THEN 'ERROR' ELSE status END,
                       next_sync_at = ?, updated_at = ?
                 WHERE tenant_id = ? AND professional_id = ?
                """).params(truncate(error), refused, utc(nextSync), utc(now), tenantId, professionalId).update();
    }

    /** Removes the connection, its busy times and its pending event writes; true when there was one. */
    boolean delete(String tenantId, String professionalId) {
        jdbc.sql("DELETE FROM google_busy WHERE tenant_id = ? AND professional_id = ?")
                .params(tenantId, professionalId).update();
        jdbc.sql("DELETE FROM google_event_outbox WHERE tenant_id = ? AND professional_id = ?")
                .params(tenantId, professionalId).update();
        return jdbc.sql("DELETE FROM google_connection WHERE tenant_id = ? AND professional_id = ?")
                .params(tenantId, professionalId).update() > 0;
    }

    static String truncate(String error) {
        return error == null ? null : error.substring(0, Math.min(error.length(), 500));
    }

    private static Stored row(ResultSet rs, int n) throws SQLException {
        return new Stored(rs.getString("tenant_id"), rs.getString("professional_id"), rs.getString("account"),
                rs.getString("calendar_id"), rs.getBytes("refresh_token_enc"), rs.getString("status"),
                rs.getString("sync_token"), instant(rs, "full_synced_at"), instant(rs, "last_synced_at"),
                rs.getString("last_error"), instant(rs, "connected_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
