package com.aiassistants.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.aiassistants.common.channel.HmacSignatures;

class JobsAndMemoryTest extends BackendTestBase {

    static final FakeHttpEndpoint CALLBACKS = new FakeHttpEndpoint();

    @AfterAll
    static void stop() {
        CALLBACKS.close();
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 20 s");
            }
            Thread.sleep(50);
        }
    }

    Response job(TestProject project, String jobId) {
        return send("GET", "/v1/jobs/" + jobId, key(project.apiKey()), null);
    }

    @Test
    void asyncWebMessageRunsAsAJobWithASignedCallback() throws Exception {
        TestProject project = newProject();
        String path = "/cb/" + uniqueId("ok");
        Response accepted = send("POST", "/v1/async/conversations/a1/messages", key(project.apiKey()),
                json(Map.of("text", "hola", "callback_url", CALLBACKS.url() + path)));
        assertThat(accepted.status()).isEqualTo(202);
        String jobId = accepted.text("job_id");
        await(() -> "succeeded".equals(job(project, jobId).text("status")));
        Response done = job(project, jobId);
        assertThat(done.text("response_text")).isEqualTo("echo 1: hola");
        assertThat(done.text("conversation_id")).isEqualTo("a1");
        assertThat(done.json().has("error_text")).isTrue();

        await(() -> CALLBACKS.receivedAt(path).size() == 1);
        FakeHttpEndpoint.Received callback = CALLBACKS.receivedAt(path).getFirst();
        String timestamp = callback.header("X-Callback-Timestamp");
        assertThat(HmacSignatures.matches(project.webhookSecret(), timestamp, callback.body(), callback.header("X-Callback-Signature")))
                .isTrue();
        assertThat(JSON.readTree(callback.body()).get("job_id").asString()).isEqualTo(jobId);
        assertThat(JSON.readTree(callback.body()).get("response_text").asString()).isEqualTo("echo 1: hola");
        // what a receiver de-duplicates on (delivery is at-least-once)
        assertThat(callback.header("X-Callback-Delivery-Id")).isEqualTo(jobId);
        assertThat(callback.header("Idempotency-Key")).isEqualTo(jobId);
        assertThat(callback.header("X-Callback-Attempt")).isEqualTo("1");
    }

    @Test
    void asyncWhatsappJobKeepsTheMenuAndChecksTheSignature() throws Exception {
        TestProject project = newProject();
        String from = phone();
        Response accepted = whatsapp(project, "/v1/async/channels/whatsapp/gateway/inbound", whatsappBody(uniqueId("w"), from, "menu"));
        assertThat(accepted.status()).isEqualTo(202);
        String jobId = accepted.text("job_id");
        await(() -> "succeeded".equals(job(project, jobId).text("status")));
        Response done = job(project, jobId);
        assertThat(done.text("conversation_id")).isEqualTo("whatsapp:" + from);
        assertThat(done.text("interactive_type")).isEqualTo("buttons");
        assertThat(send("POST", "/v1/async/channels/whatsapp/gateway/inbound", key(project.apiKey()),
                whatsappBody(uniqueId("w"), from, "hola")).status()).isEqualTo(401);
    }

    @Test
    void callbacksRetryOn5xxWithBackoffButNeverOn4xx() throws Exception {
        TestProject project = newProject();
        String retried = "/cb/" + uniqueId("retry");
        CALLBACKS.answerNext(503, 500);
        String first = send("POST", "/v1/async/conversations/a2/messages", key(project.apiKey()),
                json(Map.of("text", "uno", "callback_url", CALLBACKS.url() + retried))).text("job_id");
        await(() -> CALLBACKS.receivedAt(retried).size() == 3);
        await(() -> "delivered".equals(callbackStatus(first)));

        String rejected = "/cb/" + uniqueId("rejected");
        CALLBACKS.answerNext(404);
        String second = send("POST", "/v1/async/conversations/a3/messages", key(project.apiKey()),
                json(Map.of("text", "dos", "callback_url", CALLBACKS.url() + rejected))).text("job_id");
        await(() -> "failed".equals(callbackStatus(second)));
        Thread.sleep(300); // several backoff periods: a retry would have arrived by now
        assertThat(CALLBACKS.receivedAt(rejected)).hasSize(1);
        assertThat(job(project, second).text("status")).isEqualTo("succeeded");
    }

    @Test
    void anIdempotencyKeyMakesARetriedSubmitTheSameJobAndTurn() throws Exception {
        TestProject project = newProject();
        Map<String, String> keyed = new java.util.HashMap<>(key(project.apiKey()));
        keyed.put("Idempotency-Key", uniqueId("idem"));
        String body = json(Map.of("text", "hola"));
        Response first = send("POST", "/v1/async/conversations/i1/messages", keyed, body);
        Response retried = send("POST", "/v1/async/conversations/i1/messages", keyed, body);
        assertThat(first.status()).isEqualTo(202);
        assertThat(retried.status()).isEqualTo(202);
        assertThat(retried.text("job_id")).isEqualTo(first.text("job_id"));
        await(() -> "succeeded".equals(job(project, first.text("job_id")).text("status")));
        // one turn ran for both: the next message is the conversation's second
        assertThat(web(project, "i1", "otra").text("response_text")).isEqualTo("echo 2: otra");
        // the key belongs to this project only; another key, or none, is another submit
        keyed.put("Idempotency-Key", uniqueId("idem"));
        assertThat(send("POST", "/v1/async/conversations/i1/messages", keyed, body).text("job_id"))
                .isNotEqualTo(first.text("job_id"));
        keyed.put("Idempotency-Key", "k".repeat(300)); // over the opaque id limit of 256
        Response bad = send("POST", "/v1/async/conversations/i1/messages", keyed, body);
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void aProjectsCallbackHostsAllowlistNarrowsCallbackUrls() throws Exception {
        TestProject project = newProject();
        String settingsPath = "/v1/admin/projects/" + project.id() + "/settings";
        Map<String, Object> update = new java.util.HashMap<>(Map.of("name", "Hooks", "time_zone", "UTC", "locale", "es"));
        update.put("settings", Map.of("callback_hosts", List.of("not a host!")));
        Response invalid = send("PUT", settingsPath, bearer(project.ownerToken()), json(update));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("callback_hosts");
        update.put("settings", Map.of("callback_hosts", List.of("127.0.0.1", "*.hooks.clinic.example")));
        assertThat(send("PUT", settingsPath, bearer(project.ownerToken()), json(update)).status()).isEqualTo(200);

        String listed = "/cb/" + uniqueId("listed");
        Response accepted = send("POST", "/v1/async/conversations/h1/messages", key(project.apiKey()),
                json(Map.of("text", "hola", "callback_url", CALLBACKS.url() + listed)));
        assertThat(accepted.status()).isEqualTo(202);
        await(() -> CALLBACKS.receivedAt(listed).size() == 1);

        Response refused = send("POST", "/v1/async/conversations/h1/messages", key(project.apiKey()),
                json(Map.of("text", "hola", "callback_url", "http://localhost:" + CALLBACKS.url().replaceAll(".*:", "")
                        + "/cb")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("callback_url");
        assertThat(refused.body()).contains("callback_hosts");
    }

    @Test
    void jobRejectsABadCallbackUrl() {
        TestProject project = newProject();
        assertThat(send("POST", "/v1/async/conversations/a4/messages", key(project.apiKey()),
                json(Map.of("text", "x", "callback_url", "ftp://nope"))).status()).isEqualTo(400);
    }

    String callbackStatus(String jobId) {
        return jdbc.sql("select coalesce(callback_status, '') from job where id = ?::uuid").param(jobId).query(String.class).single();
    }

    @Test
    void customerMemoryIsReadForgottenAndExpires() {
        TestProject project = newProject();
        Map<String, String> customer = Map.of("X-API-Key", project.apiKey(), "X-Customer-Id", "cust-1");
        send("POST", "/v1/conversations/m1/messages", customer, json(Map.of("text", "remember Ana")));
        Response memory = send("GET", "/v1/memory", customer, null);
        assertThat(memory.status()).isEqualTo(200);
        assertThat(memory.json().get("memory").get("name").asString()).isEqualTo("Ana");
        assertThat(send("POST", "/v1/conversations/m1/messages", customer, json(Map.of("text", "hola")))
                .text("response_text")).isEqualTo("echo 2: hola (Ana)");

        jdbc.sql("update customer_memory set expires_at = now() - interval '1 second' where project_id = ?")
                .param(project.id()).update();
        assertThat(send("GET", "/v1/memory", customer, null).json().get("memory").isEmpty()).isTrue();

        send("POST", "/v1/conversations/m1/messages", customer, json(Map.of("text", "remember Bea")));
        Response forgotten = send("DELETE", "/v1/memory", customer, null);
        assertThat(forgotten.json().get("deleted").asInt()).isEqualTo(1); // the expired entry was overwritten
        assertThat(send("GET", "/v1/memory", customer, null).json().get("memory").isEmpty()).isTrue();
        assertThat(send("GET", "/v1/memory", key(project.apiKey()), null).status()).isEqualTo(400);
    }

    @Test
    void memoryTtlFollowsTheProjectSetting() {
        TestProject project = newProject();
        send("PUT", "/v1/admin/projects/" + project.id() + "/settings", bearer(project.ownerToken()), json(Map.of(
                "name", "X", "time_zone", "UTC", "locale", "es", "settings", Map.of("memory_ttl_days", 2))));
        send("POST", "/v1/conversations/m2/messages", Map.of("X-API-Key", project.apiKey(), "X-Customer-Id", "c2"),
                json(Map.of("text", "remember Eva")));
        Double days = jdbc.sql("select extract(epoch from expires_at - updated_at) / 86400 from customer_memory where project_id = ?")
                .param(project.id()).query(Double.class).single();
        assertThat(days).isEqualTo(2.0);
    }
}
