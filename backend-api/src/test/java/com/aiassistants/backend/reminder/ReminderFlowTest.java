package com.aiassistants.backend.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.aiassistants.backend.BackendProperties;
import com.aiassistants.backend.FakeHttpEndpoint;
import com.aiassistants.backend.conversation.TurnService;
import com.aiassistants.backend.handoff.GatewayClient;
import com.aiassistants.backend.mcp.McpClients;
import com.aiassistants.backend.tenant.Projects;
import com.aiassistants.common.channel.HmacSignatures;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.CalendarTools.Attendance;
import com.aiassistants.common.scheduling.CalendarTools.Booking;
import com.aiassistants.common.scheduling.CalendarTools.BookingStatus;
import com.aiassistants.common.scheduling.CalendarTools.Slot;
import com.aiassistants.common.scheduling.CalendarTools.SlotList;
import com.aiassistants.common.scheduling.ProfessionalsTools;
import com.aiassistants.common.testsupport.LocalMcpClient;
import com.aiassistants.common.testsupport.PostgresTestProperties;
import com.aiassistants.common.testsupport.ServiceProcess;
import com.aiassistants.common.testsupport.SettableClock;
import com.aiassistants.common.testsupport.TestPostgres;
import com.aiassistants.common.testsupport.TestRedis;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reminders end to end in backend-api with a clock the test moves: the real mcp-professionals and mcp-calendar
 * (exec jars, demo clinic for project {@code demo}), the real deterministic assistant answering signed gateway
 * webhooks, and a fake gateway admin endpoint recording what would go to WhatsApp. The planner and sender are
 * driven by the test ({@code reminders.enabled=false} stops their schedules).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ai-assistants.backend.demo.enabled=true",
        "ai-assistants.backend.reminders.enabled=false",
        "ai-assistants.backend.jobs.enabled=false",
        "ai-assistants.backend.agent.enabled=false",
        "ai-assistants.backend.limits.per-phone-per-minute=100000",
        "ai-assistants.backend.gateway.admin-token=gateway-admin-token-for-tests",
        "ai-assistants.backend.simulator.gateway-tenants.demo=default",
        "spring.datasource.hikari.maximum-pool-size=6"})
@DirtiesContext
class ReminderFlowTest {

    static final String TOKEN = "reminders-e2e-token-0123456789";
    static final ZoneId ZONE = ZoneId.of("America/Argentina/Buenos_Aires");
    static final FakeHttpEndpoint GATEWAY = new FakeHttpEndpoint();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final SettableClock NOW = new SettableClock(Instant.now());
    static ServiceProcess professionals;
    static ServiceProcess calendarProcess;

    /** The backend's clock: real time until a test moves it. */
    @TestConfiguration(proxyBeanMethods = false)
    static class MovableClock {
        @Bean
        @Primary
        Clock clock() {
            return NOW;
        }
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        PostgresTestProperties.register(registry, "backend");
        registry.add("spring.data.redis.url", () -> TestRedis.url().orElse(""));
        registry.add("ai-assistants.backend.gateway.url", GATEWAY::url);
        TestPostgres.Database db = TestPostgres.createDatabase("reminders_e2e");
        Map<String, String> env = Map.of("AI_ASSISTANTS_MCP_TOKEN", TOKEN, "AI_ASSISTANTS_PROFESSIONALS_DEMO_TENANT", "demo",
                "AI_ASSISTANTS_MCP_BOOKING_LOG_URL", "http://127.0.0.1:9");
        List<String> small = List.of("--spring.datasource.hikari.maximum-pool-size=3");
        professionals = ServiceProcess.start("mcp-professionals", db, env, small);
        Map<String, String> calendarEnv = new java.util.HashMap<>(env);
        calendarEnv.put("AI_ASSISTANTS_MCP_PROFESSIONALS_URL", professionals.baseUrl().toString());
        calendarProcess = ServiceProcess.start("mcp-calendar", db, calendarEnv, small);
        registry.add("ai-assistants.backend.mcp.professionals.url", () -> professionals.baseUrl().toString());
        registry.add("ai-assistants.backend.mcp.calendar.url", () -> calendarProcess.baseUrl().toString());
        registry.add("ai-assistants.backend.mcp.professionals.token", () -> TOKEN);
        registry.add("ai-assistants.backend.mcp.calendar.token", () -> TOKEN);
    }

    @AfterAll
    static void stop() {
        if (calendarProcess != null) {
            calendarProcess.close();
        }
        if (professionals != null) {
            professionals.close();
        }
        GATEWAY.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    ReminderPlanner planner;
    @Autowired
    ReminderSender sender;
    @Autowired
    ReminderRepository reminders;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Projects projects;
    @Autowired
    McpClients mcp;
    @Autowired
    GatewayClient gatewayClient;
    @Autowired
    ReminderMessages messages;
    @Autowired
    TurnService turns;
    @Autowired
    ReminderMetrics metrics;
    @Autowired
    ReminderProperties properties;
    @Autowired
    BackendProperties backendProperties;
    @Autowired
    ObjectProvider<Clock> clock;
    @Autowired
    PatientNotices notices;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    LocalMcpClient calendar;
    String customer;

    @BeforeEach
    void setUp() {
        NOW.set(Instant.now());
        calendar = new LocalMcpClient("mcp-calendar", calendarProcess.port(), TOKEN);
        customer = "+54911" + (10_000_000 + (int) (Math.random() * 89_999_999));
        GATEWAY.clearReceived();
    }

    /** A confirmed booking for the patient, at the first free slot at least two days ahead, at 10:00 or later. */
    Booking book(int daysAhead) {
        try (LocalMcpClient prof = new LocalMcpClient("mcp-professionals", professionals.port(), TOKEN)) {
            String service = prof.call("demo", ProfessionalsTools.LIST_SERVICES, new ProfessionalsTools.ListServicesInput(null, null),
                    ProfessionalsTools.ServiceList.class).services().getFirst().id();
            LocalDate day = LocalDate.now(ZONE).plusDays(daysAhead);
            SlotList slots = calendar.call("demo", CalendarTools.FIND_AVAILABLE_SLOTS, new CalendarTools.FindAvailableSlotsInput(
                    service, null, day, day.plusDays(10), java.time.LocalTime.of(10, 0), java.time.LocalTime.of(17, 0), 50),
                    SlotList.class);
            Slot slot = slots.slots().get((int) (Math.random() * Math.min(50, slots.slots().size())));
            Booking held = calendar.call("demo", CalendarTools.HOLD_SLOT, new CalendarTools.HoldSlotInput(service,
                    slot.professionalId(), slot.start(), customer, "Ana", null, "whatsapp", UUID.randomUUID().toString()),
                    Booking.class);
            return calendar.call("demo", CalendarTools.CONFIRM_BOOKING, new CalendarTools.ConfirmBookingInput(held.id(), null),
                    Booking.class);
        }
    }

    Booking get(String id) {
        return calendar.call("demo", CalendarTools.GET_BOOKING, new CalendarTools.BookingIdInput(id), Booking.class);
    }

    List<FakeHttpEndpoint.Received> sentTo(String phone) {
        return GATEWAY.received().stream().filter(r -> r.path().equals("/admin/messages"))
                .filter(r -> JSON.readTree(r.body()).path("to").asString().equals(phone)).toList();
    }

    /** One signed gateway webhook from the patient (a tap when {@code replyId} is set). */
    JsonNode patientSays(String text, String replyId) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message_id", "wamid." + UUID.randomUUID());
        body.put("from_number", customer);
        body.put("text", text);
        body.put("timestamp_iso", Instant.now().toString());
        if (replyId != null) {
            body.put("reply_id", replyId);
        }
        byte[] raw = JSON.writeValueAsBytes(body);
        String ts = Long.toString(NOW.get().getEpochSecond()); // the backend checks it against its (moved) clock
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/v1/channels/whatsapp/gateway/inbound"))
                .header("Content-Type", "application/json").header("X-API-Key", "demo-local-key-change-me")
                .header("X-Webhook-Timestamp", ts)
                .header("X-Webhook-Signature", HmacSignatures.sign("demo-local-webhook-secret", ts, raw))
                .POST(HttpRequest.BodyPublishers.ofByteArray(raw)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Planning runs while the booking is within the planner's window (its longest lead time + the horizon). */
    void planBefore(Booking b) {
        NOW.set(b.start().minus(Duration.ofDays(1)).minus(Duration.ofHours(1)));
        planner.planAll();
    }

    Instant dueOf(Booking b) {
        return reminders.forBooking("demo", b.id()).stream().filter(r -> r.kind() == Reminder.Kind.REMINDER)
                .map(Reminder::dueAt).findFirst().orElseThrow();
    }

    @Test
    void aBookingGetsOneReminderWhenItFallsDueAndTappingCancelFreesTheSlot() throws Exception {
        Booking booking = book(2);
        // an hour before the planner's window (longest lead time 1 day + horizon 1 day) reaches the booking
        NOW.set(booking.start().minus(Duration.ofDays(2)).minus(Duration.ofHours(1)));
        planner.planAll();
        assertThat(reminders.forBooking("demo", booking.id())).as("too far ahead to plan yet").isEmpty();
        planBefore(booking);
        planner.planAll();
        assertThat(reminders.forBooking("demo", booking.id())).as("planned once, however often planning runs")
                .extracting(Reminder::leadMinutes).containsExactly(1440);
        Instant due = dueOf(booking);
        assertThat(due).isEqualTo(booking.start().minus(Duration.ofDays(1)));

        sender.sendDue();
        assertThat(sentTo(customer)).as("not due yet").isEmpty();

        NOW.set(due.plusSeconds(30));
        // two instances poll at the same moment: one of them sends it
        ReminderSender other = new ReminderSender(reminders, projects, mcp, gatewayClient, messages, turns, metrics,
                properties, backendProperties, clock, transactions);
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(sender::sendDue);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(other::sendDue);
        a.join();
        b.join();
        sender.sendDue();
        NOW.set(due.plus(Duration.ofHours(2)));
        sender.sendDue();
        List<FakeHttpEndpoint.Received> sent = sentTo(customer);
        assertThat(sent).hasSize(1);
        FakeHttpEndpoint.Received request = sent.getFirst();
        assertThat(request.header("Authorization")).isEqualTo("Bearer gateway-admin-token-for-tests");
        JsonNode message = JSON.readTree(request.body());
        assertThat(message.path("tenant_id").asString()).isEqualTo("default");
        assertThat(message.path("text").asString()).startsWith("Recordatorio: tenés turno de " + booking.serviceName())
                .contains(booking.professionalName(), String.format("%02d:%02d", booking.localStart().getHour(),
                        booking.localStart().getMinute()));
        assertThat(message.path("buttons")).extracting(n -> n.path("id").asString()).containsExactly(
                "reminder:confirm:" + booking.id(), "reminder:cancel:" + booking.id(), "reminder:reschedule:" + booking.id());
        assertThat(message.path("template").path("name").asString()).isEqualTo("appointment_reminder");
        assertThat(message.path("template").path("parameters").size()).isEqualTo(4);
        assertThat(message.path("template").path("button_payloads").path(1).asString())
                .isEqualTo("reminder:cancel:" + booking.id());
        UUID key = UUID.fromString(message.path("idempotency_key").asString());
        assertThat(reminders.find(key)).get().extracting(Reminder::status).isEqualTo("sent");
        // the reminder is in the patient's conversation
        assertThat(jdbc.sql("select count(*) from message where project_id = 'demo' and conversation_id = ? and role = 'assistant'")
                .param("whatsapp:" + customer).query(Long.class).single()).isEqualTo(1);

        JsonNode reply = patientSays("Cancelar turno", "reminder:cancel:" + booking.id());
        assertThat(reply.path("response_text").asString()).contains("cancelé tu turno");
        Booking cancelled = get(booking.id());
        assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(cancelled.attendance()).isEqualTo(Attendance.CANCELLED);
        assertThat(reminders.find(key)).get().extracting(Reminder::outcome).isEqualTo("cancelled");
        // the slot is free again
        SlotList free = calendar.call("demo", CalendarTools.FIND_AVAILABLE_SLOTS, new CalendarTools.FindAvailableSlotsInput(
                booking.serviceId(), booking.professionalId(), booking.localStart().toLocalDate(), null, null, null, 500),
                SlotList.class);
        assertThat(free.slots()).extracting(Slot::start).contains(booking.start());
    }

    @Test
    void tappingRescheduleMovesTheSameBookingAndTheNewTimeGetsItsOwnReminder() throws Exception {
        Booking booking = book(3);
        planBefore(booking);
        NOW.set(dueOf(booking).plusSeconds(5));
        sender.sendDue();
        assertThat(sentTo(customer)).hasSize(1);

        JsonNode asked = patientSays("Cambiar horario", "reminder:reschedule:" + booking.id());
        assertThat(asked.path("response_text").asString()).contains("¿Para qué día querés pasar tu turno");
        LocalDate target = booking.localStart().toLocalDate().plusDays(1);
        JsonNode offered = patientSays("el " + target.getDayOfMonth() + "/" + target.getMonthValue(), null);
        assertThat(offered.path("interactive_type").isMissingNode()).as(offered.toString()).isFalse();
        String firstOption = offered.path("interactive_type").asString().equals("list")
                ? offered.path("list_items").path(0).path("id").asString() : offered.path("buttons").path(0).path("id").asString();
        JsonNode proposed = patientSays("1", firstOption);
        JsonNode done = proposed.path("response_text").asString().contains("¿Paso tu turno")
                ? patientSays("Sí", "confirm:yes") : proposed;
        assertThat(done.path("response_text").asString()).as(done.toString()).contains("quedó para el");
        Booking moved = get(booking.id());
        assertThat(moved.id()).isEqualTo(booking.id());
        assertThat(moved.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(moved.start()).isNotEqualTo(booking.start());
        assertThat(reminders.forBooking("demo", booking.id())).filteredOn(r -> "sent".equals(r.status()))
                .extracting(Reminder::outcome).containsExactly("rescheduled");

        planBefore(moved);
        assertThat(reminders.forBooking("demo", booking.id())).filteredOn(r -> r.startsAt().equals(moved.start()))
                .extracting(Reminder::status).containsExactly("pending");
    }

    @Test
    void anInstanceKilledBetweenClaimingAndSendingLeavesItToAnotherWithTheSameIdempotencyKey() {
        Booking booking = book(2);
        planBefore(booking);
        Instant due = dueOf(booking);
        NOW.set(due.plusSeconds(1));
        // the crashed instance claimed it (and may or may not have reached the gateway) and never finished
        List<Reminder> claimed = reminders.claimDue("crashed-instance", NOW.get(), NOW.get().plus(properties.lease()), 100);
        Reminder mine = claimed.stream().filter(r -> r.bookingId().equals(booking.id())).findFirst().orElseThrow();
        sender.sendDue();
        assertThat(sentTo(customer)).as("its lease still holds").isEmpty();

        NOW.set(NOW.get().plus(properties.lease()).plusSeconds(1));
        sender.sendDue();
        sender.sendDue();
        List<FakeHttpEndpoint.Received> sent = sentTo(customer);
        assertThat(sent).hasSize(1);
        assertThat(JSON.readTree(sent.getFirst().body()).path("idempotency_key").asString())
                .as("the gateway queues one message per key, so a send the crashed instance made is not repeated")
                .isEqualTo(mine.id().toString());
        assertThat(reminders.find(mine.id())).get().extracting(Reminder::status, Reminder::attempts)
                .containsExactly("sent", 2);
    }

    @Test
    void aBookingCancelledOrMovedBeforeItsReminderGetsNoneOrTheRightOne() {
        Booking cancelled = book(2);
        Booking moved = book(2);
        planBefore(cancelled);
        planBefore(moved);
        calendar.call("demo", CalendarTools.CANCEL_BOOKING, new CalendarTools.CancelBookingInput(cancelled.id(), null, null),
                Booking.class);
        // the first free time of a later day (the day after may be one the professional does not work)
        LocalDate dayAfter = moved.localStart().toLocalDate().plusDays(1);
        SlotList later = calendar.call("demo", CalendarTools.FIND_AVAILABLE_SLOTS, new CalendarTools.FindAvailableSlotsInput(
                moved.serviceId(), moved.professionalId(), dayAfter, dayAfter.plusDays(14), null, null, 1),
                SlotList.class);
        Booking after = calendar.call("demo", CalendarTools.RESCHEDULE_BOOKING, new CalendarTools.RescheduleBookingInput(
                moved.id(), later.slots().getFirst().start(), null, null), Booking.class);
        planBefore(after);

        // the clock goes through each due time in order
        for (Instant start : java.util.stream.Stream.of(cancelled.start(), moved.start(), after.start()).sorted().toList()) {
            NOW.set(start.minus(Duration.ofDays(1)).plusSeconds(5));
            sender.sendDue();
        }
        assertThat(reminders.forBooking("demo", cancelled.id())).extracting(Reminder::status).containsExactly("skipped");
        assertThat(reminders.forBooking("demo", moved.id())).filteredOn(r -> r.startsAt().equals(moved.start()))
                .extracting(Reminder::status).containsExactly("skipped");
        assertThat(sentTo(customer)).as("one reminder: the moved booking's, for its new time").hasSize(1);
        JsonNode message = JSON.readTree(sentTo(customer).getFirst().body());
        assertThat(message.path("buttons").path(0).path("id").asString()).isEqualTo("reminder:confirm:" + moved.id());
        assertThat(message.path("text").asString()).contains(String.format("%02d:%02d", after.localStart().getHour(),
                after.localStart().getMinute()));
    }

    @Test
    void afterDowntimeADueReminderIsCaughtUpWhileTheAppointmentIsAheadAndSkippedWhenTooLate() throws Exception {
        Booking booking = book(2);
        planBefore(booking);
        // the service was down from before the reminder fell due until 40 minutes before the appointment
        NOW.set(booking.start().minus(Duration.ofMinutes(40)));
        sender.sendDue();
        assertThat(sentTo(customer)).isEmpty();
        assertThat(reminders.forBooking("demo", booking.id())).extracting(Reminder::status).containsExactly("skipped");

        Booking other = book(3);
        planBefore(other);
        NOW.set(other.start().minus(Duration.ofHours(5)));
        sender.sendDue();
        assertThat(sentTo(customer)).hasSize(1);

        // the patient confirms in words: attendance on the booking, outcome on the reminder, the rate on the dashboard
        JsonNode reply = patientSays("sí, ahí estaré", null);
        assertThat(reply.path("response_text").asString()).contains("¡Gracias por confirmar!");
        assertThat(get(other.id()).attendance()).isEqualTo(Attendance.CONFIRMED);
        assertThat(reminders.forBooking("demo", other.id())).extracting(Reminder::outcome).containsExactly("confirmed");
        ReminderRepository.ReminderStats stats = reminders.stats("demo", NOW.get(), 30);
        assertThat(stats.confirmed()).isGreaterThanOrEqualTo(1);
        assertThat(stats.confirmationRate()).isEqualTo((double) stats.confirmed() / stats.sent());
        assertThat(stats.noAnswer()).isEqualTo(stats.sent() - stats.confirmed() - stats.cancelled() - stats.rescheduled());
    }

    @Test
    void aPatientWhoSaysStopGetsNoMoreReminders() throws Exception {
        assertThat(patientSays("STOP", null).path("response_text").asString()).contains("no te enviaremos más recordatorios");
        Booking booking = book(2);
        planBefore(booking);
        NOW.set(dueOf(booking).plusSeconds(5));
        sender.sendDue();
        assertThat(sentTo(customer)).isEmpty();
        assertThat(reminders.forBooking("demo", booking.id())).extracting(Reminder::status).containsExactly("skipped");
        patientSays("recordatorios", null);
        assertThat(reminders.optedOut("demo", customer)).isFalse();
    }

    @Test
    void staffMovingABookingTellsThePatientOnceAndItsOldReminderIsNotSent() {
        Booking booking = book(2);
        planBefore(booking);
        // the professional's next working day after the booking's (the day after may be a weekend)
        java.time.LocalDate nextDay = booking.localStart().toLocalDate().plusDays(1);
        SlotList later = calendar.call("demo", CalendarTools.FIND_AVAILABLE_SLOTS, new CalendarTools.FindAvailableSlotsInput(
                booking.serviceId(), booking.professionalId(), nextDay, nextDay.plusDays(7),
                java.time.LocalTime.of(10, 0), null, 1), SlotList.class);
        Booking moved = calendar.call("demo", CalendarTools.RESCHEDULE_BOOKING, new CalendarTools.RescheduleBookingInput(
                booking.id(), later.slots().getFirst().start(), null, null), Booking.class);
        // the staff route calls this after the calendar answered (twice here: a retried request)
        assertThat(notices.notify("demo", moved, PatientNotices.Change.MOVED)).isTrue();
        assertThat(notices.notify("demo", moved, PatientNotices.Change.MOVED)).isFalse();
        assertThat(reminders.forBooking("demo", booking.id())).filteredOn(r -> r.kind() == Reminder.Kind.REMINDER)
                .extracting(Reminder::status).containsExactly("skipped");
        sender.sendDue();
        List<FakeHttpEndpoint.Received> sent = sentTo(customer);
        assertThat(sent).hasSize(1);
        JsonNode message = JSON.readTree(sent.getFirst().body());
        assertThat(message.path("text").asString()).startsWith("Tu turno de " + booking.serviceName())
                .contains("se cambió", moved.shortCode());
        assertThat(message.path("template").path("name").asString()).isEqualTo("appointment_update");
        assertThat(message.path("buttons").isMissingNode() || message.path("buttons").isNull()).isTrue();
    }

    @Test
    void aFollowUpGoesOutAfterTheAppointmentWhenTheProjectTurnedItOn() {
        var demo = projects.require("demo");
        var followUp = new com.aiassistants.backend.tenant.ReminderSettings(false, null, null, null,
                new com.aiassistants.backend.tenant.ReminderSettings.FollowUp(true, 30, null, null), null);
        projects.update("demo", demo.name(), demo.zone(), demo.locale(), new com.aiassistants.backend.tenant.ProjectSettings(
                null, null, null, null, followUp), "test");
        try {
            Booking booking = book(2);
            NOW.set(booking.end().plus(Duration.ofMinutes(10)));
            planner.planAll();
            assertThat(reminders.forBooking("demo", booking.id())).extracting(Reminder::kind)
                    .as("reminders are off here, the follow-up is on").containsExactly(Reminder.Kind.FOLLOW_UP);
            sender.sendDue();
            assertThat(sentTo(customer)).as("due 30 minutes after the end").isEmpty();
            NOW.set(booking.end().plus(Duration.ofMinutes(31)));
            sender.sendDue();
            assertThat(sentTo(customer)).hasSize(1);
            JsonNode message = JSON.readTree(sentTo(customer).getFirst().body());
            assertThat(message.path("text").asString()).startsWith("¡Gracias por tu visita de " + booking.serviceName());
            assertThat(message.path("template").path("name").asString()).isEqualTo("appointment_follow_up");
        } finally {
            projects.update("demo", demo.name(), demo.zone(), demo.locale(), demo.settings(), "test");
        }
    }

    @Test
    void badReminderSettingsAreRefusedWithAProblemAndGoodOnesAreKept() throws Exception {
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/admin/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"admin@demo.local\",\"password\":\"demo1234\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        String token = JSON.readTree(login.body()).path("access_token").asString();
        var demo = projects.require("demo");
        java.util.function.Function<Object, HttpResponse<String>> put = reminderSettings -> {
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/admin/projects/demo/settings"))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(Map.of("name", demo.name(),
                                "time_zone", demo.zone().getId(), "locale", demo.locale(),
                                "settings", Map.of("reminders", reminderSettings)))))
                        .build(), HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        try {
            for (Object bad : List.of(Map.of("lead_minutes", List.of(5)), Map.of("lead_minutes", List.of(60, 120, 180, 240, 300, 360)),
                    Map.of("quiet_hours", Map.of("start", "25:00", "end", "08:00")),
                    Map.of("template", Map.of("name", "Appointment Reminder!")))) {
                HttpResponse<String> refused = put.apply(bad);
                assertThat(refused.statusCode()).as(bad.toString()).isEqualTo(400);
                assertThat(refused.headers().firstValue("Content-Type")).get().asString().contains("problem+json");
            }
            HttpResponse<String> ok = put.apply(Map.of("lead_minutes", List.of(1440, 120),
                    "template", Map.of("name", "recordatorio_turno", "language", "es_AR")));
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
            var effective = projects.require("demo").settings().remindersOrDefault();
            assertThat(effective.leadMinutes()).containsExactly(120, 1440);
            assertThat(effective.templateName()).isEqualTo("recordatorio_turno");
            assertThat(effective.templateLanguage()).isEqualTo("es_AR");
        } finally {
            projects.update("demo", demo.name(), demo.zone(), demo.locale(), demo.settings(), "test");
        }
    }
}
