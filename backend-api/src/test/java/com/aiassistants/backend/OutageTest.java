package com.aiassistants.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import com.aiassistants.common.testsupport.TcpProxy;
import com.aiassistants.common.testsupport.TestRedis;

/**
 * A second backend whose PostgreSQL and Redis connections run through {@link TcpProxy}s the test cuts and
 * restores: while the database is away every route (through the API-key filter, MVC, login) answers 503
 * problem details with {@code Retry-After}, never 500; a Redis outage costs nothing visible; both heal.
 */
class OutageTest extends BackendTestBase {

    @Autowired
    Environment environment;

    @Test
    void databaseAndRedisOutagesAnswer503WithRetryAfterAndHeal() throws Exception {
        TestProject project = newProject();
        String jdbcUrl = environment.getProperty("spring.datasource.url");
        URI database = URI.create(jdbcUrl.substring("jdbc:".length()));
        String redisUrl = TestRedis.url().orElse("");
        URI redis = redisUrl.isBlank() ? null : URI.create(redisUrl);
        try (TcpProxy pg = new TcpProxy(database.getHost(), database.getPort());
                TcpProxy redisProxy = redis == null ? null : new TcpProxy(redis.getHost(), redis.getPort())) {
            String proxiedJdbc = jdbcUrl.replaceFirst("//[^/]+/", "//127.0.0.1:" + pg.port() + "/");
            String proxiedRedis = redis == null ? "" : "redis://127.0.0.1:" + redisProxy.port();
            try (ConfigurableApplicationContext other = TwoInstancesTest.start(proxiedJdbc,
                    environment.getProperty("spring.datasource.username"),
                    environment.getProperty("spring.datasource.password"), proxiedRedis, false)) {
                int port = TwoInstancesTest.port(other);
                assertThat(message(port, project, "antes").statusCode()).isEqualTo(200);

                pg.cut();
                for (HttpResponse<String> down : new HttpResponse[] {message(port, project, "sin base"),
                        post(port, "/v1/admin/login", Map.of(), json(Map.of("email", "a@b.c", "password", "x")))}) {
                    assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
                    assertThat(down.headers().firstValue("Retry-After")).isPresent();
                    assertThat(down.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
                    // the turn route has its own 503 (turn-failed); everything else is the shared service-unavailable
                    assertThat(JSON.readTree(down.body()).path("type").asString()).matches(".*/(service-unavailable|turn-failed)");
                    assertThat(down.body()).doesNotContain("Exception", "stackTrace");
                }
                HttpResponse<String> list = get(port, "/v1/admin/projects", bearer(superadminToken()));
                assertThat(list.statusCode()).as(list.body()).isEqualTo(503);
                assertThat(JSON.readTree(list.body()).path("type").asString()).endsWith("/service-unavailable");
                pg.restore();
                assertThat(awaitStatus(port, project, 200)).isEqualTo(200);

                if (redisProxy != null) {
                    redisProxy.cut();
                    assertThat(message(port, project, "sin redis").statusCode()).isEqualTo(200);
                    assertThat(message(port, project, "sin redis otra vez").statusCode()).isEqualTo(200);
                    redisProxy.restore();
                    assertThat(awaitStatus(port, project, 200)).isEqualTo(200);
                }
            }
        }
    }

    private int awaitStatus(int port, TestProject project, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int status = -1;
        while (System.nanoTime() < deadline) {
            status = message(port, project, "de vuelta").statusCode();
            if (status == expected) {
                return status;
            }
            Thread.sleep(200);
        }
        return status;
    }

    private HttpResponse<String> message(int port, TestProject project, String text) {
        return post(port, "/v1/conversations/outage-1/messages", key(project.apiKey()), json(Map.of("text", text)));
    }

    private static HttpResponse<String> get(int port, String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET();
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> post(int port, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
