import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * whatsapp-gateway under load, as its own process: this program plays Meta (signed Cloud API webhooks in, a
 * fake Graph API receiving the sends) and backend-api (a fake that checks the gateway's HMAC signature and
 * answers at once), and starts the real gateway jar against a fresh PostgreSQL database. N users each send a
 * message, wait for the reply to reach the fake Graph API, think, and send the next one.
 *
 * <p>Measured per message, client side: the webhook ack (POST → 200, i.e. committed to the inbox) and
 * inbound → sent (POST → the reply arriving at the Graph API: forward, backend, outbox, send). Also the ack as
 * the gateway itself timed it (Micrometer's {@code http.server.requests} percentiles over the measured phase
 * only: the gateway keeps a 60 s window and the run pauses 60 s after the warm-up), and the CPU time the
 * gateway, PostgreSQL and this program used per message, from /proc.
 *
 * <p>Usage (from the repository root, after {@code ./mvnw -pl whatsapp-gateway -am package -DskipTests}):
 * {@code java bench/GatewayLoadBench.java [users=100] [messagesPerUser=20] [thinkMs=1000] [warmupMessages=4000]}.
 * Environment: {@code BENCH_PG} (default {@code postgres://postgres@127.0.0.1:5432}), {@code BENCH_REDIS}
 * (default {@code redis://127.0.0.1:6379}, empty = none), {@code GATEWAY_JAVA_OPTS}, {@code GATEWAY_JAR},
 * {@code GATEWAY_ARGS} (extra {@code --property=value} arguments), {@code GATEWAY_CPUS} (run the gateway under
 * {@code taskset -c}). The gateway's log goes to
 * {@code .local/logs/gateway-bench.log}.
 *
 * <p>Whole stack: with {@code BENCH_BACKEND=http://localhost:8080} (the stack of {@code scripts/run-local.sh},
 * deterministic assistant and MCP services) the gateway forwards to the real backend-api instead of the fake
 * one (demo API key and webhook secret, {@code BENCH_BACKEND_KEY} / {@code BENCH_BACKEND_SECRET} to override),
 * and each user plays the demo booking dialogue followed by its cancellation, over and over (seven messages:
 * use a multiple of 7 messages per user), so every run leaves the calendar as it found it.
 */
public class GatewayLoadBench {

    static final String APP_SECRET = "bench-app-secret";
    static final String BACKEND_KEY = "bench-api-key";
    static final String BACKEND_SECRET = "bench-hmac-secret";
    static final String ADMIN_TOKEN = "bench-admin-token-0123456789";
    static final String PHONE_NUMBER_ID = "555000999";
    static final Pattern TO = Pattern.compile("\"to\"\\s*:\\s*\"(\\d+)\"");
    static final Pattern MESSAGE_ID = Pattern.compile("\"message_id\"\\s*:\\s*\"([^\"]+)\"");
    /** The gateway's percentile window; at least twice the measured phase of a default run. */
    static final Duration SERVER_WINDOW = Duration.ofSeconds(60);
    static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*([0-9.eE+-]+)");
    static final Pattern TEXT = Pattern.compile("\"text\"\\s*:\\s*\"([^\"]*)\"");

    /** Arrival time (nanoTime) of each send at the fake Graph API, per user number. */
    static final Map<String, LinkedBlockingQueue<Long>> arrivals = new ConcurrentHashMap<>();
    static final AtomicInteger badSignatures = new AtomicInteger();
    /** Replies seen at the Graph API that confirm a booking / a cancellation (whole-stack mode's sanity check). */
    static final AtomicInteger confirmations = new AtomicInteger();
    static final AtomicInteger cancellations = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int think = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 4000;

        HttpServer graph = server(GatewayLoadBench::graph);
        HttpServer fakeBackend = server(GatewayLoadBench::backend);
        String realBackend = System.getenv("BENCH_BACKEND");
        Backend backend = realBackend == null || realBackend.isBlank()
                ? new Backend("http://127.0.0.1:" + fakeBackend.getAddress().getPort(), BACKEND_KEY, BACKEND_SECRET, false)
                : new Backend(realBackend, env("BENCH_BACKEND_KEY", DemoProject.API_KEY),
                        env("BENCH_BACKEND_SECRET", DemoProject.WEBHOOK_SECRET), true);
        String pg = env("BENCH_PG", "postgres://postgres@127.0.0.1:5432");
        String database = "gateway_bench_" + Long.toString(System.currentTimeMillis(), 36);
        psql(pg, "postgres", "create database " + database);
        int port = freePort();
        Process gateway = startGateway(pg + "/" + database, port, graph, backend);
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::destroy));
        HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor())
                .connectTimeout(Duration.ofSeconds(5)).build();
        if (backend.wholeStack()) {
            DemoProject.raiseRateLimits(http, backend.url());
        }
        String run = String.format("%02d", System.currentTimeMillis() / 1000 % 100); // fresh users (conversations) per run
        URI webhook = URI.create("http://127.0.0.1:" + port + "/webhooks/whatsapp/cloud");
        try {
            awaitReady(http, port, gateway);
            System.out.printf("gateway pid %d on port %d, database %s, backend %s%n", gateway.pid(), port, database,
                    backend.wholeStack() ? backend.url() + " (whole stack)" : "fake");

            long warmStart = System.nanoTime();
            runUsers(http, webhook, 20, Math.max(1, warmup / 20), 0, "549" + run + "0", backend, new Latencies(), new Latencies());
            System.out.printf("warm-up: %d messages in %.1f s%n", warmup, (System.nanoTime() - warmStart) / 1e9);

            confirmations.set(0);
            cancellations.set(0);
            Thread.sleep(SERVER_WINDOW.toMillis()); // the server-side percentiles then hold the measured phase only
            Latencies acks = new Latencies();
            Latencies turns = new Latencies();
            Cpu before = Cpu.read(gateway.pid());
            long start = System.nanoTime();
            runUsers(http, webhook, users, messages, think, "549" + run + "1", backend, acks, turns);
            double seconds = (System.nanoTime() - start) / 1e9;
            Cpu used = Cpu.read(gateway.pid()).minus(before);
            int n = acks.size();
            System.out.printf("%nusers=%d messages/user=%d think=%d ms: %d messages in %.1f s (%.0f msg/s), bad backend signatures %d%n",
                    users, messages, think, n, seconds, n / seconds, badSignatures.get());
            System.out.printf("ack            p50 %6.2f ms  p90 %6.2f ms  p99 %7.2f ms  max %7.2f ms%n", acks.pct(0.5),
                    acks.pct(0.9), acks.pct(0.99), acks.max());
            System.out.printf("inbound->sent  p50 %6.2f ms  p90 %6.2f ms  p99 %7.2f ms  max %7.2f ms%n", turns.pct(0.5),
                    turns.pct(0.9), turns.pct(0.99), turns.max());
            System.out.printf("ack (gateway)  p50 %6.2f ms  p90 %6.2f ms  p99 %7.2f ms%n", serverAck(http, port, 0.5),
                    serverAck(http, port, 0.9), serverAck(http, port, 0.99));
            if (backend.wholeStack()) {
                System.out.printf("replies confirming a booking: %d, confirming a cancellation: %d%n", confirmations.get(),
                        cancellations.get());
            }
            System.out.printf("CPU per message: gateway %.2f ms, PostgreSQL %.2f ms, this program %.2f ms (machine: %d cores, busy %.0f %%)%n",
                    used.gatewayMs / n, used.postgresMs / n, used.selfMs / n, Runtime.getRuntime().availableProcessors(),
                    100.0 * (used.gatewayMs + used.postgresMs + used.selfMs) / (seconds * 1000 * Runtime.getRuntime().availableProcessors()));
        } finally {
            gateway.destroy();
            gateway.waitFor(20, TimeUnit.SECONDS);
            graph.stop(0);
            fakeBackend.stop(0);
            psql(pg, "postgres", "drop database if exists " + database + " with (force)");
        }
        System.exit(0);
    }

    /** {@code count} users numbered from {@code prefix}, each sending {@code messages} messages one after the other. */
    static void runUsers(HttpClient http, URI webhook, int count, int messages, int think, String prefix, Backend backend,
            Latencies acks, Latencies turns) throws Exception {
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<?>> running = new ArrayList<>();
            for (int u = 0; u < count; u++) {
                String number = prefix + String.format("%06d", u);
                String[] script = backend.wholeStack() ? dialogue(u) : null;
                running.add(executor.submit(() -> {
                    user(http, webhook, number, messages, think, script, acks, turns);
                    return null;
                }));
            }
            for (var f : running) {
                f.get();
            }
        }
    }

    /** The demo booking dialogue of user {@code n}, then its cancellation. */
    static String[] dialogue(int n) {
        List<String> turns = new ArrayList<>(List.of(DemoProject.bookingTurns(n)));
        turns.addAll(List.of(DemoProject.CANCEL_TURNS));
        return turns.toArray(String[]::new);
    }

    /** {@code script} null: "hola i" to the echoing fake backend. */
    static void user(HttpClient http, URI webhook, String number, int messages, int think, String[] script, Latencies acks,
            Latencies turns) throws Exception {
        LinkedBlockingQueue<Long> replies = arrivals.computeIfAbsent(number, k -> new LinkedBlockingQueue<>());
        if (think > 0) {
            Thread.sleep(ThreadLocalRandom.current().nextInt(think)); // users start spread over one think time
        }
        for (int i = 0; i < messages; i++) {
            byte[] body = """
                    {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"value":{"messaging_product":"whatsapp",\
                    "metadata":{"display_phone_number":"15550783881","phone_number_id":"%s"},\
                    "contacts":[{"profile":{"name":"Bench"},"wa_id":"%s"}],\
                    "messages":[{"from":"%s","id":"wamid.%s","timestamp":"%d","type":"text","text":{"body":"%s"}}]},\
                    "field":"messages"}]}]}""".formatted(PHONE_NUMBER_ID, number, number, UUID.randomUUID(),
                    Instant.now().getEpochSecond(), script == null ? "hola " + i : script[i % script.length])
                    .getBytes(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(hmac(APP_SECRET, body)))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            long sent = System.nanoTime();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            acks.add(System.nanoTime() - sent);
            if (status != 200) {
                throw new IllegalStateException("webhook answered " + status);
            }
            Long arrived = replies.poll(30, TimeUnit.SECONDS);
            if (arrived == null) {
                throw new IllegalStateException("no reply to " + number + " within 30 s");
            }
            turns.add(arrived - sent);
            if (think > 0) {
                Thread.sleep(think);
            }
        }
    }

    /** The Graph API's POST /{phone_number_id}/messages: records the arrival, answers with a wamid. */
    static void graph(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Matcher to = TO.matcher(body);
        String number = to.find() ? to.group(1) : "";
        if (body.contains("confirmado")) {
            confirmations.incrementAndGet();
        } else if (body.contains("cancelé")) {
            cancellations.incrementAndGet();
        }
        respond(exchange, 200, "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + number + "\",\"wa_id\":\""
                + number + "\"}],\"messages\":[{\"id\":\"wamid.HBgL" + UUID.randomUUID().toString().replace("-", "") + "\"}]}");
        arrivals.computeIfAbsent(number, k -> new LinkedBlockingQueue<>()).add(arrived);
    }

    /** backend-api's signed gateway inbound endpoint: checks key and HMAC, echoes the text. */
    static void backend(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        String timestamp = exchange.getRequestHeaders().getFirst("X-Webhook-Timestamp");
        String expected = timestamp == null ? "" : Base64.getEncoder().encodeToString(hmac(BACKEND_SECRET,
                (timestamp + ".").getBytes(StandardCharsets.UTF_8), raw));
        if (!BACKEND_KEY.equals(exchange.getRequestHeaders().getFirst("X-API-Key"))
                || !expected.equals(exchange.getRequestHeaders().getFirst("X-Webhook-Signature"))) {
            badSignatures.incrementAndGet();
            respond(exchange, 401, "{\"detail\":\"bad signature\"}");
            return;
        }
        String body = new String(raw, StandardCharsets.UTF_8);
        Matcher id = MESSAGE_ID.matcher(body);
        Matcher text = TEXT.matcher(body);
        respond(exchange, 200, "{\"conversation_id\":\"bench\",\"message_id\":\"" + (id.find() ? id.group(1) : "")
                + "\",\"response_text\":\"echo: " + (text.find() ? text.group(1) : "") + "\"}");
    }

    /** Where the gateway forwards: the fake below, or a real backend-api ({@code wholeStack}). */
    record Backend(String url, String apiKey, String hmacSecret, boolean wholeStack) {
    }

    static Process startGateway(String databaseUrl, int port, HttpServer graph, Backend backend) throws IOException {
        String jar = System.getenv("GATEWAY_JAR");
        if (jar == null) {
            try (var files = Files.list(Path.of("whatsapp-gateway/target"))) {
                jar = files.map(Path::toString).filter(f -> f.endsWith("-exec.jar")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("build the gateway first: ./mvnw -pl whatsapp-gateway -am package -DskipTests"));
            }
        }
        String t = "--ai-assistants.gateway.tenants.bench.";
        List<String> command = new ArrayList<>();
        String cpus = env("GATEWAY_CPUS", "");
        if (!cpus.isBlank()) { // e.g. "1": the gateway on a core of its own, as on its own Fargate task
            command.addAll(List.of("taskset", "-c", cpus));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(env("GATEWAY_JAVA_OPTS", "").split("\\s+")));
        command.removeIf(String::isBlank);
        command.addAll(List.of("-jar", jar, "--server.port=" + port,
                "--spring.data.redis.url=" + env("BENCH_REDIS", "redis://127.0.0.1:6379"),
                "--ai-assistants.gateway.admin-token=" + ADMIN_TOKEN,
                "--ai-assistants.gateway.throttle.redis-key-prefix=gateway-bench-" + port + ":",
                "--ai-assistants.gateway.cloud.app-secret=" + APP_SECRET,
                "--ai-assistants.gateway.cloud.graph-base-url=http://127.0.0.1:" + graph.getAddress().getPort() + "/v21.0",
                "--management.metrics.distribution.percentiles.http.server.requests=0.5,0.9,0.99",
                "--management.metrics.distribution.expiry.http.server.requests=" + SERVER_WINDOW.toSeconds() + "s",
                "--management.metrics.distribution.buffer-length.http.server.requests=4",
                t + "provider=cloud", t + "phone-number-id=" + PHONE_NUMBER_ID, t + "access-token=EAAG-bench",
                t + "backend.base-url=" + backend.url(), t + "backend.api-key=" + backend.apiKey(),
                t + "backend.hmac-secret=" + backend.hmacSecret(),
                // measures the gateway, not Meta's pacing: 20 messages per user would otherwise wait for the pair limit
                t + "throttle.number.capacity=1000000", t + "throttle.number.refill-tokens=1000000",
                t + "throttle.pair.capacity=1000000", t + "throttle.pair.refill-tokens=1000000"));
        command.addAll(List.of(env("GATEWAY_ARGS", "").split("\\s+")));
        command.removeIf(String::isBlank);
        Path log = Path.of(".local/logs/gateway-bench.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().put("DATABASE_URL", databaseUrl);
        return builder.start();
    }

    /** The webhook's server-side latency percentile {@code phi} in ms, as the gateway's Micrometer timer has it. */
    static double serverAck(HttpClient http, int port, double phi) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/metrics/http.server.requests.percentile?tag=uri:/webhooks/whatsapp/cloud&tag=phi:" + phi))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher value = VALUE.matcher(body);
        return value.find() ? Double.parseDouble(value.group(1)) * 1000 : Double.NaN;
    }

    static void awaitReady(HttpClient http, int port, Process gateway) throws Exception {
        HttpRequest status = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/status"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!gateway.isAlive()) {
                throw new IllegalStateException("the gateway exited; see .local/logs/gateway-bench.log");
            }
            try {
                HttpResponse<String> response = http.send(status, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().replace(" ", "").contains("\"active\":true")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the gateway did not become active within 120 s");
    }

    static HttpServer server(com.sun.net.httpserver.HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", handler);
        server.start();
        return server;
    }

    static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    static byte[] hmac(String secret, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static void psql(String server, String database, String sql) throws Exception {
        Process p = new ProcessBuilder("psql", server + "/" + database, "-v", "ON_ERROR_STOP=1", "-qc", sql)
                .inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("psql failed: " + sql);
        }
    }

    static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    /** CPU milliseconds of the gateway process, every postgres process and this program (utime + stime from /proc). */
    record Cpu(double gatewayMs, double postgresMs, double selfMs) {

        static Cpu read(long gatewayPid) {
            double postgres = ProcessHandle.allProcesses()
                    .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false)
                            || p.info().commandLine().map(c -> c.startsWith("postgres:")).orElse(false))
                    .mapToDouble(p -> ticks(p.pid())).sum();
            return new Cpu(ticks(gatewayPid), postgres, ticks(ProcessHandle.current().pid()));
        }

        Cpu minus(Cpu other) {
            return new Cpu(gatewayMs - other.gatewayMs, postgresMs - other.postgresMs, selfMs - other.selfMs);
        }

        /** utime + stime in ms (clock ticks of 10 ms on Linux). */
        private static double ticks(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10.0;
            } catch (IOException | RuntimeException gone) {
                return 0;
            }
        }
    }
}
