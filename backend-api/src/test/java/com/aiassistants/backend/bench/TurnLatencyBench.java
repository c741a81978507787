package com.aiassistants.backend.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import com.aiassistants.backend.BackendTestBase;
import com.aiassistants.common.channel.HmacSignatures;

/**
 * End-to-end turn latency: signed WhatsApp gateway inbound over HTTP → reply, 100 concurrent
 * conversations, real PostgreSQL (and Redis when configured), the test assistant. Not part of the
 * test suite; run with
 * {@code mvn -pl backend-api -am verify -Dtest=TurnLatencyBench -Dsurefire.failIfNoSpecifiedTests=false}
 * (results on stdout, see docs/benchmarks.md). The load generator shares the machine's cores.
 */
class TurnLatencyBench extends BackendTestBase {

    static final int CONVERSATIONS = 100;

    record Result(String label, int turns, double seconds, long[] nanos, int errors) {

        double percentile(double p) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
        }

        String line() {
            return String.format("%-38s turns=%6d errors=%d turns/s=%7.0f p50=%6.1f ms p90=%6.1f ms p99=%6.1f ms max=%6.1f ms",
                    label, turns, errors, turns / seconds, percentile(0.50), percentile(0.90), percentile(0.99),
                    percentile(1.0));
        }
    }

    @Test
    void turnLatency() throws Exception {
        TestProject project = newProject();
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < CONVERSATIONS; i++) {
            phones.add("+5491100" + String.format("%06d", i));
        }
        closedLoop(project, phones, Duration.ofSeconds(8), "warm-up");
        Result saturated = closedLoop(project, phones, Duration.ofSeconds(20), "closed loop, 100 in flight");
        List<String> lines = new ArrayList<>();
        lines.add(saturated.line());
        double max = saturated.turns() / saturated.seconds();
        for (int rate : new int[] {100, 200, (int) (max * 0.5), (int) (max * 0.75)}) {
            lines.add(openLoop(project, phones, rate, Duration.ofSeconds(15)).line());
        }
        System.out.println("==== TurnLatencyBench (" + Runtime.getRuntime().availableProcessors() + " cores, redis="
                + !System.getenv().getOrDefault("TEST_REDIS_URL", "").isBlank() + ") ====");
        lines.forEach(System.out::println);
    }

    /** 100 conversations, each sending its next message as soon as the previous reply arrives. */
    Result closedLoop(TestProject project, List<String> phones, Duration duration, String label) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String phone : phones) {
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        turn(project, phone, latencies, errors);
                    }
                });
            }
        }
        return result(label, latencies, (System.nanoTime() - start) / 1e9, errors.get());
    }

    /** Messages arrive at a fixed total rate spread over the 100 conversations (one in flight per conversation at most). */
    Result openLoop(TestProject project, List<String> phones, int perSecond, Duration duration) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        long intervalNanos = 1_000_000_000L * CONVERSATIONS / perSecond;
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        AtomicLong late = new AtomicLong();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < phones.size(); i++) {
                String phone = phones.get(i);
                long offset = intervalNanos * i / CONVERSATIONS;
                pool.submit(() -> {
                    long next = start + offset;
                    while (next < end) {
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(Duration.ofNanos(wait));
                        } else {
                            late.incrementAndGet();
                        }
                        turn(project, phone, latencies, errors);
                        next += intervalNanos;
                    }
                    return null;
                });
            }
        }
        return result("open loop, offered " + perSecond + " turns/s", latencies, (System.nanoTime() - start) / 1e9,
                errors.get());
    }

    void turn(TestProject project, String phone, ConcurrentLinkedQueue<Long> latencies, AtomicInteger errors) {
        String body = json(Map.of("message_id", "bench-" + System.nanoTime() + "-" + phone, "from_number", phone,
                "text", "hola quiero un turno", "timestamp_iso", Instant.now().toString()));
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/v1/channels/whatsapp/gateway/inbound"))
                .header("Content-Type", "application/json").header("X-API-Key", project.apiKey())
                .header("X-Webhook-Timestamp", timestamp)
                .header("X-Webhook-Signature", HmacSignatures.sign(project.webhookSecret(), timestamp, body.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long started = System.nanoTime();
        try {
            int status = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
            latencies.add(System.nanoTime() - started);
            if (status != 200) {
                errors.incrementAndGet();
            }
        } catch (Exception e) {
            errors.incrementAndGet();
        }
    }

    static Result result(String label, ConcurrentLinkedQueue<Long> latencies, double seconds, int errors) {
        long[] nanos = latencies.stream().mapToLong(Long::longValue).toArray();
        return new Result(label, nanos.length, seconds, nanos, errors);
    }
}
