package com.aiassistants.gateway.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.aiassistants.gateway.cloud.WebhookSignature;
import com.aiassistants.gateway.support.Await;
import com.aiassistants.gateway.support.GatewayTestBase;

/**
 * Not part of {@code verify} (the name does not end in Test). Run:
 * {@code mvn -pl whatsapp-gateway -am verify -Dtest=GatewayBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * 100 concurrent Cloud API users, each sending messages one after the other and waiting for the reply
 * at the fake Graph API. Measures the signed-webhook ack latency (client side) and inbound→sent
 * (inbox.received_at → outbox.sent_at, both stamped by PostgreSQL).
 */
class GatewayBenchmark extends GatewayTestBase {

    /** Measures the gateway, not the send throttle: 20 messages per user would otherwise be paced like Meta's pair limit. */
    @org.springframework.test.context.DynamicPropertySource
    static void unthrottled(org.springframework.test.context.DynamicPropertyRegistry registry) {
        for (String limit : new String[] {"number", "pair"}) {
            String prefix = "ai-assistants.gateway.tenants.clinic.throttle." + limit + ".";
            registry.add(prefix + "capacity", () -> "1000000");
            registry.add(prefix + "refill-tokens", () -> "1000000");
        }
    }

    private static final int USERS = Integer.getInteger("bench.users", 100);
    private static final int MESSAGES = Integer.getInteger("bench.messages", 20);
    /** Pause between a reply and the user's next message; 0 gives a closed loop (saturation). */
    private static final int THINK_MS = Integer.getInteger("bench.think-ms", 1000);

    @Test
    void run() throws Exception {
        System.setProperty("bench.light", "true");
        awaitActive();
        HttpClient client = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        // warm-up
        user(client, "34700000000", 20, new ArrayList<>());
        jdbc.update("update inbox set received_at = received_at where false");
        Instant start = Instant.now();
        List<Long> acks = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService users = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (int u = 1; u <= USERS; u++) {
                String number = "347" + String.format("%08d", u);
                futures.add(users.submit(() -> {
                    user(client, number, MESSAGES, acks);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        double seconds = (Instant.now().toEpochMilli() - start.toEpochMilli()) / 1000.0;
        Collections.sort(acks);
        Map<String, Object> turn = jdbc.queryForMap("""
                select percentile_cont(0.5) within group (order by ms) as p50, percentile_cont(0.99) within group (order by ms) as p99,
                       max(ms) as max, count(*) as n
                from (select extract(epoch from (o.sent_at - i.received_at)) * 1000 as ms
                      from outbox o join inbox i on i.id = o.inbox_id where i.received_at >= ?) t""",
                java.sql.Timestamp.from(start));
        System.out.printf("%nBENCH users=%d messages/user=%d think=%d ms total=%d in %.1f s (%.0f msg/s)%n", USERS, MESSAGES, THINK_MS,
                acks.size(), seconds, acks.size() / seconds);
        System.out.printf("BENCH ack p50=%.2f ms p99=%.2f ms max=%.2f ms%n", pct(acks, 0.5), pct(acks, 0.99),
                acks.getLast() / 1e6);
        System.out.printf("BENCH inbound->sent p50=%.2f ms p99=%.2f ms max=%.2f ms n=%s%n",
                ((Number) turn.get("p50")).doubleValue(), ((Number) turn.get("p99")).doubleValue(),
                ((Number) turn.get("max")).doubleValue(), turn.get("n"));
    }

    private static double pct(List<Long> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }

    private void user(HttpClient client, String number, int messages, List<Long> acks) throws Exception {
        if (THINK_MS > 0) {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(THINK_MS));
        }
        for (int i = 0; i < messages; i++) {
            int expected = GRAPH.countTo(number) + 1;
            String body = """
                    {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"value":{"messaging_product":"whatsapp",
                    "metadata":{"display_phone_number":"15550783881","phone_number_id":"%s"},
                    "contacts":[{"profile":{"name":"U"},"wa_id":"%s"}],
                    "messages":[{"from":"%s","id":"wamid.%s","timestamp":"%d","type":"text","text":{"body":"hola %d"}}]},
                    "field":"messages"}]}]}""".formatted(CLINIC_PHONE_NUMBER_ID, number, number, UUID.randomUUID(),
                    Instant.now().getEpochSecond(), i);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/whatsapp/cloud"))
                    .header("Content-Type", "application/json")
                    .header("X-Hub-Signature-256", WebhookSignature.sign(APP_SECRET, bytes))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
            long t0 = System.nanoTime();
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            acks.add(System.nanoTime() - t0);
            if (status != 200) {
                throw new IllegalStateException("ack " + status);
            }
            Await.until("reply to " + number, () -> GRAPH.countTo(number) >= expected);
            if (THINK_MS > 0) {
                Thread.sleep(THINK_MS);
            }
        }
    }
}
