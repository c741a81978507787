package com.aiassistants.backend.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.aiassistants.backend.BackendTestBase;
import com.aiassistants.backend.orders.Claims;
import com.aiassistants.backend.tenant.AdminUsers;
import com.aiassistants.backend.tenant.AdminUsers.Role;
import com.aiassistants.common.testsupport.ServiceProcess;
import com.aiassistants.common.testsupport.TestPostgres;

import tools.jackson.databind.JsonNode;

/**
 * The console's customers routes against the real mcp-professionals, mcp-calendar and mcp-booking-log: list
 * and profile for every role, forget / export / erase for admins only, tenant isolation, problem details, and
 * an erasure that leaves no personal data in any table of backend-api or of the scheduling services (read
 * with SQL, not through the API).
 */
class ConsoleCustomersTest extends BackendTestBase {

    static final String TOKEN = "customers-console-token-0123456789";
    static final ZoneId BA = ZoneId.of("America/Argentina/Buenos_Aires");
    static TestPostgres.Database schedulingDb;
    static ServiceProcess professionals;
    static ServiceProcess bookingLog;
    static ServiceProcess calendar;

    @Autowired
    AdminUsers users;

    @Autowired
    Claims claims;

    @DynamicPropertySource
    static void schedulingServices(DynamicPropertyRegistry registry) {
        schedulingDb = TestPostgres.createDatabase("customers_console");
        Map<String, String> env = new HashMap<>(Map.of("AI_ASSISTANTS_MCP_TOKEN", TOKEN));
        List<String> small = List.of("--spring.datasource.hikari.maximum-pool-size=3");
        professionals = ServiceProcess.start("mcp-professionals", schedulingDb, env, small);
        bookingLog = ServiceProcess.start("mcp-booking-log", schedulingDb, env, small);
        env.put("AI_ASSISTANTS_MCP_PROFESSIONALS_URL", professionals.baseUrl().toString());
        env.put("AI_ASSISTANTS_MCP_BOOKING_LOG_URL", bookingLog.baseUrl().toString());
        calendar = ServiceProcess.start("mcp-calendar", schedulingDb, env, small);
        registry.add("ai-assistants.backend.mcp.professionals.url", () -> professionals.baseUrl().toString());
        registry.add("ai-assistants.backend.mcp.calendar.url", () -> calendar.baseUrl().toString());
        registry.add("ai-assistants.backend.mcp.booking-log.url", () -> bookingLog.baseUrl().toString());
        registry.add("ai-assistants.backend.mcp.professionals.token", () -> TOKEN);
        registry.add("ai-assistants.backend.mcp.calendar.token", () -> TOKEN);
        registry.add("ai-assistants.backend.mcp.booking-log.token", () -> TOKEN);
        // a busy shared machine answers slower than production's 2 s budget
        for (String service : List.of("professionals", "calendar", "booking-log")) {
            registry.add("ai-assistants.backend.mcp." + service + ".timeout", () -> "10s");
        }
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

    record Clinic(TestProject project, String staffToken, String adminToken, String professionalId, String serviceId) {
    }

    Response call(String method, String path, String token, Object body) {
        return send(method, path, bearer(token), body == null ? null : json(body));
    }

    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    JsonNode ok(Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response.body() == null || response.body().isEmpty() ? null : response.json();
    }

    static void problem(Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
    }

    static String path(String customerId) {
        return "/v1/admin/customers/" + URLEncoder.encode(customerId, StandardCharsets.UTF_8);
    }

    Clinic clinic() throws InterruptedException {
        TestProject project = newProject();
        String owner = project.ownerToken();
        // the scheduling services answer (their first calls are slow on a busy machine)
        await("mcp-professionals answers", () -> call("GET", "/v1/admin/catalogue/services", owner, null).status() == 200);
        String service = ok(call("POST", "/v1/admin/catalogue/services", owner, map("name", "Consulta",
                "description", null, "duration_minutes", 30, "buffer_minutes", 0, "price", 1000, "currency", "ARS",
                "active", true, "professional_ids", List.of())), 201).get("id").asString();
        String perez = ok(call("POST", "/v1/admin/catalogue/professionals", owner, map("name", "Dra. Pérez",
                "specialty", null, "email", null, "phone", null, "active", true, "service_ids", List.of(service))),
                201).get("id").asString();
        List<Map<String, Object>> ranges = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            ranges.add(map("day_of_week", day.name(), "start", "08:00", "end", "20:00"));
        }
        ok(call("PUT", "/v1/admin/catalogue/professionals/" + perez + "/hours", owner, map("ranges", ranges)), 200);
        users.ensure("staff@" + project.id() + ".test", "staff-pass-123", Role.STAFF, project.id(), false);
        users.ensure("admin@" + project.id() + ".test", "admin-pass-123", Role.ADMIN, project.id(), false);
        return new Clinic(project, login("staff@" + project.id() + ".test", "staff-pass-123"),
                login("admin@" + project.id() + ".test", "admin-pass-123"), perez, service);
    }

    /** A WhatsApp patient who chatted (name from WhatsApp, remembered name) and has a staff booking with notes. */
    String patient(Clinic clinic, String name, int hour, String complaint) {
        return patient(clinic, name, name, hour, complaint);
    }

    /** A patient whose WhatsApp profile shows {@code profileName} and who tells the assistant {@code name}. */
    String patient(Clinic clinic, String profileName, String name, int hour, String complaint) {
        String phone = phone();
        for (String text : List.of("hola, me duele la " + complaint, "remember " + name)) {
            Map<String, Object> body = map("message_id", uniqueId("wamid"), "from_number", phone, "text", text,
                    "timestamp_iso", Instant.now().toString(), "customer_name", profileName);
            ok(whatsapp(clinic.project(), json(body)), 200);
        }
        LocalDate day = LocalDate.now(BA).plusDays(1);
        ok(call("POST", "/v1/admin/calendar/bookings", clinic.staffToken(), map("service_id", clinic.serviceId(),
                "professional_id", clinic.professionalId(), "start",
                day.atTime(LocalTime.of(hour, 0)).atZone(BA).toInstant().toString(), "customer_id", null, "phone", phone,
                "customer_name", name, "notes", complaint, "notify_patient", false,
                "idempotency_key", UUID.randomUUID().toString())), 201);
        return phone;
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    /** Rows of the scheduling services' database whose text contains {@code needle}. */
    static List<String> schedulingRowsContaining(String tenant, String needle) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(schedulingDb.jdbcUrl(), schedulingDb.username(),
                schedulingDb.password())) {
            for (String table : List.of("calendar.booking", "calendar.booking_event_outbox", "booking_log.booking_events")) {
                var statement = c.prepareStatement("select t::text from " + table + " t where tenant_id = ? and t::text ilike ?");
                statement.setString(1, tenant);
                statement.setString(2, "%" + needle + "%");
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        found.add(table + ": " + rs.getString(1));
                    }
                }
            }
        }
        return found;
    }

    static int schedulingCount(String sql, String tenant) throws SQLException {
        try (Connection c = DriverManager.getConnection(schedulingDb.jdbcUrl(), schedulingDb.username(),
                schedulingDb.password())) {
            var statement = c.prepareStatement(sql);
            statement.setString(1, tenant);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Rows of backend-api's tables of the project whose text contains {@code needle}. */
    List<String> backendRowsContaining(String projectId, String needle) {
        List<String> found = new ArrayList<>();
        for (String table : List.of("conversation", "message", "processed_message", "customer_memory", "job",
                "reminder", "reminder_opt_out", "audit_event", "claim", "link_access_outbox")) {
            found.addAll(jdbc.sql("select '" + table + ": ' || t::text from " + table
                    + " t where project_id = ? and t::text ilike ?").params(projectId, "%" + needle + "%")
                    .query(String.class).list());
        }
        return found;
    }

    // ---- tests ----

    @Test
    void listProfileAndForgetWithRolesAndIsolation() throws Exception {
        Clinic clinic = clinic();
        String phone = patient(clinic, "Rosa Olvido", 9, "rodilla izquierda");
        String other = patient(clinic, "Mario Otro", 10, "muela");

        JsonNode page = ok(call("GET", "/v1/admin/customers?q=rosa", clinic.staffToken(), null), 200);
        assertThat(page.get("customers").findValuesAsString("customer_id")).containsExactly(phone);
        JsonNode rosa = page.get("customers").get(0);
        assertThat(rosa.get("name").asString()).isEqualTo("Rosa Olvido");
        assertThat(rosa.get("phone").asString()).isEqualTo(phone);
        assertThat(rosa.get("channels").get(0).asString()).isEqualTo("whatsapp");
        assertThat(rosa.get("conversations").asInt()).isEqualTo(1);
        String digits = phone.substring(phone.length() - 6);
        assertThat(ok(call("GET", "/v1/admin/customers?q=" + digits, clinic.staffToken(), null), 200).get("customers")
                .findValuesAsString("customer_id")).containsExactly(phone);
        assertThat(ok(call("GET", "/v1/admin/customers", clinic.staffToken(), null), 200).get("customers")
                .findValuesAsString("customer_id")).containsExactlyInAnyOrder(phone, other);

        JsonNode profile = ok(call("GET", path(phone), clinic.staffToken(), null), 200);
        assertThat(profile.get("conversations")).hasSize(1);
        assertThat(profile.get("conversations").get(0).get("id").asString()).isEqualTo("whatsapp:" + phone);
        assertThat(profile.get("memory").findValuesAsString("key")).containsExactly("name");
        assertThat(profile.get("memory").get(0).get("value").asString()).isEqualTo("Rosa Olvido");
        assertThat(profile.get("memory").get(0).get("expires_at").asString()).isNotBlank();
        assertThat(profile.get("bookings")).hasSize(1);
        assertThat(profile.get("bookings").get(0).get("notes").asString()).isEqualTo("rodilla izquierda");

        // staff read only; admins forget one item, then nothing is left to forget
        problem(call("DELETE", path(phone) + "/memory/name", clinic.staffToken(), null), 403);
        problem(call("POST", path(phone) + "/erase", clinic.staffToken(), null), 403);
        problem(call("GET", path(phone) + "/export", clinic.staffToken(), null), 403);
        ok(call("DELETE", path(phone) + "/memory/name", clinic.adminToken(), null), 204);
        problem(call("DELETE", path(phone) + "/memory/name", clinic.adminToken(), null), 404);
        problem(call("DELETE", path(phone) + "/memory", clinic.adminToken(), null), 404);
        JsonNode after = ok(call("GET", path(phone), clinic.staffToken(), null), 200);
        assertThat(after.get("memory")).isEmpty();
        assertThat(after.get("audit").findValuesAsString("action")).containsExactly("memory_forgotten");
        assertThat(after.get("audit").get(0).get("actor").asString()).isEqualTo("staff:admin@" + clinic.project().id() + ".test");
        assertThat(jdbc.sql("select count(*) from customer_memory where project_id = ? and customer_id = ?")
                .params(clinic.project().id(), phone).query(Integer.class).single()).isZero();
        ok(call("DELETE", path(other) + "/memory", clinic.project().ownerToken(), null), 204);

        // another project sees none of it, on any route; an API key is refused
        TestProject stranger = newProject();
        assertThat(ok(call("GET", "/v1/admin/customers", stranger.ownerToken(), null), 200).get("customers")).isEmpty();
        problem(call("GET", path(phone), stranger.ownerToken(), null), 404);
        problem(call("GET", path(phone) + "/export", stranger.ownerToken(), null), 404);
        problem(call("POST", path(phone) + "/erase", stranger.ownerToken(), null), 404);
        problem(call("DELETE", path(other) + "/memory", stranger.ownerToken(), null), 404);
        problem(send("GET", "/v1/admin/customers", key(clinic.project().apiKey()), null), 403);

        // bad input is a problem, never a 500
        problem(call("GET", "/v1/admin/customers?limit=0", clinic.staffToken(), null), 400);
        problem(call("GET", "/v1/admin/customers?limit=abc", clinic.staffToken(), null), 400);
        problem(call("GET", path("x".repeat(300)), clinic.staffToken(), null), 400);
        problem(call("GET", path("+5491100000000"), clinic.staffToken(), null), 404);
    }

    @Test
    void theListNamesThePatientAsTheyToldTheAssistantNotByTheirWhatsAppProfile() throws Exception {
        Clinic clinic = clinic();
        String phone = patient(clinic, "Ro 🌸", "Rosa Dada", 11, "espalda");
        JsonNode found = ok(call("GET", "/v1/admin/customers?q=dada", clinic.staffToken(), null), 200).get("customers");
        assertThat(found.findValuesAsString("customer_id")).containsExactly(phone);
        assertThat(found.get(0).get("name").asString()).isEqualTo("Rosa Dada");
        String digits = phone.substring(phone.length() - 6);
        assertThat(ok(call("GET", "/v1/admin/customers?q=" + digits, clinic.staffToken(), null), 200).get("customers")
                .get(0).get("name").asString()).isEqualTo("Rosa Dada");
        assertThat(ok(call("GET", path(phone), clinic.staffToken(), null), 200).get("customer").get("name").asString())
                .isEqualTo("Rosa Dada");

        // forgotten by the clinic: the profile name is all that is left
        ok(call("DELETE", path(phone) + "/memory/name", clinic.adminToken(), null), 204);
        assertThat(ok(call("GET", "/v1/admin/customers?q=" + digits, clinic.staffToken(), null), 200).get("customers")
                .get(0).get("name").asString()).isEqualTo("Ro 🌸");
        assertThat(ok(call("GET", "/v1/admin/customers?q=dada", clinic.staffToken(), null), 200).get("customers")).isEmpty();
    }

    @Test
    void exportHoldsEveryRowAndEraseLeavesNoPersonalData() throws Exception {
        Clinic clinic = clinic();
        String project = clinic.project().id();
        String phone = patient(clinic, "Rosa Borrable", 9, "rodilla izquierda");
        String other = patient(clinic, "Mario Queda", 10, "muela");
        await("the booking log gets the bookings' events", () -> {
            try {
                return schedulingCount("select count(*) from booking_log.booking_events where tenant_id = ?", project) >= 2;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });

        // WhatsApp says the patient now writes from another number: staff see it on both customers' pages, once
        String newNumber = phone();
        String notice = json(Map.of("kind", "number_changed", "message_id", "wamid.HBgLchanged+/=", "from_number",
                phone.substring(1), "new_number", newNumber.substring(1), "timestamp_iso", Instant.now().toString()));
        ok(whatsapp(clinic.project(), "/v1/channels/whatsapp/gateway/notices", notice), 204);
        ok(whatsapp(clinic.project(), "/v1/channels/whatsapp/gateway/notices", notice), 204);
        JsonNode audit = ok(call("GET", path(phone), clinic.staffToken(), null), 200).get("audit");
        assertThat(audit.findValuesAsString("action")).containsExactly("number_changed");
        assertThat(audit.get(0).get("actor").asString()).isEqualTo("whatsapp");
        assertThat(audit.get(0).get("details").get("from_number").asString()).isEqualTo(phone);
        assertThat(audit.get(0).get("details").get("to_number").asString()).isEqualTo(newNumber);
        assertThat(jdbc.sql("select count(*) from audit_event where project_id = ? and subject = ? and action = 'number_changed'")
                .params(project, newNumber).query(Integer.class).single()).isEqualTo(1);
        // signed like a message; anything else is a problem, never a 500
        problem(send("POST", "/v1/channels/whatsapp/gateway/notices", key(clinic.project().apiKey()), notice), 401);
        problem(whatsapp(clinic.project(), "/v1/channels/whatsapp/gateway/notices", json(Map.of("kind", "number_changed",
                "message_id", "m-1", "from_number", phone, "new_number", "not a number"))), 400);
        problem(whatsapp(clinic.project(), "/v1/channels/whatsapp/gateway/notices", json(Map.of("kind", "holiday",
                "message_id", "m-2", "from_number", phone, "new_number", newNumber))), 400);
        problem(whatsapp(clinic.project(), "/v1/channels/whatsapp/gateway/notices", "{not json"), 400);

        // a claim the shop's hook accepted (orders.Claims, as the assistant stores it) and an activation-code access
        // still on its way to the booking log both name the patient
        claims.store(project, phone, "whatsapp:" + phone, "1234", "la rodilla ortopédica llegó rota", "CL-9", "abierto");
        jdbc.sql("""
                insert into link_access_outbox (id, project_id, code, action, channel, customer_id, accessed_at, next_attempt_at)
                values (gen_random_uuid(), ?, 'PROMO', 'book', 'whatsapp', ?, now(), now() + interval '1 day')""")
                .params(project, phone).update();

        Response download = call("GET", path(phone) + "/export", clinic.adminToken(), null);
        JsonNode export = ok(download, 200);
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment")
                .contains(".json");
        assertThat(export.get("customer_id").asString()).isEqualTo(phone);
        JsonNode conversation = export.get("conversations").get(0);
        assertThat(conversation.get("customer_name").asString()).isEqualTo("Rosa Borrable");
        assertThat(conversation.get("messages").findValuesAsString("text")).contains("hola, me duele la rodilla izquierda",
                "remember Rosa Borrable");
        assertThat(export.get("memory").findValuesAsString("value")).containsExactly("Rosa Borrable");
        assertThat(export.get("bookings")).hasSize(1);
        assertThat(export.get("bookings").get(0).get("notes").asString()).isEqualTo("rodilla izquierda");
        assertThat(export.get("booking_events")).isNotEmpty();
        assertThat(export.get("booking_events").get(0).get("customer_id").asString()).isEqualTo(phone);
        assertThat(export.get("processed_messages")).hasSize(2);
        assertThat(export.get("claims")).hasSize(1);
        assertThat(export.get("claims").get(0).get("hook_claim_id").asString()).isEqualTo("CL-9");
        assertThat(export.get("claims").get(0).get("description").asString()).isEqualTo("la rodilla ortopédica llegó rota");
        assertThat(export.get("link_accesses_pending").findValuesAsString("code")).containsExactly("PROMO");
        for (String table : List.of("reminders", "reminder_opt_out", "jobs", "audit")) {
            assertThat(export.has(table)).as(table).isTrue();
        }
        // every row of backend-api's tables that names the patient is in the export
        int messages = jdbc.sql("select count(*) from message where project_id = ? and conversation_id = ?")
                .params(project, "whatsapp:" + phone).query(Integer.class).single();
        assertThat(conversation.get("messages")).hasSize(messages);

        JsonNode erased = ok(call("POST", path(phone) + "/erase", clinic.adminToken(), null), 200);
        String erasedAs = erased.get("erased_as").asString();
        assertThat(erasedAs).startsWith("erased:");
        assertThat(erased.get("conversations").asInt()).isEqualTo(1);
        assertThat(erased.get("messages").asInt()).isEqualTo(messages);
        assertThat(erased.get("memory_items").asInt()).isEqualTo(1);
        assertThat(erased.get("bookings").asInt()).isEqualTo(1);
        assertThat(erased.get("booking_events").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(erased.get("gateway").asString()).isEqualTo("erased");
        assertThat(GATEWAY.receivedAt("/admin/tenants/" + project + "/customers/erase"))
                .anySatisfy(r -> assertThat(r.bodyText()).contains(phone));

        // nothing names the patient anywhere: phone (with or without +), name, message texts, notes
        for (String needle : List.of(phone.substring(1), "Borrable", "rodilla")) {
            assertThat(backendRowsContaining(project, needle)).as(needle).isEmpty();
            assertThat(schedulingRowsContaining(project, needle)).as(needle).isEmpty();
        }
        // anonymous rows stay for the figures: the conversation, its messages, the booking and its events
        assertThat(jdbc.sql("select count(*) from message where project_id = ? and conversation_id like ?")
                .params(project, erasedAs + "%").query(Integer.class).single()).isEqualTo(messages);
        assertThat(schedulingCount("select count(*) from calendar.booking where tenant_id = ? and customer_id like 'erased:%'",
                project)).isEqualTo(1);
        // the erasure is in the audit under the anonymous id; the other patient is untouched
        assertThat(jdbc.sql("select action from audit_event where project_id = ? and subject = ? order by id")
                .params(project, erasedAs).query(String.class).list()).containsExactly("number_changed", "exported", "erased");
        // the new number's notice no longer names the erased patient
        assertThat(jdbc.sql("select details ->> 'from_number' from audit_event where project_id = ? and subject = ?")
                .params(project, newNumber).query(String.class).single()).isEqualTo(erasedAs);
        assertThat(backendRowsContaining(project, "Mario Queda")).isNotEmpty();
        assertThat(schedulingRowsContaining(project, other.substring(1))).isNotEmpty();
        problem(call("GET", path(phone), clinic.staffToken(), null), 404);
        problem(call("POST", path(phone) + "/erase", clinic.adminToken(), null), 404);
        problem(call("POST", path(erasedAs) + "/erase", clinic.adminToken(), null), 409);
        assertThat(ok(call("GET", "/v1/admin/customers", clinic.staffToken(), null), 200).get("customers")
                .findValuesAsString("customer_id")).containsExactly(other);

        // the patient writing again is a new patient
        ok(whatsapp(clinic.project(), whatsappBody(uniqueId("wamid"), phone, "hola de nuevo")), 200);
        assertThat(ok(call("GET", path(phone), clinic.staffToken(), null), 200).get("memory")).isEmpty();
    }
}
