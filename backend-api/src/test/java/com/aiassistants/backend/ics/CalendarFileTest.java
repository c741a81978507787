package com.aiassistants.backend.ics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.aiassistants.backend.BackendTestBase;
import com.aiassistants.backend.mcp.McpClients;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.CalendarTools.Booking;
import com.aiassistants.common.scheduling.CalendarTools.HoldSlotInput;
import com.aiassistants.common.testsupport.ServiceProcess;
import com.aiassistants.common.testsupport.TestPostgres;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.component.VEvent;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /v1/public/bookings/<token>.ics} against the real mcp-professionals and mcp-calendar: a booking made,
 * moved and cancelled in the console gives a file with the new times, the same UID and a higher SEQUENCE each time;
 * a token that was tampered with, names another project or a booking that does not exist (or is only held) is a
 * 404 problem, also for a client that asks only for text/calendar.
 */
class CalendarFileTest extends BackendTestBase {

    static final String TOKEN = "calendar-file-token-0123456789";
    static final ZoneId BA = ZoneId.of("America/Argentina/Buenos_Aires");
    static ServiceProcess professionals;
    static ServiceProcess calendar;

    @Autowired
    CalendarLinks links;

    @Autowired
    McpClients mcp;

    @DynamicPropertySource
    static void schedulingServices(DynamicPropertyRegistry registry) {
        TestPostgres.Database db = TestPostgres.createDatabase("calendar_files");
        Map<String, String> env = new HashMap<>(Map.of("AI_ASSISTANTS_MCP_TOKEN", TOKEN));
        List<String> small = List.of("--spring.datasource.hikari.maximum-pool-size=3");
        professionals = ServiceProcess.start("mcp-professionals", db, env, small);
        env.put("AI_ASSISTANTS_MCP_PROFESSIONALS_URL", professionals.baseUrl().toString());
        calendar = ServiceProcess.start("mcp-calendar", db, env, small);
        registry.add("ai-assistants.backend.mcp.professionals.url", () -> professionals.baseUrl().toString());
        registry.add("ai-assistants.backend.mcp.calendar.url", () -> calendar.baseUrl().toString());
        registry.add("ai-assistants.backend.mcp.professionals.token", () -> TOKEN);
        registry.add("ai-assistants.backend.mcp.calendar.token", () -> TOKEN);
        registry.add("ai-assistants.backend.calendar-files.public-base-url", () -> "https://clinic.example.com");
        // a loaded machine (CI beside other suites) may take longer than the production timeouts
        registry.add("ai-assistants.backend.mcp.professionals.timeout", () -> "15s");
        registry.add("ai-assistants.backend.mcp.calendar.timeout", () -> "15s");
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> 4);
    }

    @AfterAll
    static void stop() {
        for (ServiceProcess process : new ServiceProcess[] {calendar, professionals}) {
            if (process != null) {
                process.close();
            }
        }
    }

    record Clinic(TestProject project, String professionalId, String serviceId) {
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

    Clinic clinic() {
        TestProject project = newProject();
        String owner = project.ownerToken();
        String service = ok(send("POST", "/v1/admin/catalogue/services", bearer(owner), json(map("name", "Consulta",
                "description", null, "duration_minutes", 30, "buffer_minutes", 0, "price", 1000, "currency", "ARS",
                "active", true, "professional_ids", List.of()))), 201).get("id").asString();
        String perez = ok(send("POST", "/v1/admin/catalogue/professionals", bearer(owner), json(map("name", "Dra. Pérez",
                "specialty", null, "email", null, "phone", null, "active", true, "service_ids", List.of(service)))),
                201).get("id").asString();
        List<Map<String, Object>> ranges = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            ranges.add(map("day_of_week", day.name(), "start", "08:00", "end", "20:00"));
        }
        ok(send("PUT", "/v1/admin/catalogue/professionals/" + perez + "/hours", bearer(owner),
                json(map("ranges", ranges))), 200);
        return new Clinic(project, perez, service);
    }

    static String at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(BA).toInstant().toString();
    }

    /** The path of a link (the configured public base is another host). */
    String path(String url) {
        assertThat(url).startsWith("https://clinic.example.com/v1/public/bookings/").endsWith(".ics");
        return url.substring("https://clinic.example.com".length());
    }

    VEvent file(String path) throws Exception {
        Response response = send("GET", path, Map.of(), null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        var calendarFile = new CalendarBuilder().build(new StringReader(response.body()));
        assertThat(calendarFile.validate().hasErrors()).isFalse();
        List<VEvent> events = calendarFile.getComponents("VEVENT");
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    static String value(VEvent event, String name) {
        return event.getProperty(name).map(p -> p.getValue()).orElseThrow();
    }

    void assertNotFound(String path, Map<String, String> headers) {
        Response response = send("GET", path, headers, null);
        assertThat(response.status()).as(response.body()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(response.text("type")).endsWith("/calendar-file-not-found");
    }

    @Test
    void aMovedBookingGivesTheNewTimesWithTheSameUidAndAHigherSequenceAndACancelledOneACancelledEvent()
            throws Exception {
        Clinic clinic = clinic();
        String owner = clinic.project().ownerToken();
        LocalDate day = LocalDate.now(BA).plusDays(2);
        JsonNode created = ok(send("POST", "/v1/admin/calendar/bookings", bearer(owner), json(map("service_id",
                clinic.serviceId(), "professional_id", clinic.professionalId(), "start", at(day, "09:00"), "customer_id",
                null, "phone", phone(), "customer_name", "Ana", "notes", null, "notify_patient", false,
                "idempotency_key", UUID.randomUUID().toString()))), 201);
        String id = created.get("booking").get("id").asString();
        String path = path(links.url(clinic.project().id(), id));

        VEvent first = file(path);
        assertThat(value(first, "UID")).isEqualTo(id + "@ai-assistants");
        assertThat(value(first, "STATUS")).isEqualTo("CONFIRMED");
        assertThat(value(first, "DTSTART")).isEqualTo(compact(at(day, "09:00")));
        assertThat(value(first, "SUMMARY")).isEqualTo("Consulta con Dra. Pérez");
        int firstSequence = Integer.parseInt(value(first, "SEQUENCE"));

        ok(send("POST", "/v1/admin/calendar/bookings/" + id + "/reschedule", bearer(owner),
                json(map("start", at(day, "11:30"), "professional_id", null, "notify_patient", false))), 200);
        VEvent moved = file(path);
        assertThat(value(moved, "UID")).isEqualTo(id + "@ai-assistants");
        assertThat(value(moved, "DTSTART")).isEqualTo(compact(at(day, "11:30")));
        assertThat(value(moved, "DTEND")).isEqualTo(compact(at(day, "12:00")));
        int movedSequence = Integer.parseInt(value(moved, "SEQUENCE"));
        assertThat(movedSequence).isGreaterThan(firstSequence);
        assertThat(value(file(path + "?lang=en"), "SUMMARY")).isEqualTo("Consulta with Dra. Pérez");

        ok(send("POST", "/v1/admin/calendar/bookings/" + id + "/cancel", bearer(owner),
                json(map("reason", "test", "notify_patient", false))), 200);
        VEvent cancelled = file(path);
        assertThat(value(cancelled, "UID")).isEqualTo(id + "@ai-assistants");
        assertThat(value(cancelled, "STATUS")).isEqualTo("CANCELLED");
        assertThat(Integer.parseInt(value(cancelled, "SEQUENCE"))).isGreaterThan(movedSequence);
    }

    @Test
    void tamperedForeignUnknownAndHeldLinksAreNotFoundProblems() {
        Clinic clinic = clinic();
        Clinic other = clinic();
        LocalDate day = LocalDate.now(BA).plusDays(3);
        String id = ok(send("POST", "/v1/admin/calendar/bookings", bearer(clinic.project().ownerToken()),
                json(map("service_id", clinic.serviceId(), "professional_id", clinic.professionalId(), "start",
                        at(day, "10:00"), "customer_id", null, "phone", phone(), "customer_name", "Ana", "notes", null,
                        "notify_patient", false, "idempotency_key", UUID.randomUUID().toString()))), 201)
                .get("booking").get("id").asString();
        String token = links.token(clinic.project().id(), id);
        assertThat(send("GET", "/v1/public/bookings/" + token + ".ics", Map.of(), null).status()).isEqualTo(200);

        int middleOfSignature = token.indexOf('.') + 8;
        String tampered = replaceAt(token, middleOfSignature);
        assertNotFound("/v1/public/bookings/" + tampered + ".ics", Map.of());
        assertNotFound("/v1/public/bookings/" + tampered + ".ics", Map.of("Accept", "text/calendar"));
        // The last character of a 16-byte signature carries 2 bits; any other spelling of it is refused too.
        for (char last : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray()) {
            String respelled = token.substring(0, token.length() - 1) + last;
            if (!respelled.equals(token)) {
                assertNotFound("/v1/public/bookings/" + respelled + ".ics", Map.of());
            }
        }
        assertNotFound("/v1/public/bookings/not-a-token.ics", Map.of());
        // properly signed, but the booking is another project's: tenant isolation
        assertNotFound(path(links.url(other.project().id(), id)), Map.of());
        assertNotFound(path(links.url(clinic.project().id(), UUID.randomUUID().toString())), Map.of());
        assertNotFound(path(links.url("no-such-project", id)), Map.of());

        Booking held = mcp.calendar().call(clinic.project().id(), CalendarTools.HOLD_SLOT, new HoldSlotInput(
                clinic.serviceId(), clinic.professionalId(), java.time.Instant.parse(at(day, "15:00")), phone(), "Bea",
                null, "whatsapp", UUID.randomUUID().toString()), Booking.class);
        assertNotFound(path(links.url(clinic.project().id(), held.id())), Map.of());
    }

    static String replaceAt(String text, int index) {
        char replacement = text.charAt(index) == 'x' ? 'y' : 'x';
        return text.substring(0, index) + replacement + text.substring(index + 1);
    }

    /** 2026-03-03T12:00:00Z → 20260303T120000Z. */
    static String compact(String instant) {
        return instant.replace("-", "").replace(":", "");
    }
}
