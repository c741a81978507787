package com.aiassistants.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class RealtimeAndHandoffTest extends BackendTestBase {

    String wsToken(Map<String, String> auth, String conversationId) {
        Response r = send("POST", "/v1/ws/tokens", auth,
                conversationId == null ? "{}" : json(Map.of("conversation_id", conversationId)));
        assertThat(r.status()).isEqualTo(200);
        return r.text("token");
    }

    String wsUrl(String conversationId, String token) {
        return "ws://localhost:" + port + "/v1/ws/conversations/" + conversationId + "?token=" + token;
    }

    @Test
    void socketSpeaksTheOldProtocolAndCarriesLiveEvents() throws Exception {
        TestProject project = newProject();
        try (WsClient ws = new WsClient(wsUrl("chat-1", wsToken(key(project.apiKey()), "chat-1")))) {
            ws.send(Map.of("type", "ping"));
            JsonNode pong = ws.next("pong");
            assertThat(pong.get("conversation_id").asString()).isEqualTo("chat-1");
            assertThat(pong.has("timestamp")).isTrue();

            ws.send(Map.of("type", "user_message", "text", "hola"));
            JsonNode reply = ws.next("assistant_message");
            assertThat(reply.get("text").asString()).isEqualTo("echo 1: hola");

            web(project, "chat-1", "desde http");
            JsonNode event = ws.next(f -> "message".equals(f.get("type").asString()) && "assistant".equals(f.get("role").asString())
                    && f.get("text").asString().contains("desde http"));
            assertThat(event.get("conversation_id").asString()).isEqualTo("chat-1");

            ws.send(Map.of("type", "user_message", "text", "x".repeat(5000)));
            assertThat(ws.next("error").get("error").asString()).contains("4096");
            ws.send(Map.of("type", "dance"));
            assertThat(ws.next("error").get("error").asString()).contains("unknown");
        }
    }

    String eventsUrl(TestProject project) {
        return "ws://localhost:" + port + "/v1/ws/events?token=" + wsToken(bearer(project.ownerToken()), null);
    }

    List<String> thread(TestProject project, String conversation) {
        Response messages = send("GET", "/v1/admin/conversations/" + conversation + "/messages", bearer(project.ownerToken()), null);
        assertThat(messages.status()).isEqualTo(200);
        List<String> rows = new ArrayList<>();
        messages.json().forEach(m -> rows.add(m.get("role").asString() + ": " + m.get("text").asString()));
        return rows;
    }

    @Test
    void thePatientsMessageIsLiveAndStoredBeforeTheTurnEndsOnceAndBeforeItsReply() throws Exception {
        TestProject project = newProject();
        String from = phone();
        String conversation = "whatsapp:" + from;
        String messageId = uniqueId("w");
        assistant.gate = new CountDownLatch(1);
        assistant.gateEntered = new CountDownLatch(1);
        try (WsClient console = new WsClient(eventsUrl(project))) {
            CompletableFuture<Response> turn = CompletableFuture.supplyAsync(
                    () -> whatsapp(project, whatsappBody(messageId, from, "gated hola")));
            JsonNode live = console.next("message");
            assertThat(live.get("role").asString()).isEqualTo("user");
            assertThat(live.get("text").asString()).isEqualTo("gated hola");
            assertThat(live.get("conversation_id").asString()).isEqualTo(conversation);
            // the assistant is still thinking: the message is already in the thread
            assertThat(assistant.gateEntered.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(turn).isNotDone();
            assertThat(thread(project, conversation)).containsExactly("user: gated hola");

            assistant.gate.countDown();
            assertThat(turn.get(10, TimeUnit.SECONDS).text("response_text")).isEqualTo("echo 1: gated hola");
            JsonNode reply = console.next("message");
            assertThat(reply.get("role").asString()).isEqualTo("assistant");
            assertThat(reply.get("text").asString()).isEqualTo("echo 1: gated hola");

            // the channel's retry of the same message publishes nothing and stores nothing
            assertThat(whatsapp(project, whatsappBody(messageId, from, "gated hola")).text("response_text"))
                    .isEqualTo("echo 1: gated hola");
            whatsapp(project, whatsappBody(uniqueId("w"), from, "después"));
            List<String> frames = new ArrayList<>();
            JsonNode next;
            do {
                next = console.next("message");
                frames.add(next.get("role").asString() + ": " + next.get("text").asString());
            } while (!"después".equals(next.get("text").asString()));
            assertThat(frames).containsExactly("user: después");
            assertThat(console.next("message").get("text").asString()).isEqualTo("echo 2: después");
        }
        assertThat(thread(project, conversation))
                .containsExactly("user: gated hola", "assistant: echo 1: gated hola", "user: después", "assistant: echo 2: después");
    }

    @Test
    void aMessageArrivingDuringATurnIsShownAtOnceAndAnsweredAfterIt() throws Exception {
        TestProject project = newProject();
        String from = phone();
        String conversation = "whatsapp:" + from;
        assistant.gate = new CountDownLatch(1);
        assistant.gateEntered = new CountDownLatch(1);
        try (WsClient console = new WsClient(eventsUrl(project))) {
            CompletableFuture<Response> first = CompletableFuture.supplyAsync(
                    () -> whatsapp(project, whatsappBody(uniqueId("w"), from, "gated primero")));
            assertThat(assistant.gateEntered.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Response> second = CompletableFuture.supplyAsync(
                    () -> whatsapp(project, whatsappBody(uniqueId("w"), from, "segundo")));
            List<String> frames = new ArrayList<>();
            frames.add(console.next("message").get("text").asString());
            frames.add(console.next("message").get("text").asString());
            assertThat(frames).containsExactly("gated primero", "segundo");
            assertThat(second).isNotDone();

            assistant.gate.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS).text("response_text")).isEqualTo("echo 1: gated primero");
            assertThat(second.get(10, TimeUnit.SECONDS).text("response_text")).isEqualTo("echo 2: segundo");
            assertThat(console.next("message").get("text").asString()).isEqualTo("echo 1: gated primero");
            assertThat(console.next("message").get("text").asString()).isEqualTo("echo 2: segundo");
        }
        // each turn saw the thread as it stood when its message arrived
        assertThat(assistant.historyByText.get("gated primero")).isEmpty();
        assertThat(assistant.historyByText.get("segundo")).containsExactly("gated primero", "echo 1: gated primero");
        assertThat(thread(project, conversation)).containsExactly("user: gated primero", "user: segundo",
                "assistant: echo 1: gated primero", "assistant: echo 2: segundo");
    }

    @Test
    void whatsappConversationIdsWithAPlusOpenASocketRawOrEncoded() throws Exception {
        TestProject project = newProject();
        String id = "whatsapp:+5491155550000";
        for (String inPath : new String[] {id, "whatsapp:%2B5491155550000", "whatsapp%3A%2B5491155550000"}) {
            try (WsClient ws = new WsClient(wsUrl(inPath, wsToken(key(project.apiKey()), id)))) {
                ws.send(Map.of("type", "ping"));
                assertThat(ws.next("pong").get("conversation_id").asString()).as(inPath).isEqualTo(id);
            }
        }
    }

    @Test
    void badTokensGetAnErrorFrameAndClose1008() throws Exception {
        TestProject project = newProject();
        try (WsClient ws = new WsClient(wsUrl("chat-1", "garbage"))) {
            assertThat(ws.next("error").get("error").asString()).startsWith("unauthorized");
            assertThat(ws.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
        }
        try (WsClient ws = new WsClient(wsUrl("chat-2", wsToken(key(project.apiKey()), "chat-1")))) {
            assertThat(ws.next("error").get("error").asString()).contains("another conversation");
            assertThat(ws.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
        }
        try (WsClient ws = new WsClient("ws://localhost:" + port + "/v1/ws/conversations/chat-1")) {
            assertThat(ws.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
        }
        // a console session token is not a websocket token
        try (WsClient ws = new WsClient(wsUrl("chat-1", project.ownerToken()))) {
            assertThat(ws.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
        }
        assertThat(send("POST", "/v1/ws/tokens", key(project.apiKey()), "{}").status()).isEqualTo(400);
        assertThat(send("POST", "/v1/ws/tokens", Map.of(), "{}").status()).isEqualTo(401);
    }

    @Test
    void projectStreamShowsOnlyTheOwnProjectsEvents() throws Exception {
        TestProject a = newProject();
        TestProject b = newProject();
        try (WsClient ws = new WsClient("ws://localhost:" + port + "/v1/ws/events?token=" + wsToken(bearer(a.ownerToken()), null))) {
            web(b, "shared-id", "de b");
            web(a, "shared-id", "de a");
            JsonNode first = ws.next("message");
            assertThat(first.get("text").asString()).isEqualTo("de a");
        }
        // API-key tokens cannot open the project stream
        String keyToken = wsToken(key(a.apiKey()), "x");
        try (WsClient ws = new WsClient("ws://localhost:" + port + "/v1/ws/events?token=" + keyToken)) {
            assertThat(ws.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
        }
    }

    @Test
    void pausedConversationsStoreAndBroadcastButTheBotStaysSilent() throws Exception {
        TestProject project = newProject();
        String from = phone();
        String conversation = "whatsapp:" + from;
        assertThat(whatsapp(project, whatsappBody(uniqueId("w"), from, "hola")).text("response_text")).isEqualTo("echo 1: hola");
        Response paused = send("POST", "/v1/admin/conversations/" + conversation + "/pause", bearer(project.ownerToken()), null);
        assertThat(paused.status()).isEqualTo(200);

        int calls = assistant.calls.get();
        try (WsClient console = new WsClient("ws://localhost:" + port + "/v1/ws/events?token=" + wsToken(bearer(project.ownerToken()), null))) {
            Response silent = whatsapp(project, whatsappBody(uniqueId("w"), from, "¿hay alguien?"));
            assertThat(silent.status()).isEqualTo(200);
            assertThat(silent.text("response_text")).isEmpty();
            assertThat(assistant.calls.get()).isEqualTo(calls);
            JsonNode stored = console.next("message");
            assertThat(stored.get("role").asString()).isEqualTo("user");
            assertThat(stored.get("text").asString()).isEqualTo("¿hay alguien?");

            Response reply = send("POST", "/v1/admin/conversations/" + conversation + "/reply", bearer(project.ownerToken()),
                    json(Map.of("text", "Hola, soy Ana de recepción")));
            assertThat(reply.status()).isEqualTo(200);
            assertThat(console.next(f -> "staff".equals(f.path("role").asString())).get("text").asString())
                    .isEqualTo("Hola, soy Ana de recepción");
        }
        FakeHttpEndpoint.Received sent = GATEWAY.received().stream()
                .filter(r -> r.bodyText().contains("Hola, soy Ana de recepción")).findFirst().orElseThrow();
        assertThat(sent.path()).isEqualTo("/admin/messages");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer gateway-admin-token-for-tests");
        assertThat(JSON.readTree(sent.body()).get("to").asString()).isEqualTo(from);
        // the gateway tenant the project maps to (its own id when not mapped), never the gateway's default one
        assertThat(JSON.readTree(sent.body()).path("tenant_id").asString()).isEqualTo(project.id());

        Response messages = send("GET", "/v1/admin/conversations/" + conversation + "/messages", bearer(project.ownerToken()), null);
        assertThat(messages.json().findValuesAsString("role")).containsExactly("user", "assistant", "user", "staff");

        send("POST", "/v1/admin/conversations/" + conversation + "/resume", bearer(project.ownerToken()), null);
        assertThat(whatsapp(project, whatsappBody(uniqueId("w"), from, "gracias")).text("response_text")).isEqualTo("echo 2: gracias");
    }

    @Test
    void assistantHandoffPausesTheConversationAndStaffReplyFailuresAre502() throws Exception {
        TestProject project = newProject();
        String from = phone();
        assertThat(whatsapp(project, whatsappBody(uniqueId("w"), from, "handoff")).text("response_text"))
                .isEqualTo("Te paso con una persona");
        assertThat(whatsapp(project, whatsappBody(uniqueId("w"), from, "hola")).text("response_text")).isEmpty();

        GATEWAY.answerNext(500, 500, 500);
        Response failed = send("POST", "/v1/admin/conversations/whatsapp:" + from + "/reply", bearer(project.ownerToken()),
                json(Map.of("text", "no llega")));
        assertThat(failed.status()).isEqualTo(502);
        assertThat(GATEWAY.received().stream().filter(r -> r.bodyText().contains("no llega")).count()).isEqualTo(3);
    }

    @Test
    void bookingIdsBecomeBookingEvents() throws Exception {
        TestProject project = newProject();
        try (WsClient ws = new WsClient(wsUrl("b-1", wsToken(key(project.apiKey()), "b-1")))) {
            web(project, "b-1", "book");
            assertThat(ws.next("booking").get("booking_ids").get(0).asString()).isEqualTo("bk-1");
        }
    }
}
