package com.aiassistants.professionals.schedule;

import java.sql.Time;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.aiassistants.common.scheduling.ProfessionalsTools.TimeOff;
import com.aiassistants.common.scheduling.ProfessionalsTools.WorkingRange;

/** SQL for weekly working ranges, time off and the tenant's time zone; every statement is scoped by tenant. */
@Repository
public class ScheduleRepository {

    /**
     * Everything slot search needs about one professional in ONE round trip: a 'P' row when the
     * professional exists (carrying the tenant's zone, if set), then 'R' rows (weekly ranges) and
     * 'T' rows (time off overlapping the window).
     */
    private static final String WORKING_HOURS = """
            select 'P' as kind, (select time_zone from schedule_settings z where z.tenant_id = p.tenant_id) as text1,
                   null::smallint as dow, null::time as t1, null::time as t2,
                   null::timestamptz as i1, null::timestamptz as i2, null::text as text2
            from professionals p where p.tenant_id = :tenant and p.id = :professional
            union all
            select 'R', null, r.day_of_week, r.start_time, r.end_time, null, null, null
            from working_ranges r where r.tenant_id = :tenant and r.professional_id = :professional
            union all
            select 'T', o.id, null, null, null, o.start_at, o.end_at, o.reason
            from time_off o where o.tenant_id = :tenant and o.professional_id = :professional
                              and o.end_at > :from and o.start_at < :to
            """;

    private final JdbcClient jdbc;

    public ScheduleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What {@link #WORKING_HOURS} returns, already split; empty when the professional does not exist. */
    public record Snapshot(String timeZone, List<WorkingRange> ranges, List<TimeOff> timeOff) {
    }

    public Optional<Snapshot> workingHours(String tenant, String professionalId, Instant from, Instant to) {
        boolean[] found = {false};
        String[] zone = {null};
        List<WorkingRange> ranges = new ArrayList<>();
        List<TimeOff> timeOff = new ArrayList<>();
        jdbc.sql(WORKING_HOURS).param("tenant", tenant).param("professional", professionalId)
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(rs -> {
                    switch (rs.getString("kind")) {
                        case "P" -> {
                            found[0] = true;
                            zone[0] = rs.getString("text1");
                        }
                        case "R" -> ranges.add(new WorkingRange(DayOfWeek.of(rs.getInt("dow")),
                                rs.getTime("t1").toLocalTime(), rs.getTime("t2").toLocalTime()));
                        default -> timeOff.add(new TimeOff(rs.getString("text1"), rs.getTimestamp("i1").toInstant(),
                                rs.getTimestamp("i2").toInstant(), rs.getString("text2")));
                    }
                });
        if (!found[0]) {
            return Optional.empty();
        }
        ranges.sort(WorkingRanges.ORDER);
        timeOff.sort(Comparator.comparing(TimeOff::start).thenComparing(TimeOff::id));
        return Optional.of(new Snapshot(zone[0], List.copyOf(ranges), List.copyOf(timeOff)));
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
