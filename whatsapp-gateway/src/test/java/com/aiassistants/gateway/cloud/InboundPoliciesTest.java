package com.aiassistants.gateway.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.aiassistants.gateway.support.Await;
import com.aiassistants.gateway.support.FakeGraphApi;
import com.aiassistants.gateway.support.GatewayTestBase;
import com.aiassistants.gateway.support.MetaSendLimits;

/** What the gateway does with what the assistant cannot answer: nothing is left in silence, nothing loops. */
class InboundPoliciesTest extends GatewayTestBase {

    // the fake backend-api's project speaks English (the whole-stack test covers the Spanish demo clinic)
    private static final String FAILED = "Sorry, I couldn't process your message. Please try writing it again in a while.";
    private static final String STALE = "Sorry for the delay: your message only reached us now. Could you send it again?";

    private static String webhook(String phoneNumberId, String from, String id, long timestamp, String textJson) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
                  "messaging_product":"whatsapp",
                  "metadata":{"display_phone_number":"15550783881","phone_number_id":"%s"},
                  "contacts":[{"profile":{"name":"Ana"},"wa_id":"%s"}],
                  "messages":[{"from":"%s","id":"%s","timestamp":"%d","type":"text","text":{"body":%s}}]},
                  "field":"messages"}]}]}""".formatted(phoneNumberId, from, from, id, timestamp, textJson);
    }

    private int postSigned(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return http().post().uri("/webhooks/whatsapp/cloud").contentType(MediaType.APPLICATION_JSON)
                .header("X-Hub-Signature-256", WebhookSignature.sign(APP_SECRET, bytes)).body(bytes)
                .retrieve().toBodilessEntity().getStatusCode().value();
    }

    /** A number no other test class writes to (the fake Graph API is shared by the module's tests). */
    private static String user() {
        return "3469" + (10_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(89_999_999));
    }

    private static String wamid() {
        return "wamid.HBgL" + UUID.randomUUID().toString().replace("-", "") + "/+=";
    }

    private List<FakeGraphApi.Received> awaitSends(String to, int count) {
        Await.until(count + " sends to " + to, () -> GRAPH.to(to).size() >= count);
        return GRAPH.to(to);
    }

    private static String text(FakeGraphApi.Received r) {
        return switch (r.body().path("type").asString()) {
            case "text" -> r.body().path("text").path("body").asString();
            case "template" -> r.body().path("template").path("components").path(0).path("parameters").path(0).path("text").asString();
            default -> r.body().path("interactive").path("body").path("text").asString();
        };
    }

    @Test
    void aBodyOverTheLimitIsA413BeforeItIsRead() {
        byte[] big = new byte[3 * 1024 * 1024 + 10];
        java.util.Arrays.fill(big, (byte) 'x');
        int status = http().post().uri("/webhooks/whatsapp/cloud").contentType(MediaType.APPLICATION_JSON)
                .header("X-Hub-Signature-256", WebhookSignature.sign(APP_SECRET, big)).body(big)
                .retrieve().toBodilessEntity().getStatusCode().value();
        assertThat(status).isEqualTo(413);
    }

    @Test
    void aChunkedBodyOverTheLimitIsA413WithoutReadingItAll() throws Exception {
        // no Content-Length: the gateway reads one byte past the limit and stops; the stream would go on for 300 MB
        long[] served = {0};
        java.io.InputStream endless = new java.io.InputStream() {
            @Override
            public int read() {
                return served[0]++ < 300L * 1024 * 1024 ? ' ' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int n = (int) Math.min(len, 300L * 1024 * 1024 - served[0]);
                if (n <= 0) {
                    return -1;
                }
                java.util.Arrays.fill(b, off, off + n, (byte) ' ');
                served[0] += n;
                return n;
            }
        };
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/webhooks/whatsapp/cloud"))
                .header("Content-Type", "application/json").header("X-Hub-Signature-256", "sha256=00")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> endless)).build();
        int status;
        try (var client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()) {
            status = client.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            // the server may close the connection while the client is still sending: then it must have refused early
            status = -1;
        }
        assertThat(served[0]).as("bytes the client got to send").isLessThan(300L * 1024 * 1024);
        assertThat(status).isIn(413, -1);
    }

    @Test
    void aNulIsCleanedAndALongTextIsCutWithANote() {
        String from = user();
        String id = wamid();
        assertThat(postSigned(webhook(CLINIC_PHONE_NUMBER_ID, from, id, Instant.now().getEpochSecond(), "\"ho\\u0000la\""))).isEqualTo(200);
        assertThat(text(awaitSends(from, 1).getFirst())).isEqualTo("echo: hola");
        assertThat(BACKEND.calls).anySatisfy(c -> {
            assertThat(c.path("message_id").asString()).isEqualTo(id);
            assertThat(c.path("text").asString()).isEqualTo("hola");
        });

        String longId = wamid();
        String longText = "palabra ".repeat(700);
        assertThat(postSigned(webhook(CLINIC_PHONE_NUMBER_ID, from, longId, Instant.now().getEpochSecond(), "\"" + longText + "\"")))
                .isEqualTo(200);
        String reply = text(awaitSends(from, 2).get(1));
        assertThat(reply).startsWith("(Your message was very long: I read only the first 4096 characters.)");
        assertThat(BACKEND.calls).anySatisfy(c -> {
            assertThat(c.path("message_id").asString()).isEqualTo(longId);
            assertThat(c.path("text").asString()).hasSizeLessThanOrEqualTo(4096);
        });
        GRAPH.to(from).forEach(r -> MetaSendLimits.check(r.body()));
    }

    @Test
    void aMessageTheBackendRefusesGetsAPoliteAnswerNotSilenceNorRetries() {
        String from = user();
        BACKEND.failNext(1, 400);
        assertThat(postSigned(webhook(CLINIC_PHONE_NUMBER_ID, from, wamid(), Instant.now().getEpochSecond(), "\"hola\"")))
                .isEqualTo(200);
        assertThat(text(awaitSends(from, 1).getFirst())).isEqualTo(FAILED);
        assertThat(jdbc.queryForObject("select status from inbox where from_number = ?", String.class, from)).isEqualTo("failed");
        assertThat(jdbc.queryForObject("select attempts from inbox where from_number = ?", Integer.class, from)).isEqualTo(1);
    }

    @Test
    void lateMessagesAreRecordedAndAnsweredWithAnApologyOutsideTheWindowAsASanitisedTemplate() {
        String recent = user();
        long halfAnHourAgo = Instant.now().minusSeconds(1800).getEpochSecond();
        assertThat(postSigned(webhook(CLINIC_PHONE_NUMBER_ID, recent, wamid(), halfAnHourAgo, "\"quiero turno mañana\"")))
                .isEqualTo(200);
        assertThat(text(awaitSends(recent, 1).getFirst())).isEqualTo(STALE);

        String old = user();
        long threeDaysAgo = Instant.now().minusSeconds(3 * 86_400).getEpochSecond();
        assertThat(postSigned(webhook(CLINIC_PHONE_NUMBER_ID, old, wamid(), threeDaysAgo, "\"hola\""))).isEqualTo(200);
        FakeGraphApi.Received template = awaitSends(old, 1).getFirst();
        assertThat(template.body().path("type").asString()).isEqualTo("template");
        assertThat(template.body().path("template").path("language").path("code").asString()).isEqualTo("en");
        assertThat(text(template)).isEqualTo(STALE);
        MetaSendLimits.check(template.body());
        assertThat(BACKEND.calls).noneSatisfy(c -> assertThat(c.path("from_number").asString()).isIn(recent, old));
    }

    @Test
    void aSenderThatIsNotAPhoneNumberIsIgnoredNotAnsweredToAnAddressMetaWouldRefuse() {
        String id = wamid();
        assertThat(postSigned(webhook(CLINIC_PHONE_NUMBER_ID, "abc<script>", id, Instant.now().getEpochSecond(), "\"hola\"")))
                .isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from inbox where provider_message_id = ?", Integer.class, id)).isZero();
        assertThat(GRAPH.to("abc<script>")).isEmpty();
    }

    @Test
    void anInteractiveMessageWithoutItsReplyGetsAPoliteAnswer() {
        String from = user();
        String body = webhook(CLINIC_PHONE_NUMBER_ID, from, wamid(), Instant.now().getEpochSecond(), "\"x\"")
                .replace("\"type\":\"text\",\"text\":{\"body\":\"x\"}", "\"type\":\"interactive\",\"interactive\":{\"type\":\"button_reply\"}");
        assertThat(body).contains("\"interactive\":{\"type\":\"button_reply\"}");
        assertThat(postSigned(body)).isEqualTo(200);
        assertThat(text(awaitSends(from, 1).getFirst())).isEqualTo("I couldn't read that message. Could you write it in words?");
        assertThat(BACKEND.calls).noneSatisfy(c -> assertThat(c.path("from_number").asString()).isEqualTo(from));
    }

    @Test
    void aChangedNumberReachesBackendApiAsANoticeEvenWhenLateAndNothingIsSentToTheUser() {
        String from = user();
        String to = user();
        String id = wamid();
        long threeDaysAgo = Instant.now().minusSeconds(3 * 86_400).getEpochSecond();
        String body = """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
                  "messaging_product":"whatsapp",
                  "metadata":{"display_phone_number":"15550783881","phone_number_id":"%s"},
                  "messages":[{"from":"%s","id":"%s","timestamp":"%d","type":"system",
                    "system":{"body":"User Ana changed from %s to %s","wa_id":"%s","type":"user_changed_number"}}]},
                  "field":"messages"}]}]}""".formatted(CLINIC_PHONE_NUMBER_ID, from, id, threeDaysAgo, from, to, to);
        BACKEND.failNext(1, 503); // transient: retried like a message
        assertThat(postSigned(body)).isEqualTo(200);
        assertThat(postSigned(body)).as("a repeated delivery").isEqualTo(200);
        Await.until("the notice reaches backend-api", () -> BACKEND.notices.stream()
                .anyMatch(n -> id.equals(n.path("message_id").asString())));
        Await.until("the inbox row is done", () -> "done".equals(jdbc.queryForObject(
                "select status from inbox where provider_message_id = ?", String.class, id)));
        assertThat(BACKEND.notices).filteredOn(n -> id.equals(n.path("message_id").asString())).singleElement()
                .satisfies(n -> {
                    assertThat(n.path("kind").asString()).isEqualTo("number_changed");
                    assertThat(n.path("from_number").asString()).isEqualTo(from);
                    assertThat(n.path("new_number").asString()).isEqualTo(to);
                });
        assertThat(GRAPH.to(from)).as("nothing is sent to the user, not even an apology for the delay").isEmpty();
        assertThat(BACKEND.calls).noneSatisfy(c -> assertThat(c.path("from_number").asString()).isEqualTo(from));
        assertThat(jdbc.queryForObject("select count(*) from customer_window where number = ?", Integer.class, from))
                .as("a system message opens no 24-hour window").isZero();
    }

    @Test
    void theSimulatorRefusesNumbersWithLettersInsteadOfStrippingThem() {
        var refused = http().post().uri("/simulator/users/{phone}/messages", "54911abc55550001")
                .contentType(MediaType.APPLICATION_JSON).body("{\"text\":\"hola\"}").retrieve().toEntity(String.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody()).contains("invalid-phone");
        var accepted = http().post().uri("/simulator/users/{phone}/messages", "+5491155550001")
                .contentType(MediaType.APPLICATION_JSON).body("{\"text\":\"hola\"}").retrieve().toBodilessEntity();
        assertThat(accepted.getStatusCode().value()).isEqualTo(202);
    }
}
