import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * End-to-end booking dialogues against a running stack (scripts/run-local.sh): N concurrent
 * conversations, each a full Spanish booking dialogue through the web message endpoint with the
 * deterministic assistant and the real MCP services. Prints per-turn latency percentiles and how
 * many dialogues ended confirmed.
 *
 * Usage: java bench/BookingDialogueBench.java [conversations=100] [thinkMs=1000] [baseUrl=http://localhost:8080] [apiKey=demo-local-key-change-me] [warmupDialogues=300] [dialoguesPerConversation=1]
 * thinkMs is the pause between a reply and the user's next message (0 = closed loop, saturation).
 * BENCH_START_SPREAD_MS=n starts the conversations within n ms (default: one dialogue's think times, 5 × thinkMs).
 * BENCH_MESSAGE_IDS=1 sends a message id with every message, as the WhatsApp gateway does.
 * BENCH_SLOW_MS=n lists, after the measured run, the measured turns slower than n ms by the second they started in
 * (wall-clock, UTC), to line a latency tail up with the services' GC and safepoint logs.
 */
public class BookingDialogueBench {

    static int think;
    /** How long the conversations' starts are spread over; -1: over one dialogue's think times. */
    static final int START_SPREAD_MS = Integer.parseInt(System.getenv().getOrDefault("BENCH_START_SPREAD_MS", "-1"));
    /** The users' messages go through this client (the JDK's HttpClient only logs in as the demo admin). */
    static KeptAliveHttp messages;
    static final ConcurrentHashMap<Integer, Latencies> byStep = new ConcurrentHashMap<>();
    /** Conversations that ended with a confirmed booking: cancelled after the measurement so runs repeat on free slots. */
    static final java.util.Queue<String[]> toCancel = new java.util.concurrent.ConcurrentLinkedQueue<>();

    public static void main(String[] args) throws Exception {
        int conversations = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        think = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        String base = args.length > 2 ? args[2] : "http://localhost:8080";
        String key = args.length > 3 && !args[3].isBlank() ? args[3] : DemoProject.API_KEY;
        int warmupDialogues = args.length > 4 ? Integer.parseInt(args[4]) : 300;
        // a closed loop (think 0) needs each conversation to go on for a while: it then plays this many dialogues in a row
        int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 1;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        messages = new KeptAliveHttp(base, 30_000);
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        Latencies latencies = new Latencies();
        AtomicInteger confirmed = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ConcurrentHashMap<String, Integer> outcomes = new ConcurrentHashMap<>();
        DemoProject.raiseRateLimits(http, base);
        // warm-up, not measured: the same dialogues, 20 at a time without think time, so every service's JIT
        // has compiled its hot paths (a freshly started stack needs a few thousand turns), then undo its bookings
        int measuredThink = think;
        think = 0;
        long warmStarted = System.nanoTime();
        try (var executor = Executors.newFixedThreadPool(20, Thread.ofVirtual().factory())) {
            for (int i = 0; i < Math.max(1, warmupDialogues); i++) {
                int n = i;
                executor.submit(() -> dialogue(key, "warm-" + run + "-" + n, n, 0, new Latencies(), null, null, null));
            }
        }
        System.out.printf("warm-up: %d dialogues in %.1f s; undone: %d bookings%n", Math.max(1, warmupDialogues),
                (System.nanoTime() - warmStarted) / 1e9, cancelAll(key));
        think = measuredThink;
        awaitSignal("go");
        long started = System.nanoTime();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < conversations; i++) {
                int n = i;
                executor.submit(() -> {
                    for (int r = 0; r < rounds; r++) {
                        int dialogue = n + r * conversations;
                        // the first dialogue starts within one dialogue's think times, as users arrive independently:
                        // not all in the same ms, nor all at the same step of the dialogue; the next ones within a think
                        int startWithin = r == 0 ? START_SPREAD_MS >= 0 ? START_SPREAD_MS
                                : think * DemoProject.bookingTurns(0).length : think;
                        dialogue(key, "bench-" + run + "-" + dialogue, dialogue, startWithin, latencies, confirmed,
                                errors, outcomes);
                    }
                });
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("conversations=%d think=%d ms turns=%d in %.1f s (%.0f turns/s), errors=%d, confirmed=%d%n",
                conversations, think, latencies.size(), seconds, latencies.size() / seconds, errors.get(), confirmed.get());
        System.out.printf("turn latency ms: p50=%.1f p90=%.1f p99=%.1f max=%.1f%n", latencies.pct(0.5), latencies.pct(0.9),
                latencies.pct(0.99), latencies.max());
        System.out.println("last reply kinds: " + outcomes);
        byStep.forEach((step, turn) -> System.out.printf("  turn %d: p50=%.1f p90=%.1f p99=%.1f ms%n", step + 1,
                turn.pct(0.5), turn.pct(0.9), turn.pct(0.99)));
        SlowTurns.print();
        awaitSignal("done");
        int booked = toCancel.size();
        System.out.println("cleanup: cancelled " + cancelAll(key) + " of " + booked + " bookings made by this run");
    }

    /** Cancels, through the assistant, every booking the dialogues confirmed; returns how many were cancelled. */
    static int cancelAll(String key) {
        AtomicInteger cancelled = new AtomicInteger();
        try (var executor = Executors.newFixedThreadPool(20, Thread.ofVirtual().factory())) {
            for (String[] booked = toCancel.poll(); booked != null; booked = toCancel.poll()) {
                String[] it = booked;
                executor.submit(() -> {
                    try {
                        post(key, it[0], it[1], DemoProject.CANCEL_TURNS[0]);
                        if (post(key, it[0], it[1], DemoProject.CANCEL_TURNS[1]).body().contains("cancelé")) {
                            cancelled.incrementAndGet();
                        }
                    } catch (Exception e) {
                        // best effort: a booking left behind only makes the next run's slots fewer
                    }
                });
            }
        }
        return cancelled.get();
    }

    /** One booking dialogue, started within {@code startWithin} ms (with think time) after the call. */
    static void dialogue(String key, String conversation, int n, int startWithin,
            Latencies latencies, AtomicInteger confirmed, AtomicInteger errors, ConcurrentHashMap<String, Integer> outcomes) {
        String customer = "5491" + String.format("%04d", Math.abs(conversation.hashCode()) % 10_000) + String.format("%05d", n);
        String[] turns = DemoProject.bookingTurns(n);
        String lastReply = "";
        pause(think > 0 && startWithin > 0 ? java.util.concurrent.ThreadLocalRandom.current().nextInt(startWithin) : 0);
        int step = -1;
        for (String text : turns) {
            step++;
            long t0 = System.nanoTime();
            try {
                KeptAliveHttp.Response response = post(key, conversation, customer, text);
                long took = System.nanoTime() - t0;
                latencies.add(took);
                if (confirmed != null) {
                    byStep.computeIfAbsent(step, k -> new Latencies()).add(took);
                    SlowTurns.note(t0, took);
                }
                if (response.status() != 200) {
                    if (errors != null) errors.incrementAndGet();
                    lastReply = "http " + response.status();
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
        if (lastReply.contains("confirmado")) {
            toCancel.add(new String[] {conversation, customer});
            if (confirmed != null) confirmed.incrementAndGet();
        }
        if (outcomes != null) {
            String kind = lastReply.contains("confirmado") ? "confirmed"
                    : lastReply.contains("acaban de tomar") || lastReply.contains("ocupado") || lastReply.contains("no te entendí.\\n1.") ? "slot taken, alternatives offered"
                    : "other: " + lastReply.replaceAll(".*response_text\":\"", "").substring(0, Math.min(60, lastReply.replaceAll(".*response_text\":\"", "").length()));
            outcomes.merge(kind, 1, Integer::sum);
        }
    }

    /**
     * With BENCH_MESSAGE_IDS=1 every message carries a message id of its own, as each message the WhatsApp gateway
     * passes on does (the backend then claims the id and keeps the reply for a repeat of it).
     */
    static final boolean MESSAGE_IDS = "1".equals(System.getenv("BENCH_MESSAGE_IDS"));

    /** One user message through the web message endpoint, on the calling thread's kept-alive connection. */
    static KeptAliveHttp.Response post(String key, String conversation, String customer, String text) throws Exception {
        String id = MESSAGE_IDS ? ",\"message_id\":\"bench." + java.util.UUID.randomUUID() + "\"" : "";
        return messages.post("/v1/conversations/" + conversation + "/messages",
                java.util.Map.of("X-API-Key", key, "X-Customer-Id", customer), "{\"text\":\"" + text + "\"" + id + "}");
    }

    /**
     * With BENCH_SIGNAL set (bench/stack-profile.sh), waits until the file BENCH_SIGNAL.name exists: the profiler
     * reads every process's CPU time before the measured run starts and after it ends, with no other load meanwhile.
     */
    static void awaitSignal(String name) {
        String signal = System.getenv("BENCH_SIGNAL");
        if (signal == null || signal.isBlank()) {
            return;
        }
        java.nio.file.Path file = java.nio.file.Path.of(signal + "." + name);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!java.nio.file.Files.exists(file) && System.nanoTime() < deadline) {
            pause(20);
        }
    }

    static void pause(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
