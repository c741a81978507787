package com.aiassistants.gateway.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.aiassistants.gateway.support.Await;
import com.aiassistants.gateway.support.FakeGraphApi;
import com.aiassistants.gateway.support.GatewayTestBase;

/** The Cloud API provider against signed webhook posts and a fake Graph API speaking Meta's JSON. */
class CloudProviderTest extends GatewayTestBase {

    private static String webhook(String from, String messageJson) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
                  "messaging_product":"whatsapp",
                  "metadata":{"display_phone_number":"15550783881","phone_number_id":"%s"},
                  "contacts":[{"profile":{"name":"Ana"},"wa_id":"%s"}],
                  "messages":[%s]},"field":"messages"}]}]}""".formatted(CLINIC_PHONE_NUMBER_ID, from, messageJson);
    }

    private static String textMessage(String from, String wamid, String text) {
        return """
                {"from":"%s","id":"%s","timestamp":"%d","type":"text","text":{"body":"%s"}}"""
                .formatted(from, wamid, Instant.now().getEpochSecond(), text);
    }

    private static String statuses(String wamid, String status, String recipient, String errors) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
                  "messaging_product":"whatsapp",
                  "metadata":{"display_phone_number":"15550783881","phone_number_id":"%s"},
                  "statuses":[{"id":"%s","status":"%s","timestamp":"%d","recipient_id":"%s"%s}]},
                  "field":"messages"}]}]}""".formatted(CLINIC_PHONE_NUMBER_ID, wamid, status,
                Instant.now().getEpochSecond(), recipient, errors);
    }

    private int post(String body, String signature) {
        var request = http().post().uri("/webhooks/whatsapp/cloud").contentType(MediaType.APPLICATION_JSON)
                .body(body.getBytes(StandardCharsets.UTF_8));
        if (signature != null) {
            request = request.header("X-Hub-Signature-256", signature);
        }
        return request.retrieve().toBodilessEntity().getStatusCode().value();
    }

    private int postSigned(String body) {
        return post(body, WebhookSignature.sign(APP_SECRET, body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String wamid() {
        return "wamid.HBgL" + UUID.randomUUID().toString().replace("-", "");
    }

    private Map<String, Object> outboxTo(String number) {
        List<Map<String, Object>> rows = jdbc.queryForList("select * from outbox where to_number = ? order by id", number);
        return rows.isEmpty() ? null : rows.getLast();
    }

    private void awaitFinal(String number) {
        Await.until("outbox row for " + number + " settles", () -> {
            Map<String, Object> row = outboxTo(number);
            return row != null && List.of("sent", "failed", "unknown").contains(row.get("status"));
        });
    }

    @Test
    void verificationHandshakeEchoesTheChallengeOnlyForTheRightToken() {
        var ok = http().get().uri("/webhooks/whatsapp/cloud?hub.mode=subscribe&hub.verify_token={t}&hub.challenge=1158201444",
                VERIFY_TOKEN).retrieve().toEntity(String.class);
        assertThat(ok.getStatusCode().value()).isEqualTo(200);
        assertThat(ok.getBody()).isEqualTo("1158201444");
        var wrong = http().get().uri("/webhooks/whatsapp/cloud?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1")
                .retrieve().toBodilessEntity();
        assertThat(wrong.getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void missingOrBadSignaturesAreRefusedAndNothingIsStored() {
        String from = "34611000001";
        String body = webhook(from, textMessage(from, wamid(), "hola"));
        assertThat(post(body, null)).isEqualTo(401);
        assertThat(post(body, "sha256=" + "0".repeat(64))).isEqualTo(403);
        assertThat(post(body, WebhookSignature.sign("another-secret", body.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from inbox where from_number = ?", Integer.class, from)).isZero();
    }

    @Test
    void aTextIsAnsweredThroughTheGraphApiAndADuplicateWamidMakesOneTurn() {
        String from = "34611000002";
        String id = wamid();
        String body = webhook(from, textMessage(from, id, "hola"));
        assertThat(postSigned(body)).isEqualTo(200);
        assertThat(postSigned(body)).isEqualTo(200);
        awaitFinal(from);
        assertThat(BACKEND.callsFor(id)).isEqualTo(1);
        List<FakeGraphApi.Received> sent = GRAPH.to(from);
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst().path()).isEqualTo("/v21.0/" + CLINIC_PHONE_NUMBER_ID + "/messages");
        assertThat(sent.getFirst().authorization()).isEqualTo("Bearer EAAG-test-token");
        assertThat(sent.getFirst().body().path("messaging_product").asString()).isEqualTo("whatsapp");
        assertThat(sent.getFirst().body().path("text").path("body").asString()).isEqualTo("echo: hola");
        assertThat((String) outboxTo(from).get("provider_message_id")).startsWith("wamid.");
        assertThat(jdbc.queryForObject("select customer_name from inbox where provider_message_id = ?", String.class, id))
                .isEqualTo("Ana");
        // the number's own, from the webhook's metadata.display_phone_number (no phone-number configured)
        assertThat(admin().get().uri("/admin/tenants/clinic/connection").retrieve().body(java.util.Map.class))
                .containsEntry("provider", "cloud").containsEntry("phone_number", "+15550783881");
    }

    @Test
    void buttonAndListRepliesAreForwardedByIdAndInteractiveRepliesGoOutAsInteractive() {
        String from = "34611000003";
        postSigned(webhook(from, textMessage(from, wamid(), "buttons")));
        awaitFinal(from);
        var buttons = GRAPH.to(from).getLast().body();
        assertThat(buttons.path("type").asString()).isEqualTo("interactive");
        assertThat(buttons.path("interactive").path("type").asString()).isEqualTo("button");
        assertThat(buttons.path("interactive").path("action").path("buttons").path(0).path("reply").path("id").asString())
                .isEqualTo("confirm_yes");

        String reply = wamid();
        postSigned(webhook(from, """
                {"from":"%s","id":"%s","timestamp":"%d","type":"interactive",
                 "interactive":{"type":"button_reply","button_reply":{"id":"confirm_yes","title":"Sí"}}}"""
                .formatted(from, reply, Instant.now().getEpochSecond())));
        Await.until("button reply answered", () -> GRAPH.to(from).size() == 2);
        assertThat(GRAPH.to(from).getLast().body().path("text").path("body").asString()).isEqualTo("echo: confirm_yes");

        String listReply = wamid();
        postSigned(webhook(from, """
                {"from":"%s","id":"%s","timestamp":"%d","type":"interactive",
                 "interactive":{"type":"list_reply","list_reply":{"id":"slot_2","title":"11:30","description":"x"}}}"""
                .formatted(from, listReply, Instant.now().getEpochSecond())));
        Await.until("list reply answered", () -> GRAPH.to(from).size() == 3);
        assertThat(GRAPH.to(from).getLast().body().path("text").path("body").asString()).isEqualTo("echo: slot_2");
    }

    @Test
    void mediaIsAnsweredPolitely() {
        String from = "34611000004";
        postSigned(webhook(from, """
                {"from":"%s","id":"%s","timestamp":"%d","type":"image","image":{"id":"1234","mime_type":"image/jpeg"}}"""
                .formatted(from, wamid(), Instant.now().getEpochSecond())));
        awaitFinal(from);
        assertThat(GRAPH.to(from).getFirst().body().path("text").path("body").asString()).contains("only read text");
    }

    @Test
    void deliveryStatusesAreStoredAndNeverGoBackwards() {
        String from = "34611000005";
        postSigned(webhook(from, textMessage(from, wamid(), "status please")));
        awaitFinal(from);
        String sentId = (String) outboxTo(from).get("provider_message_id");
        assertThat(postSigned(statuses(sentId, "delivered", from, ""))).isEqualTo(200);
        assertThat(outboxTo(from).get("delivery_status")).isEqualTo("delivered");
        postSigned(statuses(sentId, "read", from, ""));
        postSigned(statuses(sentId, "delivered", from, ""));
        assertThat(outboxTo(from).get("delivery_status")).isEqualTo("read");
        postSigned(statuses(sentId, "failed", from,
                ",\"errors\":[{\"code\":131026,\"title\":\"Message undeliverable\"}]"));
        assertThat(outboxTo(from).get("delivery_status")).isEqualTo("failed");
        assertThat(outboxTo(from).get("error_code")).isEqualTo("131026");
    }

    @Test
    void a429IsRetriedWithBackoffUntilItSucceeds() {
        String from = "34611000006";
        GRAPH.script.add(FakeGraphApi.error(429, 130429, "Rate limit hit"));
        postSigned(webhook(from, textMessage(from, wamid(), "busy")));
        awaitFinal(from);
        Map<String, Object> row = outboxTo(from);
        assertThat(row.get("status")).isEqualTo("sent");
        assertThat(row.get("attempts")).isEqualTo(2);
        assertThat(GRAPH.to(from)).hasSize(2);
    }

    @Test
    void aClient4xxIsNotRetriedAndItsCodeIsKept() {
        String from = "34611000007";
        GRAPH.script.add(FakeGraphApi.error(400, 131009, "Parameter value is not valid"));
        postSigned(webhook(from, textMessage(from, wamid(), "bad")));
        awaitFinal(from);
        Map<String, Object> row = outboxTo(from);
        assertThat(row.get("status")).isEqualTo("failed");
        assertThat(row.get("error_code")).isEqualTo("131009");
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat(GRAPH.to(from)).hasSize(1);
    }

    @Test
    void outsideTheWindowOnlyTheTemplateIsSent() {
        String to = "34611000008";
        jdbc.update("insert into customer_window (tenant_id, number, last_inbound_at) values ('clinic', ?, now() - interval '25 hours')",
                to);
        var queued = admin().post().uri("/admin/messages")
                .body(Map.of("tenant_id", "clinic", "to", to, "text", "Su cita es mañana")).retrieve().toEntity(Map.class);
        assertThat(queued.getStatusCode().value()).isEqualTo(202);
        awaitFinal(to);
        var body = GRAPH.to(to).getFirst().body();
        assertThat(body.path("type").asString()).isEqualTo("template");
        assertThat(body.path("template").path("name").asString()).isEqualTo("reengage");
        assertThat(body.path("template").path("components").path(0).path("parameters").path(0).path("text").asString())
                .isEqualTo("Su cita es mañana");
        assertThat(outboxTo(to).get("kind")).isEqualTo("template");
    }

    private static Map<String, Object> reminder(String to, String key) {
        return Map.of("tenant_id", "clinic", "to", to, "idempotency_key", key,
                "text", "Recordatorio: Limpieza dental con Dra. Pérez\nmañana 10:00",
                "buttons", List.of(Map.of("id", "reminder:confirm:r1", "title", "Asistiré"),
                        Map.of("id", "reminder:cancel:r1", "title", "Cancelar"),
                        Map.of("id", "reminder:reschedule:r1", "title", "Cambiar horario")),
                "template", Map.of("name", "appointment_reminder",
                        "parameters", List.of("Limpieza dental", "Dra. Pérez", "jueves 5 de marzo, 10:00"),
                        "button_payloads", List.of("reminder:confirm:r1", "reminder:cancel:r1", "reminder:reschedule:r1")));
    }

    /** Meta's template send: body parameters, then one quick_reply button component per button with its payload. */
    @Test
    void aReminderOutsideTheWindowSendsItsOwnTemplateWithQuickReplyPayloadsOnce() {
        String to = "34611000018";
        jdbc.update("insert into customer_window (tenant_id, number, last_inbound_at) values ('clinic', ?, now() - interval '25 hours')",
                to);
        String key = UUID.randomUUID().toString();
        var first = admin().post().uri("/admin/messages").body(reminder(to, key)).retrieve().toEntity(Map.class);
        // the caller lost the answer and retries: the same key queues nothing more
        var again = admin().post().uri("/admin/messages").body(reminder(to, key)).retrieve().toEntity(Map.class);
        assertThat(again.getBody().get("outbox_id")).isEqualTo(first.getBody().get("outbox_id"));
        awaitFinal(to);
        var sends = GRAPH.to(to);
        assertThat(sends).hasSize(1);
        var body = sends.getFirst().body();
        com.aiassistants.gateway.support.MetaSendLimits.check(body);
        assertThat(body.path("type").asString()).isEqualTo("template");
        var template = body.path("template");
        assertThat(template.path("name").asString()).isEqualTo("appointment_reminder");
        assertThat(template.path("language").path("code").asString()).as("the project's language").isEqualTo("en");
        var components = template.path("components");
        assertThat(components.size()).isEqualTo(4);
        assertThat(components.path(0).path("type").asString()).isEqualTo("body");
        assertThat(components.path(0).path("parameters")).extracting(p -> p.path("text").asString())
                .containsExactly("Limpieza dental", "Dra. Pérez", "jueves 5 de marzo, 10:00");
        for (int i = 0; i < 3; i++) {
            var button = components.path(i + 1);
            assertThat(button.path("type").asString()).isEqualTo("button");
            assertThat(button.path("sub_type").asString()).isEqualTo("quick_reply");
            assertThat(button.path("index").asString()).isEqualTo(Integer.toString(i));
            assertThat(button.path("parameters").path(0).path("type").asString()).isEqualTo("payload");
        }
        assertThat(components.path(2).path("parameters").path(0).path("payload").asString()).isEqualTo("reminder:cancel:r1");
        assertThat(jdbc.queryForObject("select count(*) from outbox where to_number = ?", Integer.class, to)).isEqualTo(1);
    }

    @Test
    void aReminderInsideTheWindowIsAnInteractiveMessageWithItsButtons() {
        String to = "34611000019";
        jdbc.update("insert into customer_window (tenant_id, number, last_inbound_at) values ('clinic', ?, now() - interval '1 hour')",
                to);
        admin().post().uri("/admin/messages").body(reminder(to, UUID.randomUUID().toString())).retrieve().toEntity(Map.class);
        awaitFinal(to);
        var body = GRAPH.to(to).getFirst().body();
        com.aiassistants.gateway.support.MetaSendLimits.check(body);
        assertThat(body.path("type").asString()).isEqualTo("interactive");
        assertThat(body.path("interactive").path("action").path("buttons")).extracting(b -> b.path("reply").path("id").asString())
                .containsExactly("reminder:confirm:r1", "reminder:cancel:r1", "reminder:reschedule:r1");
    }

    @Test
    void aTemplateWithABadNameIsRefusedWithAProblem() {
        Map<String, Object> bad = new java.util.HashMap<>(reminder("34611000020", UUID.randomUUID().toString()));
        bad.put("template", Map.of("name", "Appointment Reminder!"));
        var response = admin().post().uri("/admin/messages").body(bad).retrieve()
                .onStatus(s -> true, (req, res) -> { }).toEntity(String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).contains("template");
    }

    @Test
    void error131047SwitchesToTheTemplate() {
        String from = "34611000009";
        GRAPH.script.add(FakeGraphApi.error(400, 131047,
                "Re-engagement message: more than 24 hours have passed since the recipient last replied"));
        postSigned(webhook(from, textMessage(from, wamid(), "late")));
        awaitFinal(from);
        assertThat(GRAPH.to(from)).extracting(r -> r.body().path("type").asString()).containsExactly("text", "template");
        assertThat(outboxTo(from).get("status")).isEqualTo("sent");
    }

    @Test
    void webhooksForUnknownNumbersAreAcknowledgedAndIgnored() {
        String body = webhook("34611000010", textMessage("34611000010", wamid(), "hola"))
                .replace(CLINIC_PHONE_NUMBER_ID, "999999");
        assertThat(postSigned(body)).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from inbox where from_number = '34611000010'", Integer.class)).isZero();
    }
}
