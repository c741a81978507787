package com.aiassistants.backend.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.aiassistants.backend.BackendTestBase;
import com.aiassistants.backend.WsClient;
import com.aiassistants.backend.memory.CustomerMemory;
import com.aiassistants.backend.tenant.AdminUsers;
import com.aiassistants.backend.tenant.AdminUsers.Role;

import tools.jackson.databind.JsonNode;

/** The console's inbox API: envelope, search, filters, state, unread counts, booking events, roles, /me. */
class ConsoleInboxTest extends BackendTestBase {

    @Autowired
    AdminUsers users;

    @Autowired
    CustomerMemory memory;

    Response get(String path, String token) {
        return send("GET", path, bearer(token), null);
    }

    String staffOf(TestProject project) {
        String email = "staff@" + project.id() + ".test";
        users.ensure(email, "staff-pass-123", Role.STAFF, project.id(), false);
        return login(email, "staff-pass-123");
    }

    @Test
    void listIsAnEnvelopeWithStateUnreadCountsAndLastMessage() {
        TestProject project = newProject();
        String ana = phone();
        String luis = phone();
        whatsapp(project, whatsappBody(uniqueId("w"), ana, "hola"));
        whatsapp(project, whatsappBody(uniqueId("w"), ana, "quiero un turno"));
        whatsapp(project, whatsappBody(uniqueId("w"), luis, "buenas"));

        JsonNode page = get("/v1/admin/conversations", project.ownerToken()).json();
        assertThat(page.get("total").asLong()).isEqualTo(2);
        JsonNode first = page.get("items").get(0);
        assertThat(first.get("conversation_id").asString()).isEqualTo("whatsapp:" + luis);
        assertThat(first.get("customer_id_masked").asString()).isEqualTo("***" + luis.substring(luis.length() - 4))
                .doesNotContain(luis.substring(0, 8));
        assertThat(first.get("last_message_text").asString()).isEqualTo("echo 1: buenas");
        assertThat(first.get("last_message_role").asString()).isEqualTo("assistant");
        assertThat(first.get("state").asString()).isEqualTo("bot");
        assertThat(first.get("channel").asString()).isEqualTo("whatsapp");
        JsonNode second = page.get("items").get(1);
        assertThat(second.get("unread_count").asLong()).isEqualTo(2);

        assertThat(send("POST", "/v1/admin/conversations/whatsapp:" + ana + "/read", bearer(project.ownerToken()), null)
                .status()).isEqualTo(204);
        assertThat(get("/v1/admin/conversations?q=" + ana.substring(ana.length() - 6), project.ownerToken()).json()
                .get("items").get(0).get("unread_count").asLong()).isZero();
        whatsapp(project, whatsappBody(uniqueId("w"), ana, "¿sigue ahí?"));
        assertThat(get("/v1/admin/conversations?q=" + ana.substring(ana.length() - 6), project.ownerToken()).json()
                .get("items").get(0).get("unread_count").asLong()).isEqualTo(1);

        assertThat(send("POST", "/v1/admin/conversations/whatsapp:+0000/read", bearer(project.ownerToken()), null)
                .status()).isEqualTo(404);
    }

    @Test
    void searchAndFiltersNarrowTheList() {
        TestProject project = newProject();
        String ana = phone();
        whatsapp(project, json(Map.of("message_id", uniqueId("w"), "from_number", ana, "text", "necesito una limpieza dental",
                "timestamp_iso", java.time.Instant.now().toString(), "customer_name", "Ana Pérez")));
        web(project, "web-7", "hola desde la web");

        assertThat(total("/v1/admin/conversations?q=LIMPIEZA", project)).isEqualTo(1);
        assertThat(total("/v1/admin/conversations?q=p%C3%A9rez", project)).isEqualTo(1);
        assertThat(total("/v1/admin/conversations?q=" + ana.substring(ana.length() - 5), project)).isEqualTo(1);
        assertThat(total("/v1/admin/conversations?q=100%25", project)).isZero();
        assertThat(total("/v1/admin/conversations?channel=web", project)).isEqualTo(1);
        assertThat(total("/v1/admin/conversations?channel=whatsapp&state=bot", project)).isEqualTo(1);
        assertThat(total("/v1/admin/conversations?state=staff", project)).isZero();
        assertThat(get("/v1/admin/conversations?state=sleeping", project.ownerToken()).status()).isEqualTo(400);
        assertThat(get("/v1/admin/conversations?limit=0", project.ownerToken()).status()).isEqualTo(400);
        JsonNode paged = get("/v1/admin/conversations?limit=1&offset=1", project.ownerToken()).json();
        assertThat(paged.get("items")).hasSize(1);
        assertThat(paged.get("total").asLong()).isEqualTo(2);
    }

    @Test
    void aPatientIsNamedByTheNameTheyGaveTheAssistantBeforeTheirProfileName() {
        TestProject project = newProject();
        String ana = phone();
        String luis = phone();
        whatsapp(project, json(Map.of("message_id", uniqueId("w"), "from_number", ana, "text", "hola",
                "timestamp_iso", java.time.Instant.now().toString(), "customer_name", "Anita 🌸")));
        whatsapp(project, whatsappBody(uniqueId("w"), luis, "buenas"));
        java.time.Instant now = java.time.Instant.now();
        memory.write(project.id(), ana, Map.of("name", "Ana Pérez"), java.time.Duration.ofDays(1), now);
        memory.write(project.id(), luis, Map.of("name", "Luis Gómez"), java.time.Duration.ofDays(1),
                now.minus(java.time.Duration.ofDays(2)));

        JsonNode items = get("/v1/admin/conversations", project.ownerToken()).json().get("items");
        java.util.List<String> names = new java.util.ArrayList<>();
        items.forEach(item -> names.add(item.get("customer_name").isNull() ? null : item.get("customer_name").asString()));
        assertThat(names).as("Luis's name expired; Ana's replaces her profile name").containsExactly(null, "Ana Pérez");
        assertThat(total("/v1/admin/conversations?q=ana%20p%C3%A9rez", project)).isEqualTo(1);
        assertThat(total("/v1/admin/conversations?q=anita", project)).as("the profile name still finds them").isEqualTo(1);
        assertThat(total("/v1/admin/conversations?q=luis", project)).as("an expired name is forgotten").isZero();
    }

    long total(String path, TestProject project) {
        Response response = get(path, project.ownerToken());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("total").asLong();
    }

    @Test
    void askingForAPersonFlagsNeedsHumanLiveUntilStaffTakesOver() throws Exception {
        TestProject project = newProject();
        String from = phone();
        String conversation = "whatsapp:" + from;
        whatsapp(project, whatsappBody(uniqueId("w"), from, "hola"));
        String wsToken = send("POST", "/v1/ws/tokens", bearer(project.ownerToken()), "{}").text("token");
        try (WsClient console = new WsClient("ws://localhost:" + port + "/v1/ws/events?token=" + wsToken)) {
            // the test assistant just echoes: the turn path itself notices the request
            whatsapp(project, whatsappBody(uniqueId("w"), from, "quiero hablar con una persona"));
            JsonNode flagged = console.next("needs_human");
            assertThat(flagged.get("conversation_id").asString()).isEqualTo(conversation);
        }
        JsonNode item = get("/v1/admin/conversations?state=needs_human", project.ownerToken()).json().get("items").get(0);
        assertThat(item.get("conversation_id").asString()).isEqualTo(conversation);
        assertThat(item.get("needs_human_since").isNull()).isFalse();

        send("POST", "/v1/admin/conversations/" + conversation + "/pause", bearer(project.ownerToken()), null);
        assertThat(get("/v1/admin/conversations", project.ownerToken()).json().get("items").get(0).get("state").asString())
                .isEqualTo("staff");
        send("POST", "/v1/admin/conversations/" + conversation + "/resume", bearer(project.ownerToken()), null);
        assertThat(get("/v1/admin/conversations", project.ownerToken()).json().get("items").get(0).get("state").asString())
                .isEqualTo("bot");

        // the assistant's own hand-off (it pauses itself) is "needs a human" too
        whatsapp(project, whatsappBody(uniqueId("w"), from, "handoff"));
        JsonNode handedOff = get("/v1/admin/conversations", project.ownerToken()).json().get("items").get(0);
        assertThat(handedOff.get("state").asString()).isEqualTo("needs_human");
        assertThat(handedOff.get("paused").asBoolean()).isTrue();
    }

    @Test
    void bookingEventsAppearInlineInTheThreadButNotInTheAssistantsHistory() {
        TestProject project = newProject();
        web(project, "b-2", "book");
        web(project, "b-2", "hola");
        JsonNode thread = get("/v1/admin/conversations/b-2/messages", project.ownerToken()).json();
        assertThat(thread.findValuesAsString("role")).containsExactly("user", "assistant", "system", "user", "assistant");
        JsonNode booking = thread.get(2);
        assertThat(booking.get("kind").asString()).isEqualTo("booking");
        assertThat(booking.get("booking_ids").get(0).asString()).isEqualTo("bk-1");
        assertThat(thread.get(0).get("kind").asString()).isEqualTo("text");
        // the list's last message is never the system row
        web(project, "b-3", "book");
        JsonNode item = get("/v1/admin/conversations?q=Reservado", project.ownerToken()).json().get("items").get(0);
        assertThat(item.get("last_message_text").asString()).isEqualTo("Reservado");
        JsonNode older = get("/v1/admin/conversations/b-2/messages?before_id=" + thread.get(2).get("id").asLong(),
                project.ownerToken()).json();
        assertThat(older).hasSize(2);
    }

    @Test
    void meDescribesTheUserAndTheirProjects() {
        TestProject project = newProject();
        JsonNode me = get("/v1/admin/me", project.ownerToken()).json();
        assertThat(me.get("email").asString()).isEqualTo("owner@" + project.id() + ".test");
        assertThat(me.get("role").asString()).isEqualTo("owner");
        assertThat(me.get("project_id").asString()).isEqualTo(project.id());
        assertThat(me.get("superadmin").asBoolean()).isFalse();
        assertThat(me.get("projects")).hasSize(1);
        assertThat(me.get("projects").get(0).get("time_zone").asString()).isEqualTo("America/Argentina/Buenos_Aires");
        assertThat(me.get("projects").get(0).get("locale").asString()).isEqualTo("es");

        Map<String, String> superadmin = Map.of("Authorization", "Bearer " + superadminToken(), "X-Project-Id", project.id());
        JsonNode chosen = send("GET", "/v1/admin/me", superadmin, null).json();
        assertThat(chosen.get("superadmin").asBoolean()).isTrue();
        assertThat(chosen.get("project_id").asString()).isEqualTo(project.id());
        assertThat(chosen.get("projects").findValuesAsString("project_id")).contains(project.id(), "demo");
        assertThat(send("GET", "/v1/admin/me", Map.of("Authorization", "Bearer " + superadminToken(),
                "X-Project-Id", "no-such-project"), null).status()).isEqualTo(404);
        assertThat(send("GET", "/v1/admin/me", key(project.apiKey()), null).status()).isEqualTo(403);
        assertThat(send("GET", "/v1/admin/me", Map.of(), null).status()).isEqualTo(401);
    }

    @Test
    void superadminSwitchesProjectsWithTheHeader() {
        TestProject a = newProject();
        TestProject b = newProject();
        web(a, "only-in-a", "hola");
        web(b, "only-in-b", "hola");
        String token = superadminToken();
        JsonNode inA = send("GET", "/v1/admin/conversations", Map.of("Authorization", "Bearer " + token, "X-Project-Id", a.id()),
                null).json();
        assertThat(inA.get("items").findValuesAsString("conversation_id")).containsExactly("only-in-a");
        JsonNode inB = send("GET", "/v1/admin/conversations", Map.of("Authorization", "Bearer " + token, "X-Project-Id", b.id()),
                null).json();
        assertThat(inB.get("items").findValuesAsString("conversation_id")).containsExactly("only-in-b");
        // an owner cannot switch
        JsonNode owner = send("GET", "/v1/admin/conversations",
                Map.of("Authorization", "Bearer " + a.ownerToken(), "X-Project-Id", b.id()), null).json();
        assertThat(owner.get("items").findValuesAsString("conversation_id")).containsExactly("only-in-a");
    }

    @Test
    void staffReachesTheInboxButNotOwnerOnlyRoutes() {
        TestProject project = newProject();
        web(project, "s-1", "hola");
        String staff = staffOf(project);
        assertThat(get("/v1/admin/conversations", staff).status()).isEqualTo(200);
        assertThat(get("/v1/admin/me", staff).json().get("role").asString()).isEqualTo("staff");
        assertThat(send("POST", "/v1/admin/conversations/s-1/pause", bearer(staff), null).status()).isEqualTo(200);
        String base = "/v1/admin/projects/" + project.id();
        for (var route : new String[][] {{"GET", base + "/api-keys"}, {"POST", base + "/api-keys"},
                {"POST", base + "/webhook-secret"}, {"GET", base + "/settings/history"}}) {
            Response refused = send(route[0], route[1], bearer(staff), route[0].equals("POST") ? "{}" : null);
            assertThat(refused.status()).as(route[0] + " " + route[1]).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        }
        Response put = send("PUT", base + "/settings", bearer(staff), json(Map.of("name", "x", "time_zone", "UTC",
                "locale", "es", "settings", Map.of())));
        assertThat(put.status()).isEqualTo(403);
        String admin = "admin@" + project.id() + ".test";
        users.ensure(admin, "admin-pass-123", Role.ADMIN, project.id(), false);
        assertThat(get(base + "/api-keys", login(admin, "admin-pass-123")).status()).isEqualTo(403);
        assertThat(get(base + "/api-keys", project.ownerToken()).status()).isEqualTo(200);
    }
}
