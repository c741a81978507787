package com.aiassistants.backend.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.aiassistants.backend.BackendApplication;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.CalendarTools.Booking;
import com.aiassistants.common.scheduling.CalendarTools.Slot;
import com.aiassistants.common.scheduling.ProfessionalsTools;
import com.aiassistants.common.testsupport.LocalMcpClient;
import com.aiassistants.common.testsupport.ServiceProcess;
import com.aiassistants.common.testsupport.SettableClock;
import com.aiassistants.common.testsupport.TestPostgres;
import com.aiassistants.common.testsupport.TestRedis;
import com.sun.net.httpserver.HttpServer;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two backend-api instances (two Spring contexts in this JVM) on one PostgreSQL database and one Redis, both running
 * the reminder planner and sender on their own schedules (plan every second, poll every 100 ms, one row per claim),
 * against the real mcp-professionals and mcp-calendar (exec jars, demo clinic) and a fake gateway that records every
 * {@code POST /admin/messages} and which instance made it (each instance has its own gateway admin token). The
 * instances share a clock the test moves (the booking is real, days ahead; the clock jumps to when it is due).
 */
class ReminderTwoInstancesTest {

    static final String TOKEN = "reminders-two-instances-token-0123";
    static final ZoneId ZONE = ZoneId.of("America/Argentina/Buenos_Aires");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final SettableClock NOW = new SettableClock(Instant.now());
    static final FakeGateway GATEWAY = new FakeGateway();

    static ServiceProcess professionals;
    static ServiceProcess calendarProcess;
    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;
    static JdbcClient jdbc;

    /**
     * Both instances read this clock (it starts at the real time). Each context must be given it: a context left on
     * the system clock sees nothing due when the test moves time, and sends nothing.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class SharedClock {
        @Bean
        Clock clock() {
            return NOW;
        }
    }

    @BeforeAll
    static void start() {
        TestPostgres.Database db = TestPostgres.createDatabase("reminders_two");
        Map<String, String> env = Map.of("AI_ASSISTANTS_MCP_TOKEN", TOKEN, "AI_ASSISTANTS_PROFESSIONALS_DEMO_TENANT", "demo",
                "AI_ASSISTANTS_MCP_BOOKING_LOG_URL", "http://127.0.0.1:9");
        List<String> small = List.of("--spring.datasource.hikari.maximum-pool-size=3");
        professionals = ServiceProcess.start("mcp-professionals", db, env, small);
        Map<String, String> calendarEnv = new HashMap<>(env);
        calendarEnv.put("AI_ASSISTANTS_MCP_PROFESSIONALS_URL", professionals.baseUrl().toString());
        calendarProcess = ServiceProcess.start("mcp-calendar", db, calendarEnv, small);
        String redis = TestRedis.url().orElse("");
        a = backend(db, redis, "a");
        b = backend(db, redis, "b");
        jdbc = a.getBean(JdbcClient.class);
    }

    /** One backend-api instance; its gateway admin token names it, so the fake gateway knows who sent what. */
    static ConfigurableApplicationContext backend(TestPostgres.Database db, String redis, String name) {
        return new SpringApplicationBuilder(BackendApplication.class, SharedClock.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + (db.password() == null ? "" : db.password()),
                "--spring.datasource.hikari.maximum-pool-size=5",
                "--spring.data.redis.url=" + redis,
                "--ai-assistants.backend.demo.enabled=true",
                "--ai-assistants.backend.jobs.enabled=false",
                "--ai-assistants.backend.agent.enabled=false",
                "--ai-assistants.backend.reminders.enabled=true",
                "--ai-assistants.backend.reminders.plan-interval=1s",
                "--ai-assistants.backend.reminders.poll-interval=100ms",
                "--ai-assistants.backend.reminders.batch-size=1",
                "--ai-assistants.backend.gateway.url=" + GATEWAY.url(),
                "--ai-assistants.backend.gateway.admin-token=instance-" + name,
                // the fake gateway holds some answers on purpose (below); the client must outwait it
                "--ai-assistants.backend.gateway.timeout=60s",
                "--ai-assistants.backend.simulator.gateway-tenants.demo=default",
                "--ai-assistants.backend.mcp.professionals.url=" + professionals.baseUrl(),
                "--ai-assistants.backend.mcp.professionals.token=" + TOKEN,
                "--ai-assistants.backend.mcp.calendar.url=" + calendarProcess.baseUrl(),
                "--ai-assistants.backend.mcp.calendar.token=" + TOKEN);
    }

    @AfterAll
    static void stop() {
        GATEWAY.releaseAll();
        for (AutoCloseable c : new AutoCloseable[] {b, a, calendarProcess, professionals, GATEWAY}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // best effort
            }
        }
    }

    /**
     * Both schedulers run all the time: each test starts a month back, so the bookings it makes are neither planned
     * nor due until it moves the clock (a clock left late by the test before would send them at once).
     */
    @BeforeEach
    void monthBack() {
        NOW.set(Instant.now().minus(Duration.ofDays(30)));
    }

    @Test
    void eachReminderReachesTheGatewayOnceWhileBothInstancesSend() {
        List<Booking> bookings = bookOneDay(6);
        Instant first = bookings.stream().map(Booking::start).min(Instant::compareTo).orElseThrow();
        Instant last = bookings.stream().map(Booking::start).max(Instant::compareTo).orElseThrow();
        // the planner's window (longest lead time 1 day + horizon 1 day) covers them all; none is due yet
        NOW.set(first.minus(Duration.ofDays(1)).minus(Duration.ofHours(1)));
        await("every booking planned by one of the two schedulers", () -> rows(bookings).size() == bookings.size());
        assertThat(GATEWAY.to(customers(bookings))).as("nothing due yet").isEmpty();

        // the first message is held at the gateway until the other instance sends one too: an instance sends its
        // claim (one row) on its scheduler thread, so the second request can only come from the other instance
        GATEWAY.holdFirstUntilBothInstancesSent();
        NOW.set(last.minus(Duration.ofDays(1)).plusSeconds(30));
        await("every reminder sent", () -> rows(bookings).stream().allMatch(r -> "sent".equals(r.get("status"))));

        List<FakeGateway.Sent> sent = GATEWAY.to(customers(bookings));
        for (Booking booking : bookings) {
            assertThat(sent).as("one message for %s", booking.customerId())
                    .filteredOn(s -> s.to().equals(booking.customerId())).hasSize(1);
        }
        List<Map<String, Object>> rows = rows(bookings);
        assertThat(sent).extracting(FakeGateway.Sent::key).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(rows.stream().map(r -> (UUID) r.get("id")).toList());
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("status")).isEqualTo("sent");
            assertThat(r.get("attempts")).as("claimed once").isEqualTo(1);
        });
        assertThat(sent).extracting(FakeGateway.Sent::instance).as("both instances sent some")
                .contains("instance-a", "instance-b");
        assertThat(rows).extracting(r -> r.get("claimed_by")).as("rows marked by both instances' senders")
                .contains(owner(a), owner(b));
        for (Booking booking : bookings) {
            assertThat(assistantMessages(booking.customerId())).as("the reminder is written into the chat once").isEqualTo(1);
        }
    }

    @Test
    void anInstanceThatLosesItsClaimAfterTheGatewayTookTheMessageDoesNotMarkItAgainAndTheRetryKeepsTheKey()
            throws Exception {
        Booking booking = bookOneDay(1).getFirst();
        NOW.set(booking.start().minus(Duration.ofDays(1)).minus(Duration.ofHours(1)));
        await("planned", () -> rows(List.of(booking)).size() == 1);
        UUID key = (UUID) rows(List.of(booking)).getFirst().get("id");
        CountDownLatch answer = GATEWAY.holdFirstRequestWithKey(key);

        NOW.set(booking.start().minus(Duration.ofDays(1)).plusSeconds(30));
        await("the first instance's request reached the gateway", () -> GATEWAY.withKey(key).size() == 1);
        FakeGateway.Sent firstSend = GATEWAY.withKey(key).getFirst();
        ConfigurableApplicationContext stuck = firstSend.instance().equals("instance-a") ? a : b;
        ConfigurableApplicationContext other = stuck == a ? b : a;
        assertThat(row(key).get("claimed_by")).isEqualTo(owner(stuck));
        assertThat(row(key).get("status")).isEqualTo("sending");

        // the gateway queued it but its answer never came back (a crash, or a pause longer than the lease): once the
        // lease is over the other instance claims the row and sends again, with the same idempotency key
        NOW.set(NOW.get().plus(a.getBean(ReminderProperties.class).lease()).plusSeconds(1));
        await("the other instance sent it and marked it", () -> "sent".equals(row(key).get("status")));
        List<FakeGateway.Sent> sends = GATEWAY.withKey(key);
        assertThat(sends).hasSize(2);
        assertThat(sends.get(1).instance()).isNotEqualTo(firstSend.instance());
        assertThat(sends).extracting(FakeGateway.Sent::key).as("the reminder row's id both times: the gateway's outbox "
                + "queues one message per idempotency key (whatsapp-gateway CloudProviderTest)").containsOnly(key);
        assertThat(sends.get(1).body()).isEqualTo(firstSend.body());
        assertThat(row(key)).containsEntry("claimed_by", owner(other)).containsEntry("attempts", 2);

        // the first instance finally gets its answer: its claim is gone, so it neither marks the row nor writes the
        // reminder into the chat a second time
        double callsBefore = gatewayCalls(stuck);
        double sentBefore = sentCount(stuck);
        answer.countDown();
        await("the stuck instance got the gateway's answer", () -> gatewayCalls(stuck) > callsBefore);
        Thread.sleep(500); // it marks right after the answer; give its thread the moment to do so (nothing may change)
        assertThat(row(key)).containsEntry("status", "sent").containsEntry("claimed_by", owner(other));
        assertThat(assistantMessages(booking.customerId())).isEqualTo(1);
        assertThat(sentCount(stuck)).as("not counted as sent by the stuck instance").isEqualTo(sentBefore);
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    static double sentCount(ConfigurableApplicationContext context) {
        return context.getBean(MeterRegistry.class).find("reminders.sent").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    static String owner(ConfigurableApplicationContext context) {
        return context.getBean(ReminderSender.class).owner();
    }

    static double gatewayCalls(ConfigurableApplicationContext context) {
        return context.getBean(MeterRegistry.class).find("backend.gateway.calls").timers().stream()
                .mapToDouble(t -> t.count()).sum();
    }

    /** Confirmed bookings of distinct new patients, on the first day with enough free slots two or more days ahead. */
    List<Booking> bookOneDay(int count) {
        try (LocalMcpClient prof = new LocalMcpClient("mcp-professionals", professionals.port(), TOKEN);
                LocalMcpClient calendar = new LocalMcpClient("mcp-calendar", calendarProcess.port(), TOKEN)) {
            String service = prof.call("demo", ProfessionalsTools.LIST_SERVICES, new ProfessionalsTools.ListServicesInput(null, null),
                    ProfessionalsTools.ServiceList.class).services().getFirst().id();
            LocalDate from = LocalDate.now(ZONE).plusDays(2);
            List<Slot> slots = calendar.call("demo", CalendarTools.FIND_AVAILABLE_SLOTS, new CalendarTools.FindAvailableSlotsInput(
                    service, null, from, from.plusDays(20), LocalTime.of(10, 0), LocalTime.of(17, 0), 500),
                    CalendarTools.SlotList.class).slots();
            Map<LocalDate, List<Slot>> byDay = slots.stream().collect(Collectors.groupingBy(
                    s -> s.start().atZone(ZONE).toLocalDate(), java.util.TreeMap::new, Collectors.toList()));
            List<Slot> day = byDay.values().stream().filter(l -> l.size() >= count).findFirst().orElseThrow();
            List<Slot> chosen = new ArrayList<>(day);
            Collections.shuffle(chosen);
            List<Booking> booked = new ArrayList<>();
            for (Slot slot : chosen.subList(0, count)) {
                String customer = "+54911" + (10_000_000 + (int) (Math.random() * 89_999_999));
                Booking held = calendar.call("demo", CalendarTools.HOLD_SLOT, new CalendarTools.HoldSlotInput(service,
                        slot.professionalId(), slot.start(), customer, "Ana", null, "whatsapp", UUID.randomUUID().toString()),
                        Booking.class);
                booked.add(calendar.call("demo", CalendarTools.CONFIRM_BOOKING,
                        new CalendarTools.ConfirmBookingInput(held.id(), null), Booking.class));
            }
            return booked;
        }
    }

    static Set<String> customers(List<Booking> bookings) {
        return bookings.stream().map(Booking::customerId).collect(Collectors.toSet());
    }

    static List<Map<String, Object>> rows(List<Booking> bookings) {
        return jdbc.sql("select id, booking_id, status, attempts, claimed_by from reminder where project_id = 'demo'"
                        + " and kind = 'reminder' and booking_id = any(?)")
                .param(bookings.stream().map(Booking::id).toArray(String[]::new)).query().listOfRows();
    }

    static Map<String, Object> row(UUID id) {
        return jdbc.sql("select id, status, attempts, claimed_by from reminder where id = ?").param(id).query()
                .singleRow();
    }

    static long assistantMessages(String customer) {
        return jdbc.sql("select count(*) from message where project_id = 'demo' and conversation_id = ? and role = 'assistant'")
                .param("whatsapp:" + customer).query(Long.class).single();
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 60 s: " + what + "; gateway got " + GATEWAY.sent);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /**
     * The gateway's {@code POST /admin/messages} as a real HTTP server: records each request (which instance sent it,
     * by its admin token; the idempotency key; the number) and answers 202 {@code {outbox_id, status}}, the same
     * outbox id for the same key, as the real gateway does. It can hold answers back to force interleavings.
     */
    static final class FakeGateway implements AutoCloseable {

        record Sent(String instance, UUID key, String to, JsonNode body) {
        }

        final List<Sent> sent = new CopyOnWriteArrayList<>();
        private final Map<UUID, Long> outboxIds = new ConcurrentHashMap<>();
        private final AtomicLong nextId = new AtomicLong(1);
        private final HttpServer server;
        private volatile CountDownLatch bothSent = new CountDownLatch(0);
        private volatile Set<String> instancesSinceHold = ConcurrentHashMap.newKeySet();
        private volatile UUID holdKey;
        private final AtomicBoolean keyHeld = new AtomicBoolean();
        private volatile CountDownLatch keyAnswer = new CountDownLatch(0);

        FakeGateway() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/admin/messages", exchange -> {
                JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
                String auth = exchange.getRequestHeaders().getFirst("Authorization");
                String instance = auth == null ? "?" : auth.replaceFirst("^Bearer ", "");
                UUID key = body.path("idempotency_key").isString() ? UUID.fromString(body.path("idempotency_key").asString()) : null;
                Sent s = new Sent(instance, key, body.path("to").asString(), body);
                sent.add(s);
                instancesSinceHold.add(instance);
                try {
                    if (instancesSinceHold.size() > 1) {
                        bothSent.countDown();
                    }
                    if (bothSent.getCount() > 0) {
                        bothSent.await(30, TimeUnit.SECONDS);
                    }
                    if (key != null && key.equals(holdKey) && keyHeld.compareAndSet(false, true)) {
                        keyAnswer.await(60, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                long id = key == null ? nextId.getAndIncrement() : outboxIds.computeIfAbsent(key, k -> nextId.getAndIncrement());
                byte[] answer = ("{\"outbox_id\":" + id + ",\"status\":\"pending\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(202, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        /** The next requests wait (at most 30 s) until requests from two different instances have arrived. */
        void holdFirstUntilBothInstancesSent() {
            instancesSinceHold = ConcurrentHashMap.newKeySet();
            bothSent = new CountDownLatch(1);
        }

        /** The first request with this key is answered only when the returned latch is counted down. */
        CountDownLatch holdFirstRequestWithKey(UUID key) {
            keyAnswer = new CountDownLatch(1);
            keyHeld.set(false);
            holdKey = key;
            return keyAnswer;
        }

        void releaseAll() {
            bothSent.countDown();
            keyAnswer.countDown();
        }

        List<Sent> to(Set<String> numbers) {
            return sent.stream().filter(s -> numbers.contains(s.to())).toList();
        }

        List<Sent> withKey(UUID key) {
            return sent.stream().filter(s -> key.equals(s.key())).toList();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
