package com.aiassistants.backend.stats;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.aiassistants.backend.mcp.McpClients;
import com.aiassistants.backend.reminder.ReminderRepository;
import com.aiassistants.backend.tenant.Project;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.CalendarTools.BookingList;
import com.aiassistants.common.scheduling.CalendarTools.BookingStats;
import com.aiassistants.common.scheduling.CalendarTools.BookingStatsInput;
import com.aiassistants.common.scheduling.CalendarTools.BookingStatus;
import com.aiassistants.common.scheduling.CalendarTools.DayStats;
import com.aiassistants.common.scheduling.CalendarTools.ListBookingsInput;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The console's dashboard, in the project's time zone: booking figures from mcp-calendar's
 * {@code booking_stats} and {@code list_bookings} tools (never its schema), message and conversation
 * figures from backend-api's own tables (the console's "try it" conversations, ids {@code sandbox:…}, are left out).
 * When mcp-calendar cannot answer, the message figures still
 * come and {@code bookings_available} is false.
 */
@Service
public class DashboardStats {

    static final int DAYS = 30;
    private static final Logger log = LoggerFactory.getLogger(DashboardStats.class);
    private static final List<BookingStatus> ON_THE_AGENDA =
            List.of(BookingStatus.HELD, BookingStatus.CONFIRMED, BookingStatus.COMPLETED, BookingStatus.NO_SHOW);

    private final JdbcClient jdbc;
    private final McpClients mcp;
    private final Clock clock;

    private final ReminderRepository reminderStats;
    private final LinkFigures linkFigures;

    public DashboardStats(JdbcClient jdbc, McpClients mcp, ObjectProvider<Clock> clock, ReminderRepository reminderStats,
            LinkFigures linkFigures) {
        this.linkFigures = linkFigures;
        this.reminderStats = reminderStats;
        this.jdbc = jdbc;
        this.mcp = mcp;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public record AgendaItem(String bookingId, String shortCode, Instant start, Instant end, LocalDateTime localStart,
            @Schema(types = {"string", "null"}) String professionalName,
            @Schema(types = {"string", "null"}) String serviceName,
            @Schema(types = {"string", "null"}) String customerName,
            @Schema(allowableValues = {"HELD", "CONFIRMED", "COMPLETED", "NO_SHOW"}) String status) {
    }

    /** Messages in one hour: {@code inbound} from patients, {@code outbound} from the bot and staff. */
    public record HourCount(Instant hour, long inbound, long outbound) {
    }

    public record DayCount(LocalDate date, long count) {
    }

    /**
     * @param bookingsToday      appointments today (CONFIRMED, COMPLETED, NO_SHOW)
     * @param bookingsWeek       appointments this week, Monday to Sunday
     * @param bookingsMadeToday  bookings confirmed today (by creation day)
     * @param bookingsPerDay     bookings made per day, the last 30 days, today last
     * @param noShows            appointments of the last 30 days marked NO_SHOW
     * @param messagesPerHour    the last 24 hours, the current hour last
     * @param repliesByBot       bot messages, last 30 days
     * @param repliesByStaff     staff messages, last 30 days
     * @param conversations      conversations with a patient message in the last 30 days
     * @param conversationsWithBooking of those, the ones where a booking was made or changed
     * @param reminders          appointment reminders sent in the last 30 days and the patients' answers
     *                           ({@code confirmation_rate} = confirmed / sent)
     * @param links              activation links opened in the last 30 days, per code, and the bookings that followed
     */
    public record Dashboard(String timeZone, LocalDate date, boolean bookingsAvailable, List<AgendaItem> todayAgenda,
            long bookingsToday, long bookingsWeek, long bookingsMadeToday, List<DayCount> bookingsPerDay, long noShows,
            List<HourCount> messagesPerHour, long repliesByBot, long repliesByStaff, long conversations,
            long conversationsWithBooking, ReminderRepository.ReminderStats reminders, LinkFigures.LinkConversions links) {
    }

    public Dashboard dashboard(Project project) {
        ZoneId zone = project.zone();
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate first = today.minusDays(DAYS - 1);
        Instant since = first.atStartOfDay(zone).toInstant();

        List<HourCount> perHour = messagesPerHour(project.id(), now);
        Map<String, Long> replies = new HashMap<>();
        jdbc.sql("select role, count(*) as n from message where project_id = ? and created_at >= ? and conversation_id not like 'sandbox:%' and role in ('assistant', 'staff') group by role")
                .params(project.id(), Timestamp.from(since))
                .query((rs, n) -> replies.put(rs.getString("role"), rs.getLong("n"))).list();
        long[] conversations = jdbc.sql("""
                select count(distinct conversation_id) filter (where role = 'user') as talked,
                       count(distinct conversation_id) filter (where kind = 'booking') as booked
                from message where project_id = ? and created_at >= ? and conversation_id not like 'sandbox:%'""")
                .params(project.id(), Timestamp.from(since))
                .query((rs, n) -> new long[] {rs.getLong("talked"), rs.getLong("booked")}).single();

        BookingFigures bookings = bookings(project.id(), zone, today, first);
        return new Dashboard(zone.getId(), today, bookings.available(), bookings.agenda(), bookings.today(),
                bookings.week(), bookings.madeToday(), bookings.perDay(), bookings.noShows(), perHour,
                replies.getOrDefault("assistant", 0L), replies.getOrDefault("staff", 0L), conversations[0],
                Math.min(conversations[0], conversations[1]), reminderStats.stats(project.id(), now, DAYS),
                linkFigures.links(project.id(), since, now.plusSeconds(1)));
    }

    private List<HourCount> messagesPerHour(String projectId, Instant now) {
        Instant currentHour = now.truncatedTo(ChronoUnit.HOURS);
        Instant firstHour = currentHour.minus(23, ChronoUnit.HOURS);
        Map<Instant, HourCount> byHour = new HashMap<>();
        jdbc.sql("""
                select date_trunc('hour', created_at) as hour,
                       count(*) filter (where role = 'user') as inbound,
                       count(*) filter (where role in ('assistant', 'staff')) as outbound
                from message where project_id = ? and created_at >= ? and conversation_id not like 'sandbox:%' group by 1""")
                .params(projectId, Timestamp.from(firstHour))
                .query((rs, n) -> {
                    Instant hour = rs.getTimestamp("hour").toInstant();
                    return byHour.put(hour, new HourCount(hour, rs.getLong("inbound"), rs.getLong("outbound")));
                })
                .list();
        List<HourCount> hours = new ArrayList<>();
        for (Instant hour = firstHour; !hour.isAfter(currentHour); hour = hour.plus(1, ChronoUnit.HOURS)) {
            hours.add(byHour.getOrDefault(hour, new HourCount(hour, 0, 0)));
        }
        return hours;
    }

    private record BookingFigures(boolean available, List<AgendaItem> agenda, long today, long week, long madeToday,
            List<DayCount> perDay, long noShows) {
    }

    private BookingFigures bookings(String projectId, ZoneId zone, LocalDate today, LocalDate first) {
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate sunday = monday.plusDays(6);
        try {
            BookingStats stats = mcp.calendar().call(projectId, CalendarTools.BOOKING_STATS,
                    new BookingStatsInput(first, sunday, zone.getId()), BookingStats.class);
            Instant dayStart = today.atStartOfDay(zone).toInstant();
            Instant dayEnd = today.plusDays(1).atStartOfDay(zone).toInstant();
            BookingList agenda = mcp.calendar().call(projectId, CalendarTools.LIST_BOOKINGS,
                    new ListBookingsInput(dayStart, dayEnd, null, ON_THE_AGENDA), BookingList.class);
            long todayCount = 0;
            long week = 0;
            long madeToday = 0;
            long noShows = 0;
            List<DayCount> perDay = new ArrayList<>();
            for (DayStats day : stats.days()) {
                boolean inWindow = !day.date().isBefore(first) && !day.date().isAfter(today);
                if (day.date().equals(today)) {
                    todayCount = day.scheduled();
                    madeToday = day.made();
                }
                if (!day.date().isBefore(monday) && !day.date().isAfter(sunday)) {
                    week += day.scheduled();
                }
                if (inWindow) {
                    perDay.add(new DayCount(day.date(), day.made()));
                    noShows += day.noShows();
                }
            }
            List<AgendaItem> items = agenda.bookings().stream()
                    .map(b -> new AgendaItem(b.id(), b.shortCode(), b.start(), b.end(), b.localStart(),
                            b.professionalName(), b.serviceName(), b.customerName(), b.status().name()))
                    .toList();
            return new BookingFigures(true, items, todayCount, week, madeToday, perDay, noShows);
        } catch (RuntimeException e) {
            log.warn("dashboard without booking figures: mcp-calendar did not answer ({})", e.getMessage());
            List<DayCount> zeros = new ArrayList<>();
            for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
                zeros.add(new DayCount(day, 0));
            }
            return new BookingFigures(false, List.of(), 0, 0, 0, zeros, 0);
        }
    }
}
