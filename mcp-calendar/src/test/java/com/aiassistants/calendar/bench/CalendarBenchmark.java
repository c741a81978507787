package com.aiassistants.calendar.bench;

import static com.aiassistants.calendar.support.FakeProfessionals.every;
import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.aiassistants.calendar.availability.AvailabilityService;
import com.aiassistants.calendar.availability.SlotGrid;
import com.aiassistants.calendar.support.CalendarIntegrationTest;
import com.aiassistants.calendar.support.StatementCounter;
import com.aiassistants.common.mcp.client.McpToolError;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.CalendarTools.Booking;
import com.aiassistants.common.scheduling.CalendarTools.ConfirmBookingInput;
import com.aiassistants.common.scheduling.CalendarTools.FindAvailableSlotsInput;
import com.aiassistants.common.scheduling.CalendarTools.SlotList;
import com.aiassistants.common.scheduling.ProfessionalsTools.WorkingRange;

/**
 * Benchmark, not a test (no assertions on time; not matched by surefire's default includes). Run:
 * {@code mvn -pl mcp-calendar -am verify -Dtest=CalendarBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Prints a Markdown table and writes it to {@code mcp-calendar/target/calendar-benchmark.md}.
 */
class CalendarBenchmark extends CalendarIntegrationTest {

    static final String SEARCH_SQL = """
            SELECT professional_id, starts_at, blocked_until
              FROM booking
             WHERE tenant_id = ?
               AND professional_id = ANY (?)
               AND status IN ('HELD', 'CONFIRMED')
               AND tstzrange(starts_at, blocked_until, '[)') && tstzrange(?, ?, '[)')
               AND (status = 'CONFIRMED' OR hold_expires_at > ?)
            """;

    @Autowired
    AvailabilityService availability;

    final StringBuilder report = new StringBuilder();

    @Test
    void run() throws Exception {
        slotSearch();
        holdAndConfirmThroughput();
        Path out = Path.of("target", "calendar-benchmark.md");
        Files.writeString(out, report.toString());
        System.out.println("\n" + report);
    }

    void slotSearch() {
        String tenant = newTenant();
        WorkingRange[] hours = concat(every("08:00", "13:00", MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY),
                every("14:00", "20:00", MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY));
        DIRECTORY.tenant(tenant, BA).service("cut", "Corte", 30, 0).professional("ana", "Ana", "cut").hours("ana", hours);
        ZoneId zone = ZoneId.of(BA);
        LocalDate from = LocalDate.of(2026, 3, 3);
        LocalDate to = from.plusDays(30);
        List<SlotGrid.Candidate> grid = new ArrayList<>(new SlotGrid(List.of(hours), zone)
                .candidates(from, to, Duration.ofMinutes(30), Duration.ofMinutes(30)));
        Collections.shuffle(grid, new Random(42));
        for (SlotGrid.Candidate c : grid.subList(0, 300)) {
            jdbc.update("""
                    insert into booking (id, tenant_id, short_code, idempotency_key, status, service_id, professional_id,
                        customer_id, starts_at, ends_at, blocked_until, time_zone, created_at, updated_at)
                    values (?, ?, ?, ?, 'CONFIRMED', 'cut', 'ana', ?, ?, ?, ?, ?, now(), now())""",
                    UUID.randomUUID(), tenant, UUID.randomUUID().toString().substring(0, 6).toUpperCase(),
                    UUID.randomUUID().toString(), "c" + c.start(), utc(c.start()), utc(c.end()), utc(c.end()), BA);
        }
        // a busier table around it: other tenants' rows the query must skip
        for (int t = 0; t < 20; t++) {
            String other = newTenant();
            for (SlotGrid.Candidate c : grid.subList(0, 300)) {
                jdbc.update("""
                        insert into booking (id, tenant_id, short_code, idempotency_key, status, service_id,
                            professional_id, customer_id, starts_at, ends_at, blocked_until, time_zone, created_at,
                            updated_at)
                        values (?, ?, ?, ?, 'CONFIRMED', 'cut', 'ana', 'x', ?, ?, ?, ?, now(), now())""",
                        UUID.randomUUID(), other, UUID.randomUUID().toString().substring(0, 6).toUpperCase(),
                        UUID.randomUUID().toString(), utc(c.start()), utc(c.end()), utc(c.end()), BA);
            }
        }
        jdbc.execute("analyze booking");
        var input = new FindAvailableSlotsInput("cut", "ana", from, to, null, null, 500);
        int slots = availability.find(tenant, input).slots().size();
        StatementCounter.reset();
        availability.find(tenant, input);
        int statements = StatementCounter.count();

        Instant windowFrom = from.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant windowTo = to.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
        Runnable floor = () -> jdbc.query(SEARCH_SQL, rs -> {
            rs.getString(1);
            rs.getObject(2, OffsetDateTime.class);
            rs.getObject(3, OffsetDateTime.class);
        }, tenant, new String[] {"ana"}, utc(windowFrom), utc(windowTo), utc(clock.instant()));
        Runnable service = () -> availability.find(tenant, input);
        Runnable overMcp = () -> calendar.call(tenant, CalendarTools.FIND_AVAILABLE_SLOTS, input, SlotList.class);

        double[] floorMs = measure(floor, 300, 2000);
        double[] serviceMs = measure(service, 300, 2000);
        double[] mcpMs = measure(overMcp, 100, 500);
        String plan = String.join("\n    ", jdbc.queryForList("explain (analyze, costs off, timing off) " + SEARCH_SQL
                .replace("?", "%s").formatted("'" + tenant + "'", "ARRAY['ana']", "'" + windowFrom + "'",
                        "'" + windowTo + "'", "'" + clock.instant() + "'"), String.class));

        report.append("### Slot search: 31 days, one professional, 300 bookings (+6,000 rows of other tenants)\n\n")
                .append("Free slots returned: ").append(slots).append("; SQL statements per search: ")
                .append(statements).append("; directory calls per search (warm cache): 0, cold: 3.\n\n")
                .append("| what | mean ms | p50 ms | p99 ms |\n|---|---:|---:|---:|\n")
                .append(row("raw SQL floor (the search's one query, JDBC)", floorMs))
                .append(row("`AvailabilityService.find` (query + slot computation)", serviceMs))
                .append(row("`find_available_slots` over MCP HTTP (SDK client)", mcpMs))
                .append("\nService / floor (p50): ").append(String.format("%.2f", serviceMs[1] / floorMs[1]))
                .append("×\n\nPlan of the query:\n\n    ").append(plan).append("\n\n");
    }

    void holdAndConfirmThroughput() throws Exception {
        String tenant = newTenant();
        int callers = 50;
        int perCaller = 10;
        var directory = DIRECTORY.tenant(tenant, BA).service("cut", "Corte", 30, 0);
        for (int p = 0; p < callers; p++) {
            directory.professional("p" + p, "Pro " + p, "cut").hours("p" + p,
                    every("08:00", "20:00", MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY));
        }
        Instant first = local("2026-03-03T08:00");
        // warm-up: the directory cache and the HTTP connections
        calendar.call(tenant, CalendarTools.HOLD_SLOT, hold("cut", "p0", local("2026-03-04T08:00"), "warm"), Booking.class);
        AtomicInteger failures = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (int p = 0; p < callers; p++) {
                String professional = "p" + p;
                futures.add(executor.submit(() -> {
                    for (int i = 0; i < perCaller; i++) {
                        long t0 = System.nanoTime();
                        try {
                            Booking held = calendar.call(tenant, CalendarTools.HOLD_SLOT, hold("cut", professional,
                                    first.plus(Duration.ofMinutes(30L * i)), professional + "-c" + i), Booking.class, false);
                            calendar.call(tenant, CalendarTools.CONFIRM_BOOKING, new ConfirmBookingInput(held.id(), null),
                                    Booking.class, false);
                        } catch (McpToolError e) {
                            failures.incrementAndGet();
                        }
                        latencies.add(System.nanoTime() - t0);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double[] ms = stats(latencies.stream().mapToLong(Long::longValue).toArray());
        report.append("### hold_slot + confirm_booking over MCP, ").append(callers).append(" concurrent callers\n\n")
                .append("| pairs | failures | seconds | pairs/s | mean ms | p50 ms | p99 ms |\n|---:|---:|---:|---:|---:|---:|---:|\n")
                .append(String.format("| %d | %d | %.2f | %.0f | %.1f | %.1f | %.1f |%n%n", callers * perCaller,
                        failures.get(), seconds, callers * perCaller / seconds, ms[0], ms[1], ms[2]));
    }

    static double[] measure(Runnable action, int warmup, int iterations) {
        for (int i = 0; i < warmup; i++) {
            action.run();
        }
        long[] samples = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            action.run();
            samples[i] = System.nanoTime() - t0;
        }
        return stats(samples);
    }

    static double[] stats(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
        return new double[] {mean, sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6};
    }

    static String row(String what, double[] ms) {
        return String.format("| %s | %.3f | %.3f | %.3f |%n", what, ms[0], ms[1], ms[2]);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
