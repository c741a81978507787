package com.aiassistants.gateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

import com.aiassistants.gateway.support.Await;
import com.aiassistants.gateway.support.GatewayTestBase;

class SimulatorFlowTest extends GatewayTestBase {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> CHAT = new ParameterizedTypeReference<>() {
    };

    private List<Map<String, Object>> chat(String phone) {
        return http().get().uri("/simulator/users/{phone}/messages", phone).retrieve().body(CHAT);
    }

    private List<Map<String, Object>> botMessages(String phone) {
        return chat(phone).stream().filter(m -> "out".equals(m.get("direction"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Map<String, Object> entry) {
        return (Map<String, Object>) entry.get("body");
    }

    private Integer inboxAttempts(String phone) {
        return jdbc.queryForObject("select attempts from inbox where from_number = ?", Integer.class, phone);
    }

    private int post(String phone, Map<String, Object> message) {
        return http().post().uri("/simulator/users/{phone}/messages", phone).body(message).retrieve().toBodilessEntity()
                .getStatusCode().value();
    }

    @Test
    void aTextIsForwardedSignedAndTheReplyArrivesInTheChat() {
        assertThat(post("34600000001", Map.of("text", "hola"))).isEqualTo(202);
        Await.until("the bot answers", () -> botMessages("34600000001").size() == 1);
        assertThat(body(botMessages("34600000001").getFirst())).containsEntry("text", "echo: hola").containsEntry("kind", "text");
        assertThat(BACKEND.calls).anySatisfy(call -> {
            assertThat(call.path("from_number").asString()).isEqualTo("34600000001");
            assertThat(call.path("timestamp_iso").asString()).endsWith("Z");
        });
    }

    @Test
    void buttonsGoOutAndAButtonReplyIsForwardedById() {
        post("34600000002", Map.of("text", "quiero buttons"));
        Await.until("buttons arrive", () -> botMessages("34600000002").size() == 1);
        assertThat(body(botMessages("34600000002").getFirst())).containsEntry("kind", "buttons")
                .containsKey("buttons");
        post("34600000002", Map.of("reply_id", "confirm_yes", "reply_title", "Sí"));
        Await.until("the reply to the button", () -> botMessages("34600000002").size() == 2);
        assertThat(body(botMessages("34600000002").get(1))).containsEntry("text", "echo: confirm_yes");
    }

    @Test
    void aListReplyComesBackAsAList() {
        post("34600000003", Map.of("text", "list please"));
        Await.until("list arrives", () -> botMessages("34600000003").size() == 1);
        assertThat(body(botMessages("34600000003").getFirst())).containsEntry("kind", "list")
                .containsEntry("list_title", "Horarios");
    }

    @Test
    void aRepeatedMessageIdMakesOneTurnAndOneReply() {
        post("34600000004", Map.of("text", "uno", "message_id", "dup-1"));
        post("34600000004", Map.of("text", "uno", "message_id", "dup-1"));
        Await.until("the bot answers", () -> botMessages("34600000004").size() == 1);
        post("34600000004", Map.of("text", "dos"));
        Await.until("second answer", () -> botMessages("34600000004").size() == 2);
        assertThat(BACKEND.callsFor("dup-1")).isEqualTo(1);
        assertThat(botMessages("34600000004")).extracting(m -> body(m).get("text")).containsExactly("echo: uno", "echo: dos");
    }

    @Test
    void mediaIsAnsweredPolitelyWithoutAskingTheBackend() {
        int before = BACKEND.calls.size();
        post("34600000005", Map.of("media", true));
        Await.until("polite answer", () -> botMessages("34600000005").size() == 1);
        assertThat((String) body(botMessages("34600000005").getFirst()).get("text")).contains("only read text");
        assertThat(BACKEND.calls.stream().filter(c -> c.path("from_number").asString().equals("34600000005"))).isEmpty();
        assertThat(BACKEND.calls.size()).isGreaterThanOrEqualTo(before);
    }

    @Test
    void noReplyWhenTheBackendAnswersWithoutText() {
        post("34600000006", Map.of("text", "silence please"));
        post("34600000006", Map.of("text", "now talk"));
        Await.until("second answer", () -> botMessages("34600000006").size() == 1);
        assertThat(body(botMessages("34600000006").getFirst())).containsEntry("text", "echo: now talk");
        Integer done = jdbc.queryForObject("select count(*) from inbox where from_number = '34600000006' and status = 'done'",
                Integer.class);
        assertThat(done).isEqualTo(2);
    }

    @Test
    void backendOutagesAreRetriedWithBackoff() {
        BACKEND.failNext(2, 503);
        post("34600000007", Map.of("text", "retry me"));
        Await.until("answer after retries", () -> botMessages("34600000007").size() == 1);
        assertThat(inboxAttempts("34600000007")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void rejectedCredentialsAreRetriedSoAFixedKeyStillAnswersTheMessage() {
        BACKEND.failNext(2, 401);
        post("34600000010", Map.of("text", "key rotated"));
        Await.until("answer once the key is accepted", () -> botMessages("34600000010").size() == 1);
        assertThat(inboxAttempts("34600000010")).isEqualTo(3);
    }

    @Test
    void aMessageTheBackendRejectsAsInvalidIsNotRetriedAndIsAnsweredPolitely() {
        BACKEND.failNext(1, 422);
        post("34600000011", Map.of("text", "unprocessable"));
        Await.until("given up", () -> "failed".equals(jdbc.queryForObject(
                "select status from inbox where from_number = '34600000011'", String.class)));
        assertThat(inboxAttempts("34600000011")).isEqualTo(1);
        // never silent: the user is told, in the project's language, that the message could not be processed
        Await.until("the polite answer", () -> botMessages("34600000011").size() == 1);
        assertThat(body(botMessages("34600000011").getFirst()).get("text"))
                .isEqualTo("Sorry, I couldn't process your message. Please try writing it again in a while.");
    }

    @Test
    void oneUsersMessagesAreAnsweredInOrder() {
        for (int i = 0; i < 5; i++) {
            post("34600000008", Map.of("text", "m" + i));
        }
        Await.until("five answers", () -> botMessages("34600000008").size() == 5);
        assertThat(botMessages("34600000008")).extracting(m -> body(m).get("text"))
                .containsExactly("echo: m0", "echo: m1", "echo: m2", "echo: m3", "echo: m4");
    }

    @Test
    void rejectsEmptyMessagesAndBadPhones() {
        assertThat(post("34600000009", Map.of())).isEqualTo(400);
        assertThat(post("12", Map.of("text", "hi"))).isEqualTo(400);
        // letters are refused, not stripped: "5491155abc0001" must not become the chat of 54911550001
        assertThat(post("5491155abc0001", Map.of("text", "hi"))).isEqualTo(400);
        assertThat(post("+54 9 11 5555-0001", Map.of("text", "hi"))).isEqualTo(400);
    }
}
