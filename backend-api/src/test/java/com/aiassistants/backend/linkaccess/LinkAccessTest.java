package com.aiassistants.backend.linkaccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.aiassistants.backend.BackendTestBase;
import com.aiassistants.backend.mcp.McpClients;
import com.aiassistants.common.scheduling.BookingLogTools;
import com.aiassistants.common.scheduling.BookingLogTools.BookingEvent;
import com.aiassistants.common.scheduling.BookingLogTools.BookingEventList;
import com.aiassistants.common.scheduling.BookingLogTools.ListBookingEventsInput;
import com.aiassistants.common.testsupport.ServiceProcess;
import com.aiassistants.common.testsupport.TestPostgres;

import tools.jackson.databind.JsonNode;

/**
 * Activation-link accesses end to end, against the real mcp-professionals, mcp-calendar and mcp-booking-log: a
 * WhatsApp message that is one of the project's codes is noted with the message, reaches the booking log as a
 * {@code link_accessed} event, and the dashboard counts per code the accesses, the patients and those who then booked
 * (a staff booking for one of them, confirmed in mcp-calendar and relayed to the log); another project sees none of
 * it. Last, with the booking log stopped, a code still gets its answer at once and waits in the outbox.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LinkAccessTest extends BackendTestBase {

    static final String TOKEN = "link-access-token-0123456789";
    static final ZoneId BA = ZoneId.of("America/Argentina/Buenos_Aires");
    static ServiceProcess professionals;
    static ServiceProcess bookingLog;
    static ServiceProcess calendar;

    @Autowired
    McpClients mcp;

    @Autowired
    LinkAccessOutbox outbox;

    @Autowired
    LinkAccessRelay relay;

    @DynamicPropertySource
    static void schedulingServices(DynamicPropertyRegistry registry) {
        TestPostgres.Database db = TestPostgres.createDatabase("link_access");
        Map<String, String> env = new HashMap<>(Map.of("AI_ASSISTANTS_MCP_TOKEN", TOKEN));
        List<String> small = List.of("--spring.datasource.hikari.maximum-pool-size=3");
        professionals = ServiceProcess.start("mcp-professionals", db, env, small);
        bookingLog = ServiceProcess.start("mcp-booking-log", db, env, small);
        env.put("AI_ASSISTANTS_MCP_PROFESSIONALS_URL", professionals.baseUrl().toString());
        env.put("AI_ASSISTANTS_MCP_BOOKING_LOG_URL", bookingLog.baseUrl().toString());
        calendar = ServiceProcess.start("mcp-calendar", db, env, small);
        registry.add("ai-assistants.backend.mcp.professionals.url", () -> professionals.baseUrl().toString());
        registry.add("ai-assistants.backend.mcp.calendar.url", () -> calendar.baseUrl().toString());
        registry.add("ai-assistants.backend.mcp.booking-log.url", () -> bookingLog.baseUrl().toString());
        registry.add("ai-assistants.backend.mcp.professionals.token", () -> TOKEN);
        registry.add("ai-assistants.backend.mcp.calendar.token", () -> TOKEN);
        registry.add("ai-assistants.backend.mcp.booking-log.token", () -> TOKEN);
        registry.add("ai-assistants.backend.mcp.booking-log.retries", () -> 0);
        registry.add("ai-assistants.backend.link-accesses.relay-enabled", () -> true);
        registry.add("ai-assistants.backend.link-accesses.poll-interval", () -> "200ms");
        // a loaded machine (CI beside other suites) may take longer than the production timeouts
        registry.add("ai-assistants.backend.mcp.professionals.timeout", () -> "15s");
        registry.add("ai-assistants.backend.mcp.calendar.timeout", () -> "15s");
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> 4);
    }

    @AfterAll
    static void stop() {
        for (ServiceProcess process : new ServiceProcess[] {calendar, bookingLog, professionals}) {
            if (process != null) {
                process.close();
            }
        }
    }

    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    JsonNode ok(Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response.json();
    }

    /** A project with activation codes, a professional working every day and a service. */
    record Clinic(TestProject project, String professionalId, String serviceId) {
    }

    Clinic clinic(Map<String, String> codes) {
        TestProject project = newProject();
        String owner = project.ownerToken();
        ok(send("PUT", "/v1/admin/projects/" + project.id() + "/settings", bearer(owner), json(map("name", "Clínica",
                "time_zone", BA.getId(), "locale", "es", "settings", map("flow", map("activation_codes", codes))))), 200);
        String service = ok(send("POST", "/v1/admin/catalogue/services", bearer(owner), json(map("name", "Consulta",
                "description", null, "duration_minutes", 30, "buffer_minutes", 0, "price", 1000, "currency", "ARS",
                "active", true, "professional_ids", List.of()))), 201).get("id").asString();
        String professional = ok(send("POST", "/v1/admin/catalogue/professionals", bearer(owner), json(map("name",
                "Dra. Pérez", "specialty", null, "email", null, "phone", null, "active", true, "service_ids",
                List.of(service)))), 201).get("id").asString();
        List<Map<String, Object>> ranges = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            ranges.add(map("day_of_week", day.name(), "start", "08:00", "end", "20:00"));
        }
        ok(send("PUT", "/v1/admin/catalogue/professionals/" + professional + "/hours", bearer(owner),
                json(map("ranges", ranges))), 200);
        return new Clinic(project, professional, service);
    }

    void message(TestProject project, String phone, String text) {
        ok(whatsapp(project, whatsappBody(uniqueId("wamid"), phone, text)), 200);
    }

    void staffBooks(Clinic clinic, String phone, String time) {
        LocalDate day = LocalDate.now(BA).plusDays(2);
        ok(send("POST", "/v1/admin/calendar/bookings", bearer(clinic.project().ownerToken()), json(map("service_id",
                clinic.serviceId(), "professional_id", clinic.professionalId(), "start",
                day.atTime(LocalTime.parse(time)).atZone(BA).toInstant().toString(), "customer_id", null, "phone", phone,
                "customer_name", "Paciente", "notes", null, "notify_patient", false, "idempotency_key",
                UUID.randomUUID().toString()))), 201);
    }

    JsonNode links(TestProject project) {
        return ok(send("GET", "/v1/admin/stats/dashboard", bearer(project.ownerToken()), null), 200).get("links");
    }

    static JsonNode row(JsonNode links, String code) {
        for (JsonNode row : links.get("links")) {
            if (row.get("code").asString().equals(code)) {
                return row;
            }
        }
        return null;
    }

    @Test
    @Order(1)
    void aCodeMessageIsLoggedAndTheDashboardShowsWhichLinksLedToBookingsPerProject() {
        Clinic clinic = clinic(Map.of("PROMO_OTONO", "book", "MENU_INIT", "menu"));
        Clinic other = clinic(Map.of("PROMO_OTONO", "book"));
        String ana = phone();
        String bruno = phone();
        String carla = phone();
        message(clinic.project(), ana, "promo_otono ");
        message(clinic.project(), bruno, "PROMO_OTONO");
        message(clinic.project(), bruno, "PROMO_OTONO");
        message(clinic.project(), carla, "MENU_INIT");
        message(clinic.project(), carla, "quiero PROMO_OTONO");
        message(other.project(), phone(), "PROMO_OTONO");
        staffBooks(clinic, ana, "10:00");

        await("link accesses and the booking in the log, counted on the dashboard").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
                    JsonNode links = links(clinic.project());
                    assertThat(links.get("available").asBoolean()).isTrue();
                    assertThat(links.get("within_days").asInt()).isEqualTo(7);
                    JsonNode promo = row(links, "PROMO_OTONO");
                    assertThat(promo).as(links.toString()).isNotNull();
                    assertThat(promo.get("accesses").asLong()).isEqualTo(3);
                    assertThat(promo.get("patients").asLong()).isEqualTo(2);
                    assertThat(promo.get("booked").asLong()).isEqualTo(1);
                    assertThat(promo.get("conversion_rate").asDouble()).isEqualTo(0.5);
                    JsonNode menu = row(links, "MENU_INIT");
                    assertThat(menu.get("accesses").asLong()).isEqualTo(1);
                    assertThat(menu.get("booked").asLong()).isZero();
                });
        JsonNode others = links(other.project());
        assertThat(others.get("links")).hasSize(1);
        assertThat(row(others, "PROMO_OTONO").get("accesses").asLong()).isEqualTo(1);
        assertThat(row(others, "PROMO_OTONO").get("booked").asLong()).isZero();

        List<BookingEvent> events = mcp.bookingLog().call(clinic.project().id(), BookingLogTools.LIST_BOOKING_EVENTS,
                new ListBookingEventsInput(null, ana, null, null, null, null), BookingEventList.class).events();
        assertThat(events).filteredOn(e -> e.type().equals(BookingLogTools.LINK_ACCESSED)).singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("customer:" + ana);
                    assertThat(e.bookingId()).isNull();
                    assertThat(e.after()).containsEntry("code", "PROMO_OTONO").containsEntry("action", "book")
                            .containsEntry("channel", "whatsapp");
                });
        assertThat(outbox.pending()).isZero();
    }

    @Test
    @Order(2)
    void withTheBookingLogDownTheCodeIsAnsweredAtOnceAndWaitsInTheOutbox() {
        Clinic clinic = clinic(Map.of("PROMO_DOWN", "book"));
        bookingLog.close();
        long started = System.nanoTime();
        message(clinic.project(), phone(), "PROMO_DOWN");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        await("a failed delivery attempt").atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(jdbc.sql("select attempts from link_access_outbox where project_id = ?")
                        .param(clinic.project().id()).query(Integer.class).single()).isPositive());
        assertThat(relay.deliverDue()).isZero();
        assertThat(links(clinic.project()).get("available").asBoolean()).isFalse();
    }
}
