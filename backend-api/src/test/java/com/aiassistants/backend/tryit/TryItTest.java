package com.aiassistants.backend.tryit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.aiassistants.backend.BackendTestBase;
import com.aiassistants.backend.tenant.AdminUsers;
import com.aiassistants.backend.tenant.AdminUsers.Role;

import tools.jackson.databind.JsonNode;

/**
 * The Flows page's "try it" routes: a draft's settings answer in a sandbox conversation while the saved ones stay as
 * they were; the conversation is nobody's (not in the inbox, customers or dashboard), refuses calendar writes, resets
 * and expires; admins and owners only, on their own project; validation as problem details.
 */
class TryItTest extends BackendTestBase {

    static final String TRY = "/v1/admin/flows/try";

    @Autowired
    AdminUsers users;

    @Autowired
    SandboxConversations sandboxes;

    static Map<String, Object> draft(String greeting) {
        Map<String, Object> flow = new LinkedHashMap<>();
        flow.put("greeting", greeting);
        flow.put("required_fields", List.of("name", "email"));
        flow.put("menu_style", "buttons");
        flow.put("engine", "llm");
        flow.put("system_prompt", "Sos la recepcionista del borrador.");
        return flow;
    }

    static String body(String sandboxId, String text, Map<String, Object> flow) {
        Map<String, Object> body = new HashMap<>();
        if (sandboxId != null) {
            body.put("sandbox_id", sandboxId);
        }
        body.put("text", text);
        body.put("flow", flow);
        return json(body);
    }

    Response say(String token, String sandboxId, String text, Map<String, Object> flow) {
        return send("POST", TRY, bearer(token), body(sandboxId, text, flow));
    }

    JsonNode ok(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    void saveGreeting(TestProject project, String greeting) {
        Response put = send("PUT", "/v1/admin/projects/" + project.id() + "/settings", bearer(project.ownerToken()),
                json(Map.of("name", "Clínica", "time_zone", "America/Argentina/Buenos_Aires", "locale", "es",
                        "settings", Map.of("flow", Map.of("greeting", greeting)))));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
    }

    @Test
    void theDraftAnswersWhileTheSavedSettingsStayAsTheyWere() {
        TestProject project = newProject();
        saveGreeting(project, "Hola, somos la clínica (guardado)");

        JsonNode first = ok(say(project.ownerToken(), null, "greeting", draft("¡Hola desde el borrador!")));
        String sandboxId = first.get("sandbox_id").asString();
        assertThat(sandboxId).matches(TryItViews.SANDBOX_ID);
        assertThat(first.get("text").asString()).isEqualTo("¡Hola desde el borrador!");
        assertThat(first.get("handed_over").asBoolean()).isFalse();
        assertThat(first.get("expires_at").asString()).isNotBlank();
        assertThat(first.get("messages")).hasSize(2);

        // every flow setting of the draft reaches the assistant
        JsonNode flow = ok(say(project.ownerToken(), sandboxId, "flow", draft("x")));
        assertThat(flow.get("text").asString())
                .isEqualTo("engine=llm menu=buttons fields=name,email prompt=Sos la recepcionista del borrador.");
        // the same conversation goes on: the dialogue state is kept (the test assistant counts turns in it)
        JsonNode third = ok(say(project.ownerToken(), sandboxId, "hola", draft("x")));
        assertThat(third.get("text").asString()).isEqualTo("echo 3: hola");
        assertThat(third.get("messages")).hasSize(6);
        assertThat(third.get("messages").get(0).get("role").asString()).isEqualTo("user");
        assertThat(third.get("messages").get(1).get("text").asString()).isEqualTo("¡Hola desde el borrador!");

        // saved settings unchanged; a real conversation still gets the saved greeting
        Response settings = send("GET", "/v1/admin/projects/" + project.id() + "/settings", bearer(project.ownerToken()),
                null);
        assertThat(settings.json().get("settings").get("flow").get("greeting").asString())
                .isEqualTo("Hola, somos la clínica (guardado)");
        assertThat(settings.json().get("settings").get("flow").get("engine").isNull()
                || "deterministic".equals(settings.json().get("settings").get("flow").get("engine").asString())).isTrue();
        assertThat(web(project, uniqueId("web"), "greeting").text("response_text"))
                .isEqualTo("Hola, somos la clínica (guardado)");
    }

    @Test
    void theSandboxIsNobodysConversation() {
        TestProject project = newProject();
        String token = project.ownerToken();
        JsonNode reply = ok(say(token, null, "remember Sandra Sandbox", draft("Hola")));
        String sandboxId = reply.get("sandbox_id").asString();
        ok(say(token, sandboxId, "handoff-free words only", draft("Hola")));

        // not in the inbox (list or search), not a customer, not in the dashboard's figures
        JsonNode inbox = send("GET", "/v1/admin/conversations", bearer(token), null).json();
        assertThat(inbox.get("total").asLong()).isZero();
        assertThat(send("GET", "/v1/admin/conversations?q=Sandra", bearer(token), null).json().get("total").asLong())
                .isZero();
        assertThat(send("GET", "/v1/admin/conversations?channel=sandbox", bearer(token), null).json().get("total")
                .asLong()).isZero();
        assertThat(send("GET", "/v1/admin/customers", bearer(token), null).json().get("customers")).isEmpty();
        assertThat(send("GET", "/v1/admin/customers?q=Sandra", bearer(token), null).json().get("customers")).isEmpty();
        JsonNode dashboard = send("GET", "/v1/admin/stats/dashboard", bearer(token), null).json();
        assertThat(dashboard.get("replies_by_bot").asLong()).isZero();
        assertThat(dashboard.get("conversations").asLong()).isZero();
        long inbound = 0;
        for (JsonNode hour : dashboard.get("messages_per_hour")) {
            inbound += hour.get("inbound").asLong() + hour.get("outbound").asLong();
        }
        assertThat(inbound).isZero();
        // nothing was sent to the gateway (WhatsApp)
        assertThat(GATEWAY.received().stream().filter(r -> r.bodyText().contains("Sandra")).toList()).isEmpty();

        // the memory the assistant kept is the sandbox's own; a reset deletes it with the conversation
        assertThat(memoryRows(project.id(), "sandbox:" + sandboxId)).isEqualTo(1);
        Response reset = send("DELETE", TRY + "/" + sandboxId, bearer(token), null);
        assertThat(reset.status()).isEqualTo(204);
        assertThat(conversationRows(project.id(), "sandbox:" + sandboxId)).isZero();
        assertThat(memoryRows(project.id(), "sandbox:" + sandboxId)).isZero();
        // resetting again is fine; the id starts afresh
        assertThat(send("DELETE", TRY + "/" + sandboxId, bearer(token), null).status()).isEqualTo(204);
        assertThat(ok(say(token, sandboxId, "hola", draft("Hola"))).get("text").asString()).isEqualTo("echo 1: hola");
    }

    @Test
    void aCalendarWriteIsRefusedAndTheChatStaysWhereItWas() {
        TestProject project = newProject();
        String token = project.ownerToken();
        String sandboxId = ok(say(token, null, "hola", draft("Hola"))).get("sandbox_id").asString();
        JsonNode refused = ok(say(token, sandboxId, "book", draft("Hola")));
        assertThat(refused.get("text").asString()).startsWith("🧪 Prueba").contains("no se reserva");
        assertThat(jdbc.sql("select count(*) from message where project_id = ? and conversation_id = ? and kind = 'booking'")
                .params(project.id(), "sandbox:" + sandboxId).query(Long.class).single()).isZero();
        // the dialogue state was not advanced by the refused turn
        assertThat(ok(say(token, sandboxId, "hola", draft("Hola"))).get("text").asString()).isEqualTo("echo 2: hola");
    }

    @Test
    void sandboxConversationsExpire() {
        TestProject project = newProject();
        String sandboxId = ok(say(project.ownerToken(), null, "remember Ema", draft("Hola"))).get("sandbox_id").asString();
        String fresh = ok(say(project.ownerToken(), null, "hola", draft("Hola"))).get("sandbox_id").asString();
        jdbc.sql("update conversation set updated_at = now() - interval '25 hours' where project_id = ? and id = ?")
                .params(project.id(), "sandbox:" + sandboxId).update();
        sandboxes.expire();
        assertThat(conversationRows(project.id(), "sandbox:" + sandboxId)).isZero();
        assertThat(memoryRows(project.id(), "sandbox:" + sandboxId)).isZero();
        assertThat(conversationRows(project.id(), "sandbox:" + fresh)).isEqualTo(1);
    }

    @Test
    void adminsAndOwnersOnlyOnTheirOwnProject() {
        TestProject project = newProject();
        users.ensure("admin@" + project.id() + ".test", "admin-pass-123", Role.ADMIN, project.id(), false);
        users.ensure("staff@" + project.id() + ".test", "staff-pass-123", Role.STAFF, project.id(), false);
        String admin = login("admin@" + project.id() + ".test", "admin-pass-123");
        String staff = login("staff@" + project.id() + ".test", "staff-pass-123");

        String sandboxId = ok(say(admin, null, "hola", draft("Hola"))).get("sandbox_id").asString();
        Response staffTry = say(staff, null, "hola", draft("Hola"));
        assertThat(staffTry.status()).isEqualTo(403);
        assertThat(staffTry.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(send("DELETE", TRY + "/" + sandboxId, bearer(staff), null).status()).isEqualTo(403);
        assertThat(send("POST", TRY, key(project.apiKey()), body(null, "hola", draft("Hola"))).status()).isEqualTo(403);
        assertThat(send("POST", TRY, Map.of(), body(null, "hola", draft("Hola"))).status()).isEqualTo(401);

        // another project's owner with the same sandbox id gets a conversation of their own, and cannot reset this one
        TestProject other = newProject();
        assertThat(ok(say(other.ownerToken(), sandboxId, "hola", draft("Hola"))).get("text").asString())
                .isEqualTo("echo 1: hola");
        assertThat(send("DELETE", TRY + "/" + sandboxId, bearer(other.ownerToken()), null).status()).isEqualTo(204);
        assertThat(conversationRows(project.id(), "sandbox:" + sandboxId)).isEqualTo(1);
        assertThat(ok(say(admin, sandboxId, "hola", draft("Hola"))).get("text").asString()).isEqualTo("echo 2: hola");
    }

    @Test
    void invalidRequestsAreProblemDetailsNamingTheField() {
        TestProject project = newProject();
        String token = project.ownerToken();
        assertInvalid(send("POST", TRY, bearer(token), json(Map.of("text", "hola"))), "flow");
        assertInvalid(say(token, null, "   ", draft("Hola")), "text");
        assertInvalid(say(token, null, "a\u0000b", draft("Hola")), "text");
        assertInvalid(say(token, "not-a-sandbox", "hola", draft("Hola")), "sandbox_id");
        Map<String, Object> badMenu = draft("Hola");
        badMenu.put("menu_style", "carousel");
        assertInvalid(say(token, null, "hola", badMenu), "menu_style");
        assertInvalid(say(token, null, "hola", draft("x".repeat(1001))), "greeting");
        Map<String, Object> badEngine = draft("Hola");
        badEngine.put("engine", "gpt");
        assertInvalid(say(token, null, "hola", badEngine), "engine");
        assertInvalid(send("DELETE", TRY + "/nope", bearer(token), null), "sandbox_id");
        // a web conversation cannot pose as a sandbox one
        Response web = web(project, "sandbox:" + java.util.UUID.randomUUID(), "hola");
        assertThat(web.status()).isEqualTo(400);
    }

    @Test
    void noChannelCanWriteIntoASandboxConversation() throws Exception {
        TestProject project = newProject();
        String sandboxId = ok(say(project.ownerToken(), null, "hola", draft("Hola"))).get("sandbox_id").asString();
        String conversation = "sandbox:" + sandboxId;
        Response token = send("POST", "/v1/ws/tokens", key(project.apiKey()), json(Map.of("conversation_id", conversation)));
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        try (com.aiassistants.backend.WsClient ws = new com.aiassistants.backend.WsClient("ws://localhost:" + port
                + "/v1/ws/conversations/" + conversation + "?token=" + token.text("token"))) {
            ws.send(Map.of("type", "user_message", "text", "intruso"));
            assertThat(ws.next("error").toString()).contains("sandbox");
        }
        assertThat(send("POST", "/v1/async/conversations/" + conversation + "/messages", key(project.apiKey()),
                json(Map.of("text", "intruso"))).status()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from message where project_id = ? and conversation_id = ? and text = 'intruso'")
                .params(project.id(), conversation).query(Long.class).single()).isZero();
    }

    private static void assertInvalid(Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.json().get("errors").findValuesAsString("field"))
                .as(response.body()).anySatisfy(name -> assertThat(name).endsWith(field));
    }

    private long conversationRows(String projectId, String id) {
        return jdbc.sql("select count(*) from conversation where project_id = ? and id = ?").params(projectId, id)
                .query(Long.class).single();
    }

    private long memoryRows(String projectId, String customerId) {
        return jdbc.sql("select count(*) from customer_memory where project_id = ? and customer_id = ?")
                .params(projectId, customerId).query(Long.class).single();
    }
}
