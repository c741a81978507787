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

/**
 * The one SQL query of a slot search: blocked ranges [starts_at, blocked_until) of the bookings
 * that hold time (CONFIRMED, and HELD whose hold has not expired yet, swept or not) for a set of
 * professionals in a window. The range predicate matches the exclusion constraint's GiST index.
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

    private final JdbcClient jdbc;

    public ActiveBookingsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, List<Instant[]>> blockedRanges(String tenantId, Collection<String> professionalIds, Instant from,
            Instant to, Instant now) {
        Map<String, List<Instant[]>> byProfessional = new HashMap<>();
        jdbc.sql(SQL)
                .params(tenantId, professionalIds.toArray(String[]::new), utc(from), utc(to), utc(now))
                .query(rs -> {
                    byProfessional.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Instant[] {
                            rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getObject(3, OffsetDateTime.class).toInstant()});
                });
        return byProfessional;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
