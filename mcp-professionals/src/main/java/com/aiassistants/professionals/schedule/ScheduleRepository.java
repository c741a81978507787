package com.aiassistants.professionals.schedule;

import java.sql.Time;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.aiassistants.common.scheduling.ProfessionalsTools.DateOverride;
import com.aiassistants.common.scheduling.ProfessionalsTools.HoursRange;
import com.aiassistants.common.scheduling.ProfessionalsTools.TimeOff;
import com.aiassistants.common.scheduling.ProfessionalsTools.WorkingRange;

/** SQL for weekly working ranges, time off and the tenant's time zone; every statement is scoped by tenant. */
@Repository
public class ScheduleRepository {

    /**
     * Everything slot search needs about one professional in ONE round trip: a 'P' row when the
     * professional exists (carrying the tenant's zone, if set), then 'R' rows (weekly ranges) and
     * 'T' rows (time off overlapping the window), 'O' rows (date overrides on the window's dates)
     * and 'D' rows (their ranges).
     */
    private static final String WORKING_HOURS = """
            select 'P' as kind, (select time_zone from schedule_settings z where z.tenant_id = p.tenant_id) as text1,
                   null::smallint as dow, null::time as t1, null::time as t2,
                   null::timestamptz as i1, null::timestamptz as i2, null::text as text2, null::date as d
            from professionals p where p.tenant_id = :tenant and p.id = :professional
            union all
            select 'R', null, r.day_of_week, r.start_time, r.end_time, null, null, null, null
            from working_ranges r where r.tenant_id = :tenant and r.professional_id = :professional
            union all
            select 'T', o.id, null, null, null, o.start_at, o.end_at, o.reason, null
            from time_off o where o.tenant_id = :tenant and o.professional_id = :professional
                              and o.end_at > :from and o.start_at < :to
            union all
            select 'O', v.reason, null, null, null, null, null, null, v.on_date
            from date_overrides v where v.tenant_id = :tenant and v.professional_id = :professional
                                    and v.on_date between :fromDate and :toDate
            union all
            select 'D', null, null, g.start_time, g.end_time, null, null, null, g.on_date
            from date_override_ranges g where g.tenant_id = :tenant and g.professional_id = :professional
                                          and g.on_date between :fromDate and :toDate
            """;

    private final JdbcClient jdbc;

    public ScheduleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What {@link #WORKING_HOURS} returns, already split; empty when the professional does not exist. */
    public record Snapshot(String timeZone, List<WorkingRange> ranges, List<TimeOff> timeOff,
            List<DateOverride> overrides) {
    }

    /**
     * The professional's schedule with time off overlapping [from, to) and the date overrides on the
     * local dates that window can touch in any zone (the UTC dates one day either side).
     */
    public Optional<Snapshot> workingHours(String tenant, String professionalId, Instant from, Instant to) {
        boolean[] found = {false};
        String[] zone = {null};
        List<WorkingRange> ranges = new ArrayList<>();
        List<TimeOff> timeOff = new ArrayList<>();
        Map<LocalDate, String> overrideReasons = new TreeMap<>();
        Map<LocalDate, List<HoursRange>> overrideRanges = new HashMap<>();
        jdbc.sql(WORKING_HOURS).param("tenant", tenant).param("professional", professionalId)
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .param("fromDate", from.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(1))
                .param("toDate", to.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1))
                .query(rs -> {
                    switch (rs.getString("kind")) {
                        case "P" -> {
                            found[0] = true;
                            zone[0] = rs.getString("text1");
                        }
                        case "R" -> ranges.add(new WorkingRange(DayOfWeek.of(rs.getInt("dow")),
                                rs.getTime("t1").toLocalTime(), rs.getTime("t2").toLocalTime()));
                        case "O" -> overrideReasons.put(rs.getObject("d", LocalDate.class), rs.getString("text1"));
                        case "D" -> overrideRanges.computeIfAbsent(rs.getObject("d", LocalDate.class),
                                k -> new ArrayList<>()).add(new HoursRange(rs.getTime("t1").toLocalTime(),
                                        rs.getTime("t2").toLocalTime()));
                        default -> timeOff.add(new TimeOff(rs.getString("text1"), rs.getTimestamp("i1").toInstant(),
                                rs.getTimestamp("i2").toInstant(), rs.getString("text2")));
                    }
                });
        if (!found[0]) {
            return Optional.empty();
        }
        ranges.sort(WorkingRanges.ORDER);
        timeOff.sort(Comparator.comparing(TimeOff::start).thenComparing(TimeOff::id));
        List<DateOverride> overrides = new ArrayList<>();
        overrideReasons.forEach((date, reason) -> overrides.add(new DateOverride(date,
                overrideRanges.getOrDefault(date, List.of()).stream()
                        .sorted(Comparator.comparing(HoursRange::start)).toList(), reason)));
        return Optional.of(new Snapshot(zone[0], List.copyOf(ranges), List.copyOf(timeOff), List.copyOf(overrides)));
    }

    /** Replaces the override of that date (its ranges too). */
    public void saveOverride(String tenant, String professionalId, DateOverride override) {
        jdbc.sql("""
                insert into date_overrides (tenant_id, professional_id, on_date, reason)
                values (:tenant, :professional, :date, :reason)
                on conflict (tenant_id, professional_id, on_date) do update set reason = excluded.reason""")
                .param("tenant", tenant).param("professional", professionalId).param("date", override.date())
                .param("reason", override.reason()).update();
        jdbc.sql("""
                delete from date_override_ranges
                where tenant_id = :tenant and professional_id = :professional and on_date = :date""")
                .param("tenant", tenant).param("professional", professionalId).param("date", override.date()).update();
        for (HoursRange range : override.ranges()) {
            jdbc.sql("""
                    insert into date_override_ranges (tenant_id, professional_id, on_date, start_time, end_time)
                    values (:tenant, :professional, :date, :start, :end)""")
                    .param("tenant", tenant).param("professional", professionalId).param("date", override.date())
                    .param("start", Time.valueOf(range.start())).param("end", Time.valueOf(range.end())).update();
        }
    }

    /** Deletes the override of that date (its ranges go with it); the removed override, or empty. */
    public Optional<DateOverride> deleteOverride(String tenant, String professionalId, LocalDate date) {
        List<HoursRange> ranges = jdbc.sql("""
                select start_time, end_time from date_override_ranges
                where tenant_id = :tenant and professional_id = :professional and on_date = :date order by start_time""")
                .param("tenant", tenant).param("professional", professionalId).param("date", date)
                .query((rs, n) -> new HoursRange(rs.getTime("start_time").toLocalTime(),
                        rs.getTime("end_time").toLocalTime())).list();
        return jdbc.sql("""
                delete from date_overrides where tenant_id = :tenant and professional_id = :professional and on_date = :date
                returning reason""")
                .param("tenant", tenant).param("professional", professionalId).param("date", date)
                .query((rs, n) -> new DateOverride(date, ranges, rs.getString("reason"))).optional();
    }

    public void replaceRanges(String tenant, String professionalId, List<WorkingRange> ranges) {
        jdbc.sql("delete from working_ranges where tenant_id = :tenant and professional_id = :professional")
                .param("tenant", tenant).param("professional", professionalId).update();
        for (WorkingRange range : ranges) {
            jdbc.sql("""
                    insert into working_ranges (tenant_id, professional_id, day_of_week, start_time, end_time)
                    values (:tenant, :professional, :day, :start, :end)""")
                    .param("tenant", tenant).param("professional", professionalId)
                    .param("day", range.dayOfWeek().getValue())
                    .param("start", Time.valueOf(range.start()))
                    .param("end", Time.valueOf(range.end()))
                    .update();
        }
    }

    public void insertTimeOff(String tenant, String professionalId, TimeOff timeOff) {
        jdbc.sql("""
                insert into time_off (tenant_id, id, professional_id, start_at, end_at, reason)
                values (:tenant, :id, :professional, :start, :end, :reason)""")
                .param("tenant", tenant).param("id", timeOff.id()).param("professional", professionalId)
                .param("start", Timestamp.from(timeOff.start())).param("end", Timestamp.from(timeOff.end()))
                .param("reason", timeOff.reason()).update();
    }

    /** Deletes one time off of the professional; the removed entry, or empty when there was none. */
    public Optional<TimeOff> deleteTimeOff(String tenant, String professionalId, String timeOffId) {
        return jdbc.sql("""
                delete from time_off where tenant_id = :tenant and professional_id = :professional and id = :id
                returning id, start_at, end_at, reason""")
                .param("tenant", tenant).param("professional", professionalId).param("id", timeOffId)
                .query((rs, n) -> new TimeOff(rs.getString("id"), rs.getTimestamp("start_at").toInstant(),
                        rs.getTimestamp("end_at").toInstant(), rs.getString("reason")))
                .optional();
    }

    public Optional<String> timeZone(String tenant) {
        return jdbc.sql("select time_zone from schedule_settings where tenant_id = :tenant").param("tenant", tenant)
                .query(String.class).optional();
    }

    public void saveTimeZone(String tenant, String zone) {
        jdbc.sql("""
                insert into schedule_settings (tenant_id, time_zone) values (:tenant, :zone)
                on conflict (tenant_id) do update set time_zone = excluded.time_zone, updated_at = now()""")
                .param("tenant", tenant).param("zone", zone).update();
    }
}
