package com.aiassistants.calendar.support;

import static com.aiassistants.calendar.support.FakeProfessionals.every;
import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.aiassistants.common.mcp.client.McpTarget;
import com.aiassistants.common.mcp.client.McpToolClient;
import com.aiassistants.common.scheduling.CalendarTools.HoldSlotInput;
import com.aiassistants.common.testsupport.PostgresTestProperties;

/**
 * One shared Spring context for every integration test: real PostgreSQL, mcp-calendar on a random
 * port, and fake mcp-professionals / mcp-booking-log MCP servers in the same JVM. Tests isolate
 * themselves with fresh tenant ids.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ai-assistants.mcp.server.service-token=" + CalendarIntegrationTest.TOKEN,
        "ai-assistants.calendar.sweeper-interval=1h",
        "ai-assistants.calendar.directory-cache-ttl=5s",
        "ai-assistants.calendar.professionals.timeout=10s",
        "ai-assistants.calendar.professionals.retries=1",
        "ai-assistants.calendar.booking-log.timeout=2s",
        "ai-assistants.calendar.booking-log.poll-interval=100ms",
        "ai-assistants.calendar.booking-log.retry-initial=200ms",
        "ai-assistants.calendar.booking-log.retry-max=800ms",
        "ai-assistants.calendar.google.client-id=" + FakeGoogle.CLIENT_ID,
        "ai-assistants.calendar.google.client-secret=" + FakeGoogle.CLIENT_SECRET,
        "ai-assistants.calendar.google.token-key=" + FakeGoogle.TOKEN_KEY,
        "ai-assistants.calendar.google.redirect-uri=" + FakeGoogle.REDIRECT_URI,
        "ai-assistants.calendar.google.retries=0",
        "ai-assistants.calendar.google.timeout=2s",
        "ai-assistants.calendar.google.sync-interval=1h",
        "ai-assistants.calendar.google.poll-interval=300ms",
        "ai-assistants.calendar.google.retry-initial=100ms",
        "ai-assistants.calendar.google.retry-max=400ms"})
@Import(CalendarIntegrationTest.ClockConfig.class)
public abstract class CalendarIntegrationTest {

    public static final String TOKEN = "calendar-test-token-0123456789";
    /** A Monday morning, UTC. */
    public static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    public static final String BA = "America/Argentina/Buenos_Aires";

    protected static final FakeProfessionals DIRECTORY = new FakeProfessionals();
    protected static final FakeBookingLog BOOKING_LOG = new FakeBookingLog();
    protected static final FakeGoogle GOOGLE = FakeGoogle.start();
    protected static final FakeMcpServer PROFESSIONALS_SERVER = FakeMcpServer.start("mcp-professionals",
            DIRECTORY.tools());
    protected static final FakeMcpServer BOOKING_LOG_SERVER = FakeMcpServer.start("mcp-booking-log",
            BOOKING_LOG.tools());

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PostgresTestProperties.register(registry, "calendar");
        registry.add("ai-assistants.calendar.professionals.url", () -> PROFESSIONALS_SERVER.url().toString());
        registry.add("ai-assistants.calendar.professionals.token", () -> FakeMcpServer.TOKEN);
        registry.add("ai-assistants.calendar.booking-log.url", () -> BOOKING_LOG_SERVER.url().toString());
        registry.add("ai-assistants.calendar.booking-log.token", () -> FakeMcpServer.TOKEN);
        registry.add("ai-assistants.calendar.google.auth-uri", () -> GOOGLE.url() + "/o/oauth2/v2/auth");
        registry.add("ai-assistants.calendar.google.token-uri", () -> GOOGLE.url() + "/token");
        registry.add("ai-assistants.calendar.google.revoke-uri", () -> GOOGLE.url() + "/revoke");
        registry.add("ai-assistants.calendar.google.api-url", () -> GOOGLE.url() + "/calendar/v3");
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class ClockConfig {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }

        @Bean
        static StatementCounter statementCounter() {
            return new StatementCounter();
        }
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected TestClock clock;

    @Autowired
    protected JdbcTemplate jdbc;

    protected McpToolClient calendar;

    @BeforeEach
    void setUpClockAndClient() {
        clock.setNow(NOW);
        calendar = new McpToolClient("mcp-calendar", new McpTarget(URI.create("http://localhost:" + port), TOKEN,
                Duration.ofSeconds(60), 0), "test", null);
    }

    @AfterEach
    void closeClient() {
        calendar.close();
        if (!BOOKING_LOG_SERVER.running()) {
            BOOKING_LOG_SERVER.start();
        }
    }

    /**
     * Until a backend of this database waits for a lock of PostgreSQL's kind {@code waitEvent} ({@code transactionid},
     * {@code advisory} …; any kind when null); fails with {@code what} after {@code seconds}.
     */
    protected void awaitBackendWaitingForLock(String waitEvent, int seconds, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (jdbc.queryForObject("select count(*) from pg_stat_activity where datname = current_database() "
                + "and wait_event_type = 'Lock' and wait_event like ?", Integer.class, waitEvent == null ? "%" : waitEvent)
                == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what);
            }
            Thread.sleep(20);
        }
    }

    protected static String newTenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * A tenant in Buenos Aires: service "cut" (30 min), "color" (90 min, 15 min buffer), "long" (3 h),
     * professional "ana" (cut, color, long) Mon–Fri 09:00–13:00 and 14:00–18:00, "beto" (cut) Mon–Sat 10:00–12:00.
     */
    protected static String standardTenant() {
        String tenant = newTenant();
        DIRECTORY.tenant(tenant, BA)
                .service("cut", "Corte", 30, 0)
                .service("color", "Color", 90, 15)
                .service("long", "Tratamiento largo", 180, 0)
                .professional("ana", "Ana", "cut", "color", "long")
                .professional("beto", "Beto", "cut")
                .hours("ana", concat(every("09:00", "13:00", MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY),
                        every("14:00", "18:00", MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY)))
                .hours("beto", every("10:00", "12:00", MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY));
        return tenant;
    }

    protected static Instant local(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of(BA)).toInstant();
    }

    protected static HoldSlotInput hold(String service, String professional, Instant start, String customer) {
        return new HoldSlotInput(service, professional, start, customer, "Cliente " + customer, null, "whatsapp",
                UUID.randomUUID().toString());
    }

    @SafeVarargs
    protected static <T> T[] concat(T[] first, T[]... rest) {
        T[] result = first;
        for (T[] more : rest) {
            T[] joined = java.util.Arrays.copyOf(result, result.length + more.length);
            System.arraycopy(more, 0, joined, result.length, more.length);
            result = joined;
        }
        return result;
    }

}
