package com.aiassistants.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import com.aiassistants.common.testsupport.TestPostgres;
import com.aiassistants.common.testsupport.TestRedis;

import tools.jackson.databind.JsonNode;

/** Cross-instance behaviour: a second backend started explicitly beside the cached one, or two in sequence. */
class TwoInstancesTest extends BackendTestBase {

    @Autowired
    Environment environment;

    static ConfigurableApplicationContext start(String jdbcUrl, String user, String password, String redisUrl,
            boolean workers) {
        return new SpringApplicationBuilder(BackendApplication.class, TestAssistant.Config.class)
                .run("--server.port=0",
                        "--spring.datasource.url=" + jdbcUrl,
                        "--spring.datasource.username=" + user,
                        "--spring.datasource.password=" + (password == null ? "" : password),
                        "--spring.data.redis.url=" + redisUrl,
                        "--ai-assistants.backend.demo.enabled=true",
                        "--ai-assistants.backend.jobs.enabled=" + workers,
                        "--ai-assistants.backend.jobs.poll-interval=100ms",
                        "--ai-assistants.backend.agent.enabled=false");
    }

    static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void liveEventsFanOutToSocketsOnAnotherInstanceThroughRedis() throws Exception {
        String redis = TestRedis.assumeAvailable();
        TestProject project = newProject();
        try (ConfigurableApplicationContext other = start(environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"), environment.getProperty("spring.datasource.password"),
                redis, true)) {
            int otherPort = port(other);
            String token = send("POST", "/v1/ws/tokens", key(project.apiKey()), json(Map.of("conversation_id", "fan-1")))
                    .text("token");
            try (WsClient onOther = new WsClient("ws://localhost:" + otherPort + "/v1/ws/conversations/fan-1?token=" + token)) {
                onOther.send(Map.of("type", "ping"));
                onOther.next("pong");
                assertThat(web(project, "fan-1", "hola desde A").status()).isEqualTo(200);
                JsonNode event = onOther.next(f -> "message".equals(f.get("type").asString())
                        && "user".equals(f.get("role").asString()));
                assertThat(event.get("text").asString()).isEqualTo("hola desde A");
                assertThat(onOther.next(f -> "assistant".equals(f.path("role").asString())).get("text").asString())
                        .isEqualTo("echo 1: hola desde A");
            }
        }
    }

    @Test
    void jobsSurviveARestart() throws Exception {
        TestPostgres.Database database = TestPostgres.createDatabase("backend-restart");
        String redis = TestRedis.url().orElse("");
        String pendingJob;
        String crashedJob;
        try (ConfigurableApplicationContext first = start(database.jdbcUrl(), database.username(), database.password(),
                redis, false)) {
            String url = "http://localhost:" + port(first);
            pendingJob = submit(url, "antes del reinicio");
            crashedJob = submit(url, "a mitad de camino");
            // the second job was taken by a worker that died: running, lease expired
            first.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("update job set status = 'running', attempts = 1, lease_until = now() - interval '1 second' where id = ?::uuid")
                    .param(crashedJob).update();
        }
        try (ConfigurableApplicationContext second = start(database.jdbcUrl(), database.username(), database.password(),
                redis, true)) {
            String url = "http://localhost:" + port(second);
            JsonNode done = awaitJob(url, pendingJob);
            assertThat(done.get("response_text").asString()).isEqualTo("echo 1: antes del reinicio");
            JsonNode resumed = awaitJob(url, crashedJob);
            assertThat(resumed.get("response_text").asString()).isEqualTo("echo 1: a mitad de camino");
        }
    }

    private String submit(String url, String text) {
        var response = raw("POST", url + "/v1/async/conversations/restart-" + text.length() + "/messages", json(Map.of("text", text)));
        assertThat(response.statusCode()).isEqualTo(202);
        return JSON.readTree(response.body()).get("job_id").asString();
    }

    private JsonNode awaitJob(String url, String jobId) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode job = JSON.readTree(raw("GET", url + "/v1/jobs/" + jobId, null).body());
            if ("succeeded".equals(job.get("status").asString())) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + jobId + " did not finish");
    }

    private static java.net.http.HttpResponse<String> raw(String method, String url, String body) {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("X-API-Key", "demo-local-key-change-me").header("Content-Type", "application/json")
                .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(body));
        try {
            return HTTP.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
