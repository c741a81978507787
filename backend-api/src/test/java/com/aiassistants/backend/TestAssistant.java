package com.aiassistants.backend;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import com.aiassistants.backend.assistant.Assistant;
import com.aiassistants.backend.assistant.AssistantReply;
import com.aiassistants.backend.assistant.AssistantTurn;
import com.aiassistants.backend.assistant.Sandbox;

/**
 * Test-only assistant: echoes the text with a per-conversation turn counter kept in the state, and
 * understands a few test commands ({@code slow}, {@code gated} (waits until the test opens {@link #gate}), {@code menu}, {@code list}, {@code handoff},
 * {@code remember <name>}, {@code greeting} and {@code flow} (what the turn's flow settings say), {@code fail}, {@code flaky} (fails {@link #flakyFailures} times), {@code book}). Records calls so tests can check
 * dedupe, ordering and that one conversation never runs two turns at once.
 */
public class TestAssistant implements Assistant {

    public final AtomicInteger calls = new AtomicInteger();
    public final Map<String, List<String>> textsByConversation = new ConcurrentHashMap<>();
    public final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    public final AtomicInteger overlaps = new AtomicInteger();
    public volatile Duration slowDelay = Duration.ofMillis(300);
    /** Turns whose text starts with {@code gated} wait here (at most 30 s) until a test counts it down. */
    public volatile CountDownLatch gate = new CountDownLatch(0);
    /** Counted down when a gated turn has started (it holds its conversation's turn). */
    public volatile CountDownLatch gateEntered = new CountDownLatch(1);
    /** How many {@code flaky} turns fail before they answer. */
    public final AtomicInteger flakyFailures = new AtomicInteger();
    /** The history each turn saw, by its text. */
    public final Map<String, List<String>> historyByText = new ConcurrentHashMap<>();

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        TestAssistant testAssistant() {
            return new TestAssistant();
        }
    }

    @Override
    public AssistantReply reply(AssistantTurn turn) {
        String key = turn.tenant().tenantId() + "|" + turn.conversationId();
        if (!inFlight.add(key)) {
            overlaps.incrementAndGet();
        }
        try {
            calls.incrementAndGet();
            textsByConversation.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(turn.text());
            int turns = turn.state() == null ? 1 : Integer.parseInt(turn.state().replaceAll("\\D", "")) + 1;
            String state = "{\"turns\":" + turns + "}";
            String text = turn.text();
            if (text.startsWith("slow")) {
                sleep(slowDelay);
            }
            historyByText.put(text, turn.history().stream().map(AssistantTurn.HistoryEntry::text).toList());
            if (text.startsWith("gated")) {
                gateEntered.countDown();
                await(gate);
            }
            if (text.equals("flaky") && flakyFailures.getAndDecrement() > 0) {
                throw new IllegalStateException("test assistant failure (flaky)");
            }
            if (text.equals("fail") || text.equals("gated fail")) {
                throw new IllegalStateException("test assistant failure");
            }
            if (text.equals("menu")) {
                return new AssistantReply("Elegí una opción", new AssistantReply.Interactive(
                        AssistantReply.Interactive.Type.BUTTONS, null,
                        List.of(opt("book"), opt("mine"), opt("human"), opt("extra"))), state, Map.of(), false, List.of());
            }
            if (text.equals("list")) {
                return new AssistantReply("Servicios", new AssistantReply.Interactive(AssistantReply.Interactive.Type.LIST,
                        "Elegí", List.of(new AssistantReply.Interactive.Option("s1", "Corte", "30 min"))), state, Map.of(),
                        false, List.of());
            }
            if (text.equals("handoff")) {
                return new AssistantReply("Te paso con una persona", null, state, Map.of(), true, List.of());
            }
            if (text.equals("greeting")) {
                String greeting = turn.tenant().flow().greeting();
                return AssistantReply.text(greeting == null ? "(no greeting)" : greeting, state);
            }
            if (text.equals("flow")) {
                var flow = turn.tenant().flow();
                return AssistantReply.text("engine=" + flow.engine() + " menu=" + flow.menuStyle() + " fields="
                        + String.join(",", flow.requiredFields()) + " prompt=" + flow.systemPrompt(), state);
            }
            if (text.equals("book")) {
                // the real assistant's calendar writes refuse sandbox turns; so does this pretend one
                Sandbox.refuseWrite("hold_slot");
                return new AssistantReply("Reservado", null, state, Map.of(), false, List.of("bk-1"));
            }
            if (text.startsWith("remember ")) {
                return new AssistantReply("ok", null, state, Map.of("name", text.substring(9)), false, List.of());
            }
            String reply = "echo " + turns + ": " + (text.isBlank() ? "reply:" + turn.replyId() : text)
                    + (turn.memory().containsKey("name") ? " (" + turn.memory().get("name") + ")" : "");
            return AssistantReply.text(reply, state);
        } finally {
            inFlight.remove(key);
        }
    }

    private static AssistantReply.Interactive.Option opt(String id) {
        return new AssistantReply.Interactive.Option(id, id.toUpperCase(), null);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
