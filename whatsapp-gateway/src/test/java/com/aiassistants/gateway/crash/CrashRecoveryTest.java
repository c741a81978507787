package com.aiassistants.gateway.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.aiassistants.common.testsupport.TestPostgres;
import com.aiassistants.gateway.GatewayApplication;
import com.aiassistants.gateway.support.Await;
import com.aiassistants.gateway.support.FakeBackend;

/**
 * Real process crashes: gateway JVMs launched from the test class path, each halting (like kill -9:
 * {@code Runtime.halt}, no shutdown hooks, open transactions dropped) at one crash point, then a
 * clean one. Every message must be answered exactly once in the simulator chat.
 */
class CrashRecoveryTest {

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void killedBetweenInboxCommitAndForwardAndBetweenReplyCommitAndSendEveryMessageIsAnsweredOnce() throws Exception {
        TestPostgres.Database db = TestPostgres.createDatabase("gateway_crash");
        try (FakeBackend backend = new FakeBackend()) {
            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(db.jdbcUrl(), db.username(), db.password()));

            // 1. A standby instance (the test holds the lease) commits two messages to its inbox and acks them.
            int port = freePort();
            Process first = start(db, backend, port, "AFTER_INBOX_CLAIM", 1);
            awaitHealthy(port);
            jdbc.update("""
                    insert into gateway.gateway_lease (name, owner, expires_at) values ('whatsapp', 'test-blocker', now() + interval '1 hour')
                    on conflict (name) do update set owner = excluded.owner, expires_at = excluded.expires_at""");
            Await.until("the first instance stands by", () -> health(port).contains("\"lease\":\"standby\""));
            assertThat(sendAsUser(port, "34655000001", "first")).isEqualTo(202);
            assertThat(sendAsUser(port, "34655000002", "second")).isEqualTo(202);
            // It becomes active, claims a message and dies before forwarding it.
            jdbc.update("delete from gateway.gateway_lease where owner = 'test-blocker'");
            assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(first.exitValue()).isEqualTo(137);
            assertThat(count(jdbc, "select count(*) from gateway.inbox where status = 'pending'")).isEqualTo(2);

            // 2. The next one forwards both, commits the replies, hands one to WhatsApp and dies before recording it.
            Process second = start(db, backend, freePort(), "AFTER_PROVIDER_SEND", 2);
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).isEqualTo(137);
            assertThat(count(jdbc, "select count(*) from gateway.outbox")).isEqualTo(2);
            assertThat(count(jdbc, "select count(*) from gateway.simulator_message where direction = 'out'")).isGreaterThanOrEqualTo(1);

            // 3. The next one finds a send with an unknown outcome, claims it again and dies before sending.
            Process third = start(db, backend, freePort(), "AFTER_OUTBOX_CLAIM", 3);
            assertThat(third.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(third.exitValue()).isEqualTo(137);

            // 4. A healthy instance finishes the work.
            int fourthPort = freePort();
            Process fourth = start(db, backend, fourthPort, null, 4);
            awaitHealthy(fourthPort); // a loaded machine may take most of a minute to start a JVM
            Await.until("all replies sent", Duration.ofSeconds(60),
                    () -> count(jdbc, "select count(*) from gateway.outbox where status = 'sent'") == 2
                            && count(jdbc, "select count(*) from gateway.inbox where status = 'done'") == 2);
            fourth.destroy();
            fourth.waitFor(30, TimeUnit.SECONDS);

            List<Map<String, Object>> out = jdbc.queryForList(
                    "select phone, body->>'text' as text, delivery_attempts from gateway.simulator_message where direction = 'out' order by phone");
            assertThat(out).extracting(m -> m.get("phone") + ":" + m.get("text"))
                    .containsExactly("34655000001:echo: first", "34655000002:echo: second");
            // the crash after the provider accepted a message really happened: that message was handed over twice
            assertThat(out).anySatisfy(m -> assertThat((Integer) m.get("delivery_attempts")).isGreaterThanOrEqualTo(2));
            assertThat(backend.turns()).isEqualTo(2);
        }
    }

    private Process start(TestPostgres.Database db, FakeBackend backend, int port, String haltAt, int n) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-Xss512k", "-cp",
                System.getProperty("java.class.path"), GatewayApplication.class.getName(),
                "--server.port=" + port,
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(),
                "--ai-assistants.gateway.tenants.default.provider=simulator",
                "--ai-assistants.gateway.tenants.default.backend.base-url=" + backend.baseUrl(),
                "--ai-assistants.gateway.tenants.default.backend.api-key=" + FakeBackend.API_KEY,
                "--ai-assistants.gateway.tenants.default.backend.hmac-secret=" + FakeBackend.SECRET,
                "--ai-assistants.gateway.lease.ttl=2s",
                "--ai-assistants.gateway.lease.heartbeat=300ms",
                "--ai-assistants.gateway.workers.claim-timeout=2s",
                "--ai-assistants.gateway.workers.poll-interval=100ms",
                "--ai-assistants.gateway.workers.backoff-base=100ms"));
        if (haltAt != null) {
            command.add("--ai-assistants.gateway.halt-at=" + haltAt);
        }
        Path log = Path.of("target", "crash-test-gateway-" + n + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("DATABASE_URL");
        builder.environment().remove("PORT");
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private static int sendAsUser(int port, String phone, String text) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/simulator/users/" + phone + "/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\"}")).build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    private static void awaitHealthy(int port) {
        Await.until("gateway on port " + port + " is up", Duration.ofSeconds(90), () -> {
            try (HttpClient client = HttpClient.newHttpClient()) {
                return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        });
    }

    private static String health(int port) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            return "";
        }
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static {
        // the children resolve the same classes as this JVM
        assert new File(System.getProperty("java.class.path").split(File.pathSeparator)[0]).exists();
    }
}
