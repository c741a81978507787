import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * End-to-end booking dialogues against a running stack (scripts/run-local.sh): N concurrent
 * conversations, each a full Spanish booking dialogue through the web message endpoint with the
 * deterministic assistant and the real MCP services. Prints per-turn latency percentiles and how
 * many dialogues ended confirmed.
 *
 * Usage: java bench/BookingDialogueBench.java [conversations=100] [thinkMs=1000] [baseUrl=http://localhost:8080] [apiKey=demo-local-key-change-me]
 * thinkMs is the pause between a reply and the user's next message (0 = closed loop, saturation).
 */
public class BookingDialogueBench {

    static int think;

    public static void main(String[] args) throws Exception {
        int conversations = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        think = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        String base = args.length > 2 ? args[2] : "http://localhost:8080";
        String key = args.length > 3 ? args[3] : "demo-local-key-change-me";
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger confirmed = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ConcurrentHashMap<String, Integer> outcomes = new ConcurrentHashMap<>();
        DateTimeFormatter ddmm = DateTimeFormatter.ofPattern("dd/MM");
        // warm-up: one dialogue so JIT and connection pools are ready
        dialogue(http, base, key, "warm-" + run, 999_999, LocalDate.now().plusDays(40).format(ddmm), new ArrayList<>(), null, null, null);
        long started = System.nanoTime();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < conversations; i++) {
                int n = i;
                String day = LocalDate.now().plusDays(2 + (n % 28)).format(ddmm);
                executor.submit(() -> dialogue(http, base, key, "bench-" + run + "-" + n, n, day, latencies, confirmed, errors, outcomes));
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("conversations=%d think=%d ms turns=%d in %.1f s (%.0f turns/s), errors=%d, confirmed=%d%n",
                conversations, think, sorted.size(), seconds, sorted.size() / seconds, errors.get(), confirmed.get());
        System.out.printf("turn latency ms: p50=%.1f p90=%.1f p99=%.1f max=%.1f%n", pct(sorted, 50), pct(sorted, 90),
                pct(sorted, 99), sorted.isEmpty() ? 0 : sorted.getLast() / 1e6);
        System.out.println("last reply kinds: " + outcomes);
    }

    static void dialogue(HttpClient http, String base, String key, String conversation, int n, String day,
            List<Long> latencies, AtomicInteger confirmed, AtomicInteger errors, ConcurrentHashMap<String, Integer> outcomes) {
        String customer = "549110" + String.format("%07d", n);
        String[] first = {"Ana", "Juan", "Laura", "Pedro", "Sofía", "Diego", "Lucía", "Martín", "Carla", "Pablo"};
        String[] last = {"Gómez", "Pérez", "Fernández", "López", "Díaz", "Romero", "Sosa", "Torres", "Ruiz", "Álvarez"};
        String name = first[n % 10] + " " + last[(n / 10) % 10];
        String[] turns = {"hola, me llamo " + name, "quiero un turno de limpieza dental", "el " + day, "1", "sí"};
        String lastReply = "";
        pause(think > 0 && latencies.size() > 0 ? java.util.concurrent.ThreadLocalRandom.current().nextInt(think) : 0);
        for (String text : turns) {
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(base + "/v1/conversations/" + conversation + "/messages"))
                        .timeout(Duration.ofSeconds(30))
                        .header("X-API-Key", key).header("X-Customer-Id", customer)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                latencies.add(System.nanoTime() - t0);
                if (response.statusCode() != 200) {
                    if (errors != null) errors.incrementAndGet();
                    lastReply = "http " + response.statusCode();
                    break;
                }
                lastReply = response.body();
                pause(think);
            } catch (Exception e) {
                if (errors != null) errors.incrementAndGet();
                lastReply = e.getClass().getSimpleName();
                break;
            }
        }
        if (confirmed != null && lastReply.contains("confirmado")) {
            confirmed.incrementAndGet();
        }
        if (outcomes != null) {
            String kind = lastReply.contains("confirmado") ? "confirmed"
                    : lastReply.contains("acaban de tomar") || lastReply.contains("ocupado") ? "slot taken, alternatives offered"
                    : "other";
            outcomes.merge(kind, 1, Integer::sum);
        }
    }

    static void pause(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) return 0;
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
