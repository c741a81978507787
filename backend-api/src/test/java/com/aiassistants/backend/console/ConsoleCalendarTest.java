package com.aiassistants.backend.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.aiassistants.backend.BackendTestBase;
import com.aiassistants.backend.memory.CustomerMemory;
import com.aiassistants.backend.tenant.AdminUsers;
import com.aiassistants.backend.tenant.AdminUsers.Role;
import com.aiassistants.common.testsupport.ServiceProcess;
import com.aiassistants.common.testsupport.TestPostgres;

import tools.jackson.databind.JsonNode;

/**
 * The console's calendar and catalogue routes against the real mcp-professionals, mcp-calendar and
 * mcp-booking-log (their exec jars, one database): each test sets up its own clinic through the
 * catalogue API as that project's owner, then works the calendar as staff. Roles, tenant isolation
 * (another project's ids are 404 on every route) and problem details for bad input.
 */
class ConsoleCalendarTest extends BackendTestBase {

    static final String TOKEN = "calendar-console-token-0123456789";
    static final ZoneId BA = ZoneId.of("America/Argentina/Buenos_Aires");
    static ServiceProcess professionals;
    static ServiceProcess bookingLog;
    static ServiceProcess calendar;

    @Autowired
    AdminUsers users;

    @Autowired
    CustomerMemory memory;

    @DynamicPropertySource
    static void schedulingServices(DynamicPropertyRegistry registry) {
        TestPostgres.Database db = TestPostgres.createDatabase("calendar_console");
        Map<String, String> env = new HashMap<>(Map.of("AI_ASSISTANTS_MCP_TOKEN", TOKEN));
        List<String> small = List.of("--spring.datasource.hikari.maximum-pool-size=3");
        professionals = ServiceProcess.start("mcp-professionals", db, env, small);
        bookingLog = ServiceProcess.start("mcp-booking-log", db, env, small);
        env.put("AI_ASSISTANTS_MCP_PROFESSIONALS_URL", professionals.baseUrl().toString());
        env.put("AI_ASSISTANTS_MCP_BOOKING_LOG_URL", bookingLog.baseUrl().toString());
        calendar = ServiceProcess.start("mcp-calendar", db, env,
                List.of("--spring.datasource.hikari.maximum-pool-size=3", "--ai-assistants.calendar.directory-cache-ttl=2s"));
        registry.add("ai-assistants.backend.mcp.professionals.url", () -> professionals.baseUrl().toString());
        registry.add("ai-assistants.backend.mcp.calendar.url", () -> calendar.baseUrl().toString());
        registry.add("ai-assistants.backend.mcp.booking-log.url", () -> bookingLog.baseUrl().toString());
        registry.add("ai-assistants.backend.mcp.professionals.token", () -> TOKEN);
        registry.add("ai-assistants.backend.mcp.calendar.token", () -> TOKEN);
        registry.add("ai-assistants.backend.mcp.booking-log.token", () -> TOKEN);
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

    // ---- helpers ----

    record Clinic(TestProject project, String staffToken, String staffEmail, String professionalId, String otherId,
            String serviceId) {
    }

    Response call(String method, String path, String token, Object body) {
        return send(method, path, bearer(token), body == null ? null : json(body));
    }

    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    static List<Map<String, Object>> everyDay(String start, String end) {
        List<Map<String, Object>> ranges = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            ranges.add(map("day_of_week", day.name(), "start", start, "end", end));
        }
        return ranges;
    }

    JsonNode ok(Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response.body() == null || response.body().isEmpty() ? null : response.json();
    }

    /** A project with two professionals working every day 08:00–20:00 and a 30-minute service both give. */
    Clinic clinic() {
        TestProject project = newProject();
        String owner = project.ownerToken();
        String service = ok(call("POST", "/v1/admin/catalogue/services", owner, map("name", "Consulta",
                "description", null, "duration_minutes", 30, "buffer_minutes", 0, "price", 1000, "currency", "ARS",
                "active", true, "professional_ids", List.of())), 201).get("id").asString();
        String perez = ok(call("POST", "/v1/admin/catalogue/professionals", owner, map("name", "Dra. Pérez",
                "specialty", "Clínica", "email", null, "phone", null, "active", true, "service_ids", List.of(service))),
                201).get("id").asString();
        String gomez = ok(call("POST", "/v1/admin/catalogue/professionals", owner, map("name", "Dr. Gómez",
                "specialty", null, "email", null, "phone", null, "active", true, "service_ids", List.of(service))),
                201).get("id").asString();
        for (String professional : List.of(perez, gomez)) {
            ok(call("PUT", "/v1/admin/catalogue/professionals/" + professional + "/hours", owner,
                    map("ranges", everyDay("08:00", "20:00"))), 200);
        }
        String email = "staff@" + project.id() + ".test";
        users.ensure(email, "staff-pass-123", Role.STAFF, project.id(), false);
        return new Clinic(project, login(email, "staff-pass-123"), email, perez, gomez, service);
    }

    static LocalDate tomorrow() {
        return LocalDate.now(BA).plusDays(1);
    }

    static String at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(BA).toInstant().toString();
    }

    Map<String, Object> booking(Clinic clinic, String professional, String start, String phone, boolean notify) {
        return map("service_id", clinic.serviceId(), "professional_id", professional, "start", start,
                "customer_id", null, "phone", phone, "customer_name", "Ana Paciente", "notes", null,
                "notify_patient", notify, "idempotency_key", UUID.randomUUID().toString());
    }

    static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    // ---- tests ----

    @Test
    void staffBookMoveCancelAndReadTheHistory() throws Exception {
        Clinic clinic = clinic();
        String staff = clinic.staffToken();
        LocalDate day = tomorrow();
        String phone = phone();

        Map<String, Object> request = booking(clinic, clinic.professionalId(), at(day, "09:00"), phone, true);
        JsonNode created = ok(call("POST", "/v1/admin/calendar/bookings", staff, request), 201);
        String id = created.get("booking").get("id").asString();
        assertThat(created.get("booking").get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(created.get("booking").get("customer_id").asString()).isEqualTo(phone);
        assertThat(created.get("notice").asString()).isEqualTo("sent");
        assertThat(GATEWAY.receivedAt("/admin/messages")).anySatisfy(r -> assertThat(r.bodyText()).contains(phone)
                .contains(created.get("booking").get("short_code").asString()));
        // the same key is the same booking
        assertThat(ok(call("POST", "/v1/admin/calendar/bookings", staff, request), 201).get("booking").get("id")
                .asString()).isEqualTo(id);

        String from = day.atStartOfDay(BA).toInstant().toString();
        String to = day.plusDays(1).atStartOfDay(BA).toInstant().toString();
        JsonNode page = ok(call("GET", "/v1/admin/calendar/bookings?from=" + from + "&to=" + to, staff, null), 200);
        assertThat(page.get("bookings").findValuesAsString("id")).containsExactly(id);
        assertThat(page.get("next_cursor").isNull()).isTrue();
        JsonNode schedule = ok(call("GET", "/v1/admin/calendar/schedule?from=" + from + "&to=" + to, staff, null), 200);
        assertThat(schedule.get("time_zone").asString()).isEqualTo(BA.getId());
        assertThat(schedule.get("professionals")).hasSize(2);
        assertThat(schedule.get("professionals").get(0).get("ranges")).hasSize(7);
        JsonNode slots = ok(call("GET", "/v1/admin/calendar/slots?service_id=" + clinic.serviceId() + "&professional_id="
                + clinic.professionalId() + "&date=" + day, staff, null), 200);
        assertThat(slots.get("slots").findValuesAsString("start")).doesNotContain(at(day, "09:00"))
                .contains(at(day, "09:30"));

        // move to another time and professional, then onto a time just taken by someone else
        JsonNode moved = ok(call("POST", "/v1/admin/calendar/bookings/" + id + "/reschedule", staff,
                map("start", at(day, "10:00"), "professional_id", clinic.otherId(), "notify_patient", false)), 200);
        assertThat(moved.get("booking").get("professional_id").asString()).isEqualTo(clinic.otherId());
        assertThat(moved.get("notice").asString()).isEqualTo("skipped");
        ok(call("POST", "/v1/admin/calendar/bookings", staff, booking(clinic, clinic.otherId(), at(day, "11:00"),
                phone(), false)), 201);
        Response taken = call("POST", "/v1/admin/calendar/bookings/" + id + "/reschedule", staff,
                map("start", at(day, "11:00"), "professional_id", null, "notify_patient", false));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(taken.json().get("type").asString()).endsWith("/slot-taken");
        assertThat(taken.json().get("alternatives")).isNotEmpty();
        assertThat(taken.json().get("alternatives").get(0).has("start")).isTrue();
        // not started yet: no outcome
        Response early = call("POST", "/v1/admin/calendar/bookings/" + id + "/outcome", staff, map("outcome", "NO_SHOW"));
        assertThat(early.status()).as(early.body()).isEqualTo(409);

        JsonNode cancelled = ok(call("POST", "/v1/admin/calendar/bookings/" + id + "/cancel", staff,
                map("reason", "el paciente llamó", "notify_patient", true)), 200);
        assertThat(cancelled.get("booking").get("status").asString()).isEqualTo("CANCELLED");
        assertThat(GATEWAY.receivedAt("/admin/messages")).anySatisfy(r -> assertThat(r.bodyText())
                .contains("el paciente llamó"));

        await("the history of three changes", () -> call("GET", "/v1/admin/calendar/bookings/" + id + "/history", staff,
                null).json().size() == 3);
        JsonNode history = ok(call("GET", "/v1/admin/calendar/bookings/" + id + "/history", staff, null), 200);
        assertThat(history.findValuesAsString("type")).containsExactly("confirmed", "rescheduled", "cancelled");
        assertThat(history.findValuesAsString("actor")).containsOnly("staff:" + clinic.staffEmail());
        JsonNode all = ok(call("GET", "/v1/admin/calendar/bookings?from=" + from + "&to=" + to + "&status=CONFIRMED&limit=1",
                staff, null), 200);
        assertThat(all.get("bookings")).hasSize(1);
        assertThat(all.get("next_cursor").isNull()).isTrue();
    }

    /** The new booking's patient search names and finds patients as the customers page does. */
    @Test
    void thePatientSearchFindsPatientsByTheNameTheyGaveTheAssistant() {
        TestProject project = newProject();
        String ana = phone();
        whatsapp(project, json(Map.of("message_id", uniqueId("w"), "from_number", ana, "text", "hola",
                "timestamp_iso", Instant.now().toString(), "customer_name", "Anita 🌸")));
        memory.write(project.id(), ana, Map.of("name", "Ana Pérez"), Duration.ofDays(1), Instant.now());

        for (String query : List.of("ana%20p%C3%A9rez", "anita", ana.substring(ana.length() - 4))) {
            JsonNode found = ok(call("GET", "/v1/admin/calendar/customers?q=" + query, project.ownerToken(), null), 200);
            assertThat(found).as(query).hasSize(1);
            assertThat(found.get(0).get("customer_id").asString()).isEqualTo(ana);
            assertThat(found.get(0).get("name").asString()).as(query).isEqualTo("Ana Pérez");
            assertThat(found.get(0).get("phone").asString()).isEqualTo(ana);
        }
        assertThat(ok(call("GET", "/v1/admin/calendar/customers?q=luis", project.ownerToken(), null), 200)).isEmpty();
    }

    @Test
    void staffCannotEditTheCatalogueButCanReadIt() {
        Clinic clinic = clinic();
        String staff = clinic.staffToken();
        String pro = "/v1/admin/catalogue/professionals/" + clinic.professionalId();
        assertThat(call("GET", "/v1/admin/catalogue/professionals", staff, null).status()).isEqualTo(200);
        assertThat(call("GET", "/v1/admin/catalogue/services", staff, null).status()).isEqualTo(200);
        assertThat(call("GET", pro + "/hours", staff, null).status()).isEqualTo(200);
        Map<String, Object> professional = map("name", "X", "specialty", null, "email", null, "phone", null,
                "active", true, "service_ids", List.of());
        Map<String, Object> service = map("name", "X", "description", null, "duration_minutes", 30, "buffer_minutes", 0,
                "price", null, "currency", null, "active", true, "professional_ids", List.of());
        Instant start = Instant.now().plus(Duration.ofDays(2));
        List<Response> refused = List.of(
                call("POST", "/v1/admin/catalogue/professionals", staff, professional),
                call("PUT", pro, staff, professional),
                call("PUT", pro + "/hours", staff, map("ranges", List.of())),
                call("POST", pro + "/time-off", staff, map("start", start.toString(),
                        "end", start.plusSeconds(3600).toString(), "reason", null)),
                call("DELETE", pro + "/time-off/off-anything", staff, null),
                call("PUT", pro + "/date-overrides/" + tomorrow().plusDays(2), staff, map("ranges", List.of(),
                        "reason", null)),
                call("DELETE", pro + "/date-overrides/" + tomorrow().plusDays(2), staff, null),
                call("POST", "/v1/admin/catalogue/services", staff, service),
                call("PUT", "/v1/admin/catalogue/services/" + clinic.serviceId(), staff, service));
        assertThat(refused).allSatisfy(r -> {
            assertThat(r.status()).as(r.body()).isEqualTo(403);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        });
        // API keys have no console routes
        assertThat(send("GET", "/v1/admin/calendar/bookings?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z",
                key(clinic.project().apiKey()), null).status()).isEqualTo(403);
    }

    @Test
    void anotherProjectsIdsAreNotFoundOnEveryRoute() {
        Clinic a = clinic();
        String bookingId = ok(call("POST", "/v1/admin/calendar/bookings", a.staffToken(),
                booking(a, a.professionalId(), at(tomorrow(), "12:00"), phone(), false)), 201)
                .get("booking").get("id").asString();
        String timeOff = ok(call("POST", "/v1/admin/catalogue/professionals/" + a.professionalId() + "/time-off",
                a.project().ownerToken(), map("start", at(tomorrow().plusDays(5), "08:00"),
                        "end", at(tomorrow().plusDays(5), "12:00"), "reason", "congreso")), 201).get("id").asString();
        ok(call("PUT", "/v1/admin/catalogue/professionals/" + a.professionalId() + "/date-overrides/"
                + tomorrow().plusDays(6), a.project().ownerToken(), map("ranges", List.of(), "reason", "feriado")), 200);

        String b = newProject().ownerToken();
        String pro = "/v1/admin/catalogue/professionals/" + a.professionalId();
        String bk = "/v1/admin/calendar/bookings/" + bookingId;
        Map<String, Object> professional = map("name", "X", "specialty", null, "email", null, "phone", null,
                "active", false, "service_ids", List.of());
        Map<String, Object> service = map("name", "X", "description", null, "duration_minutes", 30, "buffer_minutes", 0,
                "price", null, "currency", null, "active", true, "professional_ids", List.of());
        List<Response> answers = List.of(
                call("GET", pro + "/hours", b, null),
                call("PUT", pro, b, professional),
                call("PUT", pro + "/hours", b, map("ranges", List.of())),
                call("POST", pro + "/time-off", b, map("start", at(tomorrow(), "08:00"), "end", at(tomorrow(), "09:00"),
                        "reason", null)),
                call("DELETE", pro + "/time-off/" + timeOff, b, null),
                call("PUT", pro + "/date-overrides/" + tomorrow().plusDays(6), b, map("ranges", List.of(), "reason", null)),
                call("DELETE", pro + "/date-overrides/" + tomorrow().plusDays(6), b, null),
                call("PUT", "/v1/admin/catalogue/services/" + a.serviceId(), b, service),
                call("GET", bk, b, null),
                call("GET", bk + "/history", b, null),
                call("POST", bk + "/reschedule", b, map("start", at(tomorrow(), "13:00"), "professional_id", null,
                        "notify_patient", false)),
                call("POST", bk + "/cancel", b, map("reason", null, "notify_patient", false)),
                call("POST", bk + "/outcome", b, map("outcome", "COMPLETED")),
                call("POST", "/v1/admin/calendar/bookings", b, booking(a, a.professionalId(), at(tomorrow(), "14:00"),
                        phone(), false)));
        assertThat(answers).allSatisfy(r -> {
            assertThat(r.status()).as(r.body()).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        });
        // nothing of A leaks into B's lists, and A's booking is untouched
        String from = Instant.now().toString();
        String to = Instant.now().plus(Duration.ofDays(30)).toString();
        assertThat(ok(call("GET", "/v1/admin/calendar/bookings?from=" + from + "&to=" + to, b, null), 200)
                .get("bookings")).isEmpty();
        assertThat(ok(call("GET", "/v1/admin/catalogue/professionals", b, null), 200)).isEmpty();
        assertThat(ok(call("GET", bk, a.staffToken(), null), 200).get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(ok(call("GET", pro + "/hours", a.staffToken(), null), 200).get("time_off")).hasSize(1);
        assertThat(ok(call("GET", pro + "/hours", a.staffToken(), null), 200).get("date_overrides")).hasSize(1);
    }

    @Test
    void badInputIsAProblemDetail() {
        Clinic clinic = clinic();
        String staff = clinic.staffToken();
        String owner = clinic.project().ownerToken();
        String pro = "/v1/admin/catalogue/professionals/" + clinic.professionalId();
        Map<String, Object> noStart = booking(clinic, clinic.professionalId(), null, phone(), false);
        Map<String, Object> badPhone = booking(clinic, clinic.professionalId(), at(tomorrow(), "09:00"), "12", false);
        Map<String, Object> nobody = booking(clinic, clinic.professionalId(), at(tomorrow(), "09:00"), null, false);
        Map<String, Object> offGrid = booking(clinic, clinic.professionalId(), at(tomorrow(), "09:10"), phone(), false);
        Map<String, Object> past = booking(clinic, clinic.professionalId(), at(LocalDate.now(BA).minusDays(1), "09:00"),
                phone(), false);
        Map<Response, Integer> cases = new java.util.LinkedHashMap<>();
        cases.put(call("POST", "/v1/admin/calendar/bookings", staff, noStart), 400);
        cases.put(call("POST", "/v1/admin/calendar/bookings", staff, badPhone), 400);
        cases.put(call("POST", "/v1/admin/calendar/bookings", staff, nobody), 400);
        cases.put(call("POST", "/v1/admin/calendar/bookings", staff, offGrid), 422);
        cases.put(call("POST", "/v1/admin/calendar/bookings", staff, past), 400);
        cases.put(send("POST", "/v1/admin/calendar/bookings", bearer(staff), "{not json"), 400);
        cases.put(call("GET", "/v1/admin/calendar/bookings?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", staff,
                null), 400);
        cases.put(call("GET", "/v1/admin/calendar/bookings?from=2026-01-01T00:00:00Z&to=2026-06-01T00:00:00Z", staff,
                null), 400);
        cases.put(call("GET", "/v1/admin/calendar/bookings?from=yesterday&to=2026-06-01T00:00:00Z", staff, null), 400);
        cases.put(call("GET", "/v1/admin/calendar/bookings?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z&status=LOST",
                staff, null), 400);
        cases.put(call("GET", "/v1/admin/calendar/bookings?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z&cursor=zz",
                staff, null), 400);
        cases.put(call("GET", "/v1/admin/calendar/bookings/not%20an%20id", staff, null), 400);
        cases.put(call("POST", "/v1/admin/calendar/bookings/" + UUID.randomUUID() + "/outcome", staff,
                map("outcome", "CANCELLED")), 400);
        cases.put(call("GET", "/v1/admin/calendar/customers?q=a", staff, null), 400);
        cases.put(call("POST", "/v1/admin/catalogue/services", owner, map("name", "X", "description", null,
                "duration_minutes", 2, "buffer_minutes", 0, "price", null, "currency", null, "active", true,
                "professional_ids", List.of())), 400);
        cases.put(call("POST", "/v1/admin/catalogue/services", owner, map("name", "X", "description", null,
                "duration_minutes", 30, "buffer_minutes", 0, "price", 10, "currency", null, "active", true,
                "professional_ids", List.of())), 400);
        cases.put(call("PUT", pro + "/hours", owner, map("ranges", List.of(
                map("day_of_week", "MONDAY", "start", "09:00", "end", "13:00"),
                map("day_of_week", "MONDAY", "start", "12:00", "end", "15:00")))), 400);
        cases.put(call("PUT", pro + "/hours", owner, map("ranges", List.of(
                map("day_of_week", "SOMEDAY", "start", "09:00", "end", "13:00")))), 400);
        cases.put(call("POST", pro + "/time-off", owner, map("start", at(tomorrow(), "12:00"), "end", at(tomorrow(), "09:00"),
                "reason", null)), 400);
        String override = pro + "/date-overrides/" + tomorrow().plusDays(2);
        cases.put(call("PUT", override, owner, map("ranges", List.of(map("start", "09:00", "end", "13:00"),
                map("start", "12:00", "end", "15:00")), "reason", null)), 400);
        cases.put(call("PUT", override, owner, map("ranges", List.of(map("start", "13:00", "end", "09:00")),
                "reason", null)), 400);
        cases.put(call("PUT", override, owner, map("ranges", List.of(map("start", "9am", "end", "13:00")),
                "reason", null)), 400);
        cases.put(call("PUT", override, owner, map("reason", "no ranges")), 400);
        cases.put(call("PUT", pro + "/date-overrides/" + LocalDate.now(BA).minusDays(3), owner,
                map("ranges", List.of(), "reason", null)), 400);
        cases.put(call("PUT", pro + "/date-overrides/next-tuesday", owner, map("ranges", List.of(), "reason", null)), 400);
        cases.put(call("DELETE", pro + "/date-overrides/2026-13-45", owner, null), 400);
        cases.put(call("DELETE", override, owner, null), 404);
        cases.put(call("PUT", pro + "?future_bookings=maybe", owner, map("name", "X", "specialty", null, "email", null,
                "phone", null, "active", false, "service_ids", List.of())), 400);
        cases.put(call("POST", "/v1/admin/catalogue/professionals", owner, map("name", "X", "specialty", null,
                "email", null, "phone", "not a phone", "active", true, "service_ids", List.of())), 400);
        cases.forEach((response, status) -> {
            assertThat(response.status()).as(response.body()).isEqualTo(status);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            assertThat(response.json().get("status").asInt()).isEqualTo(status);
        });
    }

    @Test
    void deactivatingWithUpcomingBookingsAsksWhatToDo() {
        Clinic clinic = clinic();
        String owner = clinic.project().ownerToken();
        String bookingId = ok(call("POST", "/v1/admin/calendar/bookings", clinic.staffToken(),
                booking(clinic, clinic.professionalId(), at(tomorrow(), "15:00"), phone(), false)), 201)
                .get("booking").get("id").asString();
        Map<String, Object> inactive = map("name", "Dra. Pérez", "specialty", "Clínica", "email", null, "phone", null,
                "active", false, "service_ids", List.of(clinic.serviceId()));
        String pro = "/v1/admin/catalogue/professionals/" + clinic.professionalId();

        Response asked = call("PUT", pro, owner, inactive);
        assertThat(asked.status()).as(asked.body()).isEqualTo(409);
        assertThat(asked.json().get("type").asString()).endsWith("/future-bookings");
        assertThat(asked.json().get("bookings").findValuesAsString("id")).containsExactly(bookingId);
        assertThat(ok(call("GET", "/v1/admin/catalogue/professionals", owner, null), 200).findValues("active"))
                .allMatch(JsonNode::asBoolean);

        assertThat(ok(call("PUT", pro + "?future_bookings=keep", owner, inactive), 200).get("active").asBoolean()).isFalse();
        String booking = "/v1/admin/calendar/bookings/" + bookingId;
        assertThat(ok(call("GET", booking, owner, null), 200).get("status").asString()).isEqualTo("CONFIRMED");

        // the service: cancel them
        Map<String, Object> service = map("name", "Consulta", "description", null, "duration_minutes", 30,
                "buffer_minutes", 0, "price", 1000, "currency", "ARS", "active", false,
                "professional_ids", List.of(clinic.otherId()));
        assertThat(call("PUT", "/v1/admin/catalogue/services/" + clinic.serviceId(), owner, service).status())
                .isEqualTo(409);
        ok(call("PUT", "/v1/admin/catalogue/services/" + clinic.serviceId() + "?future_bookings=cancel", owner, service),
                200);
        assertThat(ok(call("GET", booking, owner, null), 200).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(ok(call("GET", "/v1/admin/catalogue/services", owner, null), 200).get(0).get("active").asBoolean())
                .isFalse();
    }

    /** What the assistant offers follows a catalogue edit within seconds (mcp-calendar's directory cache is short). */
    @Test
    void timeOffAndANewDurationReachSlotSearchWithinSeconds() throws Exception {
        Clinic clinic = clinic();
        String owner = clinic.project().ownerToken();
        LocalDate day = tomorrow().plusDays(1);
        String slotsPath = "/v1/admin/calendar/slots?service_id=" + clinic.serviceId() + "&professional_id="
                + clinic.professionalId() + "&date=" + day;
        Predicate<JsonNode> offersNine = slots -> slots.get("slots").findValuesAsString("start")
                .contains(at(day, "09:00"));
        assertThat(offersNine.test(ok(call("GET", slotsPath, owner, null), 200))).isTrue();

        String offId = ok(call("POST", "/v1/admin/catalogue/professionals/" + clinic.professionalId() + "/time-off", owner,
                map("start", at(day, "08:00"), "end", at(day, "12:00"), "reason", "trámite")), 201).get("id").asString();
        await("the time off to hide 09:00", () -> !offersNine.test(call("GET", slotsPath, owner, null).json()));
        ok(call("DELETE", "/v1/admin/catalogue/professionals/" + clinic.professionalId() + "/time-off/" + offId, owner,
                null), 204);
        await("09:00 offered again", () -> offersNine.test(call("GET", slotsPath, owner, null).json()));

        ok(call("PUT", "/v1/admin/catalogue/services/" + clinic.serviceId(), owner, map("name", "Consulta",
                "description", null, "duration_minutes", 45, "buffer_minutes", 0, "price", 1000, "currency", "ARS",
                "active", true, "professional_ids", List.of(clinic.professionalId(), clinic.otherId()))), 200);
        await("45-minute slots", () -> {
            JsonNode first = call("GET", slotsPath, owner, null).json().get("slots").get(0);
            return Duration.between(Instant.parse(first.get("start").asString()),
                    Instant.parse(first.get("end").asString())).toMinutes() == 45;
        });
    }

    /**
     * A date override changes what the assistant offers on that date within seconds (mcp-calendar's
     * directory cache is short): shorter hours, then closed, then the weekly hours again once removed.
     * The calendar's frame and the catalogue's hours carry it for the console to shade.
     */
    @Test
    void aDateOverrideReachesSlotSearchWithinSeconds() throws Exception {
        Clinic clinic = clinic();
        String owner = clinic.project().ownerToken();
        LocalDate day = tomorrow().plusDays(2);
        String overridePath = "/v1/admin/catalogue/professionals/" + clinic.professionalId() + "/date-overrides/" + day;
        String slotsPath = "/v1/admin/calendar/slots?service_id=" + clinic.serviceId() + "&professional_id="
                + clinic.professionalId() + "&date=" + day;
        java.util.function.Supplier<List<String>> offered = () -> call("GET", slotsPath, clinic.staffToken(), null).json()
                .get("slots").findValuesAsString("start");
        assertThat(offered.get()).hasSize(24).contains(at(day, "08:00"));

        JsonNode saved = ok(call("PUT", overridePath, owner, map("ranges", List.of(map("start", "15:00", "end", "16:00"),
                map("start", "10:00", "end", "11:00")), "reason", "jornada corta")), 200);
        assertThat(saved.get("date").asString()).isEqualTo(day.toString());
        assertThat(saved.get("ranges").findValuesAsString("start")).map(LocalTime::parse)
                .containsExactly(LocalTime.of(10, 0), LocalTime.of(15, 0));
        List<String> shorter = List.of(at(day, "10:00"), at(day, "10:30"), at(day, "15:00"), at(day, "15:30"));
        await("only the override's hours", () -> offered.get().equals(shorter));

        ok(call("PUT", overridePath, owner, map("ranges", List.of(), "reason", "feriado")), 200);
        await("closed that day", () -> offered.get().isEmpty());
        JsonNode hours = ok(call("GET", "/v1/admin/catalogue/professionals/" + clinic.professionalId() + "/hours",
                clinic.staffToken(), null), 200);
        assertThat(hours.get("date_overrides")).singleElement().satisfies(o -> {
            assertThat(o.get("date").asString()).isEqualTo(day.toString());
            assertThat(o.get("ranges")).isEmpty();
            assertThat(o.get("reason").asString()).isEqualTo("feriado");
        });
        String from = day.atStartOfDay(BA).toInstant().toString();
        String to = day.plusDays(1).atStartOfDay(BA).toInstant().toString();
        JsonNode schedule = ok(call("GET", "/v1/admin/calendar/schedule?from=" + from + "&to=" + to, clinic.staffToken(),
                null), 200);
        assertThat(schedule.get("professionals")).anySatisfy(p -> {
            assertThat(p.get("id").asString()).isEqualTo(clinic.professionalId());
            assertThat(p.get("date_overrides").findValuesAsString("date")).containsExactly(day.toString());
        });
        // the other professional keeps the weekly hours
        assertThat(call("GET", "/v1/admin/calendar/slots?service_id=" + clinic.serviceId() + "&professional_id="
                + clinic.otherId() + "&date=" + day, owner, null).json().get("slots")).hasSize(24);

        ok(call("DELETE", overridePath, owner, null), 204);
        await("the weekly hours again", () -> offered.get().size() == 24);
    }
}
