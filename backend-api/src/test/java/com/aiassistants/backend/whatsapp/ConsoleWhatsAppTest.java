package com.aiassistants.backend.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.aiassistants.backend.BackendTestBase;
import com.aiassistants.backend.tenant.AdminUsers;
import com.aiassistants.backend.tenant.AdminUsers.Role;

import tools.jackson.databind.JsonNode;

/**
 * The console's WhatsApp page through backend-api: every route against a gateway faked at its HTTP boundary
 * (the admin API's wire format and bearer token): roles, the caller's project only, validation problems.
 */
@Import(ConsoleWhatsAppTest.FakeGatewayUrl.class)
class ConsoleWhatsAppTest extends BackendTestBase {

    static final FakeGatewayAdmin FAKE = new FakeGatewayAdmin();

    @DynamicPropertySource
    static void smallPool(DynamicPropertyRegistry registry) {
        // a context of its own: keep its share of the shared test PostgreSQL small
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> 4);
    }

    /** Registered after the base class's property sources, so this gateway URL wins over its stub's. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FakeGatewayUrl {
        @Bean
        static DynamicPropertyRegistrar fakeGatewayUrl() {
            return registry -> registry.add("ai-assistants.backend.gateway.url", FAKE::url);
        }
    }

    @AfterAll
    static void stop() {
        FAKE.close();
    }

    @Autowired
    AdminUsers users;

    record Clinic(TestProject project, String owner, String admin, String staff) {
    }

    Clinic clinic() {
        TestProject project = newProject();
        FAKE.tenant(project.id());
        users.ensure("admin@" + project.id() + ".test", "admin-pass-123", Role.ADMIN, project.id(), false);
        users.ensure("staff@" + project.id() + ".test", "staff-pass-123", Role.STAFF, project.id(), false);
        return new Clinic(project, project.ownerToken(), login("admin@" + project.id() + ".test", "admin-pass-123"),
                login("staff@" + project.id() + ".test", "staff-pass-123"));
    }

    Response call(String method, String path, String token, Object body) {
        return send(method, path, bearer(token), body == null ? null : json(body));
    }

    static JsonNode ok(Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response.json();
    }

    static JsonNode problem(Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        return response.json();
    }

    @Test
    void theConnectionShowsItsQrToAdminsAndItsStateToStaff() {
        Clinic clinic = clinic();
        JsonNode owner = ok(call("GET", "/v1/admin/whatsapp/connection", clinic.owner(), null), 200);
        assertThat(owner.get("provider").asString()).isEqualTo("simulator");
        assertThat(owner.get("state").asString()).isEqualTo("needs_qr");
        assertThat(owner.get("qr_code").asString()).isEqualTo("2@first-qr");
        assertThat(owner.get("can_manage").asBoolean()).isTrue();
        assertThat(owner.get("phone_number").isNull()).as("not linked: no number yet").isTrue();
        assertThat(ok(call("GET", "/v1/admin/whatsapp/connection", clinic.admin(), null), 200).get("qr_code").asString())
                .isEqualTo("2@first-qr");
        // staff see the honest state but not the code that would link a phone
        JsonNode staff = ok(call("GET", "/v1/admin/whatsapp/connection", clinic.staff(), null), 200);
        assertThat(staff.get("state").asString()).isEqualTo("needs_qr");
        assertThat(staff.path("qr_code").isNull() || staff.path("qr_code").isMissingNode()).isTrue();
        assertThat(staff.get("can_manage").asBoolean()).isFalse();
        // once linked, the clinic's own number comes through for everyone (the Flows page's wa.me links)
        FAKE.tenants.get(clinic.project().id()).phoneNumber = "+5491122334455";
        assertThat(ok(call("GET", "/v1/admin/whatsapp/connection", clinic.owner(), null), 200).get("phone_number").asString())
                .isEqualTo("+5491122334455");
        assertThat(ok(call("GET", "/v1/admin/whatsapp/connection", clinic.staff(), null), 200).get("phone_number").asString())
                .isEqualTo("+5491122334455");
        // the gateway was asked for this project's tenant, with its admin token
        assertThat(FAKE.calls).contains("GET /admin/tenants/" + clinic.project().id() + "/connection");
        // an API key is not a console session
        assertThat(send("GET", "/v1/admin/whatsapp/connection", key(clinic.project().apiKey()), null).status()).isEqualTo(403);
        assertThat(send("GET", "/v1/admin/whatsapp/connection", Map.of(), null).status()).isEqualTo(401);
    }

    @Test
    void ownersAndAdminsLogInReconnectAndLogOutStaffMayNot() {
        Clinic clinic = clinic();
        for (String path : List.of("/v1/admin/whatsapp/reconnect", "/v1/admin/whatsapp/logout")) {
            problem(call("POST", path, clinic.staff(), null), 403);
        }
        problem(call("POST", "/v1/admin/whatsapp/pairing-code", clinic.staff(), Map.of("phone_number", "+5491100000000")), 403);

        JsonNode pairing = ok(call("POST", "/v1/admin/whatsapp/pairing-code", clinic.admin(),
                Map.of("phone_number", "+54 9 11 5555-0101")), 202);
        assertThat(pairing.get("state").asString()).isEqualTo("needs_pairing_code");
        assertThat(pairing.get("pairing_code").asString()).isEqualTo("ABCD2345");
        JsonNode invalid = problem(call("POST", "/v1/admin/whatsapp/pairing-code", clinic.admin(),
                Map.of("phone_number", "call me")), 400);
        assertThat(invalid.toString()).contains("phone_number");
        problem(call("POST", "/v1/admin/whatsapp/pairing-code", clinic.admin(), Map.of()), 400);

        assertThat(ok(call("POST", "/v1/admin/whatsapp/logout", clinic.owner(), null), 200).get("state").asString())
                .isEqualTo("logged_out");
        JsonNode again = ok(call("POST", "/v1/admin/whatsapp/reconnect", clinic.owner(), null), 202);
        assertThat(again.get("state").asString()).isEqualTo("needs_qr");
        assertThat(again.get("qr_code").asString()).isEqualTo("2@after-reconnect");

        // a provider without a session: the gateway's 400 problem comes back as one
        FAKE.tenant(clinic.project().id()).provider = "cloud";
        JsonNode unsupported = problem(call("POST", "/v1/admin/whatsapp/pairing-code", clinic.owner(),
                Map.of("phone_number", "+5491100000000")), 400);
        assertThat(unsupported.get("type").asString()).endsWith("/not-supported");
    }

    @Test
    void allowedNumbersAreReadByEveryoneAndReplacedByAdmins() {
        Clinic clinic = clinic();
        assertThat(ok(call("GET", "/v1/admin/whatsapp/allowed-numbers", clinic.staff(), null), 200).get("numbers")).isEmpty();
        problem(call("PUT", "/v1/admin/whatsapp/allowed-numbers", clinic.staff(), Map.of("numbers", List.of("+5491100000001"))), 403);
        JsonNode replaced = ok(call("PUT", "/v1/admin/whatsapp/allowed-numbers", clinic.admin(),
                Map.of("numbers", List.of("+54 9 11 0000-0001", "5491100000002"))), 200);
        assertThat(replaced.get("numbers").valueStream().map(JsonNode::asString)).containsExactly("5491100000001", "5491100000002");
        assertThat(ok(call("GET", "/v1/admin/whatsapp/allowed-numbers", clinic.staff(), null), 200).get("numbers")).hasSize(2);

        JsonNode bad = problem(call("PUT", "/v1/admin/whatsapp/allowed-numbers", clinic.admin(),
                Map.of("numbers", List.of("5491100000001", "not a number"))), 400);
        assertThat(bad.toString()).contains("numbers[1]");
        problem(call("PUT", "/v1/admin/whatsapp/allowed-numbers", clinic.admin(), Map.of()), 400);
    }

    @Test
    void failedInboundMessagesAreListedAndRequeuedByAdmins() {
        Clinic clinic = clinic();
        FakeGatewayAdmin.Tenant tenant = FAKE.tenant(clinic.project().id());
        tenant.failed.add(Map.of("id", 41, "from_number", "5491155550101", "kind", "text", "text", "hola",
                "received_at", "2026-01-15T10:00:00Z", "attempts", 15, "last_error", "HTTP 503"));
        tenant.failed.add(Map.of("id", 42, "from_number", "5491155550102", "kind", "text", "text", "turno",
                "received_at", "2026-01-15T10:01:00Z", "attempts", 1, "last_error", "HTTP 422"));
        JsonNode failed = ok(call("GET", "/v1/admin/whatsapp/failed-messages?limit=10", clinic.staff(), null), 200);
        assertThat(failed).hasSize(2);
        assertThat(failed.get(0).get("from_number").asString()).isEqualTo("5491155550101");
        assertThat(failed.get(0).get("last_error").asString()).isEqualTo("HTTP 503");
        assertThat(FAKE.calls).contains("GET /admin/tenants/" + clinic.project().id() + "/inbox/failed?limit=10");
        problem(call("GET", "/v1/admin/whatsapp/failed-messages?limit=0", clinic.staff(), null), 400);
        problem(call("GET", "/v1/admin/whatsapp/failed-messages?limit=501", clinic.staff(), null), 400);

        problem(call("POST", "/v1/admin/whatsapp/failed-messages/retry", clinic.staff(), Map.of("ids", List.of(41))), 403);
        JsonNode requeued = ok(call("POST", "/v1/admin/whatsapp/failed-messages/retry", clinic.admin(),
                Map.of("ids", List.of(41))), 202);
        assertThat(requeued.get("requeued").valueStream().map(JsonNode::asLong)).containsExactly(41L);
        problem(call("POST", "/v1/admin/whatsapp/failed-messages/retry", clinic.admin(), Map.of("ids", "all")), 400);
        // no ids: all of them
        assertThat(ok(call("POST", "/v1/admin/whatsapp/failed-messages/retry", clinic.owner(), Map.of()), 202)
                .get("requeued").valueStream().map(JsonNode::asLong)).containsExactly(42L);
        assertThat(ok(call("GET", "/v1/admin/whatsapp/failed-messages", clinic.staff(), null), 200)).isEmpty();
    }

    @Test
    void recentMessagesCarryTheirDeliveryStatus() {
        Clinic clinic = clinic();
        FAKE.tenant(clinic.project().id()).messages.add(Map.of("id", 7, "tenant_id", clinic.project().id(),
                "to_number", "5491155550101", "kind", "text", "status", "sent", "delivery_status", "read", "attempts", 1,
                "idempotency_key", "6a1c1f52-0000-4000-8000-000000000000", "created_at", "2026-01-15T10:00:00Z",
                "sent_at", "2026-01-15T10:00:01Z"));
        JsonNode recent = ok(call("GET", "/v1/admin/whatsapp/messages?limit=5", clinic.staff(), null), 200);
        assertThat(recent).hasSize(1);
        assertThat(recent.get(0).get("delivery_status").asString()).isEqualTo("read");
        assertThat(recent.get(0).get("to_number").asString()).isEqualTo("5491155550101");
        assertThat(FAKE.calls).contains("GET /admin/tenants/" + clinic.project().id() + "/messages?limit=5");
        problem(call("GET", "/v1/admin/whatsapp/messages?limit=201", clinic.staff(), null), 400);
    }

    @Test
    void eachProjectSeesOnlyItsOwnNumber() {
        Clinic one = clinic();
        Clinic two = clinic();
        FAKE.tenant(one.project().id()).allowed.add("5491100000009");
        assertThat(ok(call("GET", "/v1/admin/whatsapp/allowed-numbers", two.owner(), null), 200).get("numbers")).isEmpty();
        ok(call("POST", "/v1/admin/whatsapp/logout", two.owner(), null), 200);
        assertThat(FAKE.tenant(one.project().id()).state).isEqualTo("needs_qr");
        // a project the gateway does not serve is a 404 problem, not an error
        TestProject absent = newProject();
        JsonNode missing = problem(call("GET", "/v1/admin/whatsapp/connection", absent.ownerToken(), null), 404);
        assertThat(missing.get("type").asString()).endsWith("/whatsapp-not-configured");
        // a superadmin acts on the project named in X-Project-Id
        Map<String, String> headers = new java.util.HashMap<>(bearer(superadminToken()));
        headers.put("X-Project-Id", one.project().id());
        assertThat(send("GET", "/v1/admin/whatsapp/allowed-numbers", headers, null).json().get("numbers").get(0).asString())
                .isEqualTo("5491100000009");
    }

    @Test
    void aFailingGatewayIsABadGatewayProblem() {
        Clinic clinic = clinic();
        FAKE.tenant(clinic.project().id()).down = true;
        JsonNode down = problem(call("GET", "/v1/admin/whatsapp/connection", clinic.owner(), null), 502);
        assertThat(down.get("type").asString()).endsWith("/gateway-rejected");
    }
}
