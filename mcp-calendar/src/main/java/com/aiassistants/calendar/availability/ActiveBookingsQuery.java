package com.aiassistants.calendar.availability;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.aiassistants.calendar.google.GoogleProperties;

/**
 * The one SQL query of a slot search: blocked ranges [starts_at, blocked_until) of the bookings
 * that hold time (CONFIRMED, and HELD whose hold has not expired yet, swept or not) for a set of
 * professionals in a window, and the busy times read from their Google Calendars ({@code google_busy}, see the
 * {@code google} package). The range predicates match the GiST indexes of both tables.
 */
@Component
public class ActiveBookingsQuery {

    static final String SQL = """
            SELECT professional_id, starts_at, blocked_until
              FROM booking
             WHERE tenant_id = ?
               AND professional_id = ANY (?)
               AND status IN ('HELD', 'CONFIRMED')
               AND tstzrange(starts_at, blocked_until, '[)') && tstzrange(?, ?, '[)')
               AND (status = 'CONFIRMED' OR hold_expires_at > ?)
            """;

    /** The same with the professionals' Google Calendar busy times, when the integration is on. */
    static final String SQL_WITH_GOOGLE = SQL + """
            UNION ALL
            SELECT professional_id, starts_at, ends_at
              FROM google_busy
             WHERE tenant_id = ?
               AND professional_id = ANY (?)
               AND tstzrange(starts_at, ends_at, '[)') && tstzrange(?, ?, '[)')
            """;

    private final JdbcClient jdbc;

    private final boolean google;

    public ActiveBookingsQuery(JdbcClient jdbc, GoogleProperties google) {
        this.jdbc = jdbc;
        this.google = google.enabled();
    }

    public Map<String, List<Instant[]>> blockedRanges(String tenantId, Collection<String> professionalIds, Instant from,
            Instant to, Instant now) {
        Map<String, List<Instant[]>> byProfessional = new HashMap<>();
        String[] ids = professionalIds.toArray(String[]::new);
        (google ? jdbc.sql(SQL_WITH_GOOGLE).params(tenantId, ids, utc(from), utc(to), utc(now), tenantId, ids, utc(from),
                utc(to)) : jdbc.sql(SQL).params(tenantId, ids, utc(from), utc(to), utc(now)))
                .query(rs -> {
                    byProfessional.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Instant[] {
                            rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getObject(3, OffsetDateTime.class).toInstant()});
                });
        return byProfessional;
    }

    /**
     * True when the professional's Google Calendar is busy somewhere in [from, to); always false (no statement) while
     * the integration is off.
     */
    public boolean googleBusy(String tenantId, String professionalId, Instant from, Instant to) {
        if (!google) {
            return false;
        }
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM google_busy WHERE tenant_id = ? AND professional_id = ?
                                 AND tstzrange(starts_at, ends_at, '[)') && tstzrange(?, ?, '[)'))""")
                .params(tenantId, professionalId, utc(from), utc(to)).query(Boolean.class).single();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
