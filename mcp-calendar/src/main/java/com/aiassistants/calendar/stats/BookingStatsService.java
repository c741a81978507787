package com.aiassistants.calendar.stats;

import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.aiassistants.common.mcp.server.ToolException;
import com.aiassistants.common.scheduling.CalendarTools.BookingStats;
import com.aiassistants.common.scheduling.CalendarTools.BookingStatsInput;
import com.aiassistants.common.scheduling.CalendarTools.DayStats;

/**
 * Per-day booking figures for dashboards ({@code booking_stats}): two grouped queries over the
 * tenant's bookings (by local start day and by local creation day), so callers never read this
 * service's schema.
 */
@Service
public class BookingStatsService {

    static final int MAX_DAYS = 63;

    private final JdbcClient jdbc;

    public BookingStatsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Counts(int scheduled, int noShows, int cancelled) {
    }

    public BookingStats stats(String tenantId, BookingStatsInput in) {
        if (in.fromDate() == null || in.toDate() == null || in.toDate().isBefore(in.fromDate())) {
            throw new ToolException("invalid_request", "from_date and to_date are required, to_date not before from_date");
        }
        if (ChronoUnit.DAYS.between(in.fromDate(), in.toDate()) >= MAX_DAYS) {
            throw new ToolException("invalid_request", "the range may span at most " + MAX_DAYS + " days");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(in.timeZone());
        } catch (DateTimeException | NullPointerException e) {
            throw new ToolException("invalid_request", "time_zone must be an IANA zone id such as America/Argentina/Buenos_Aires");
        }
        Timestamp from = Timestamp.from(in.fromDate().atStartOfDay(zone).toInstant());
        Timestamp to = Timestamp.from(in.toDate().plusDays(1).atStartOfDay(zone).toInstant());
        Map<LocalDate, Counts> byStart = new HashMap<>();
        jdbc.sql("""
                SELECT (starts_at AT TIME ZONE ?)::date AS day,
                       count(*) FILTER (WHERE status IN ('CONFIRMED', 'COMPLETED', 'NO_SHOW')) AS scheduled,
                       count(*) FILTER (WHERE status = 'NO_SHOW') AS no_shows,
                       count(*) FILTER (WHERE status = 'CANCELLED') AS cancelled
                FROM booking WHERE tenant_id = ? AND starts_at >= ? AND starts_at < ? GROUP BY 1""")
                .params(zone.getId(), tenantId, from, to)
                .query((rs, n) -> byStart.put(rs.getObject("day", LocalDate.class),
                        new Counts(rs.getInt("scheduled"), rs.getInt("no_shows"), rs.getInt("cancelled"))))
                .list();
        Map<LocalDate, Integer> made = new HashMap<>();
        jdbc.sql("""
                SELECT (created_at AT TIME ZONE ?)::date AS day, count(*) AS made
                FROM booking WHERE tenant_id = ? AND created_at >= ? AND created_at < ?
                  AND status NOT IN ('HELD', 'EXPIRED') GROUP BY 1""")
                .params(zone.getId(), tenantId, from, to)
                .query((rs, n) -> made.put(rs.getObject("day", LocalDate.class), rs.getInt("made")))
                .list();
        List<DayStats> days = new ArrayList<>();
        for (LocalDate day = in.fromDate(); !day.isAfter(in.toDate()); day = day.plusDays(1)) {
            Counts counts = byStart.getOrDefault(day, new Counts(0, 0, 0));
            days.add(new DayStats(day, counts.scheduled(), made.getOrDefault(day, 0), counts.noShows(), counts.cancelled()));
        }
        return new BookingStats(zone.getId(), days);
    }
}
