package com.aiassistants.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class RateLimitAndIsolationTest extends BackendTestBase {

    void limits(TestProject project, Integer perKey, Integer perPhone) {
        Map<String, Object> limits = new java.util.HashMap<>();
        limits.put("per_api_key_per_minute", perKey);
        limits.put("per_phone_per_minute", perPhone);
        Response r = send("PUT", "/v1/admin/projects/" + project.id() + "/settings", bearer(project.ownerToken()), json(Map.of(
                "name", "X", "time_zone", "UTC", "locale", "es", "settings", Map.of("rate_limits", limits))));
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void endUserPhoneIsLimitedWith429AndRetryAfter() {
        TestProject project = newProject();
        limits(project, null, 2);
        String from = phone();
        assertThat(whatsapp(project, whatsappBody(uniqueId("w"), from, "1")).status()).isEqualTo(200);
        assertThat(whatsapp(project, whatsappBody(uniqueId("w"), from, "2")).status()).isEqualTo(200);
        Response limited = whatsapp(project, whatsappBody(uniqueId("w"), from, "3"));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
        assertThat(limited.json().get("type").asString()).endsWith("rate-limited");
        assertThat(whatsapp(project, whatsappBody(uniqueId("w"), phone(), "other user")).status()).isEqualTo(200);
    }

    @Test
    void apiKeyIsLimitedAcrossEndpoints() {
        TestProject project = newProject();
        limits(project, 3, null);
        assertThat(web(project, "k1", "a").status()).isEqualTo(200);
        assertThat(send("GET", "/v1/memory", Map.of("X-API-Key", project.apiKey(), "X-Customer-Id", "c"), null).status())
                .isEqualTo(200);
        assertThat(web(project, "k2", "b").status()).isEqualTo(200);
        Response limited = web(project, "k3", "c");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        // the console is not limited by the key's bucket
        assertThat(send("GET", "/v1/admin/conversations", bearer(project.ownerToken()), null).status()).isEqualTo(200);
    }

    @Test
    void everyEndpointIsScopedToTheCallersProject() throws Exception {
        TestProject a = newProject();
        TestProject b = newProject();
        // same conversation id in both projects: separate conversations and state
        assertThat(web(a, "shared", "hola").text("response_text")).isEqualTo("echo 1: hola");
        assertThat(web(b, "shared", "hola").text("response_text")).isEqualTo("echo 1: hola");
        // memory
        send("POST", "/v1/conversations/mem/messages", Map.of("X-API-Key", a.apiKey(), "X-Customer-Id", "same"),
                json(Map.of("text", "remember Ana")));
        assertThat(send("GET", "/v1/memory", Map.of("X-API-Key", b.apiKey(), "X-Customer-Id", "same"), null)
                .json().get("memory").isEmpty()).isTrue();
        assertThat(send("DELETE", "/v1/memory", Map.of("X-API-Key", b.apiKey(), "X-Customer-Id", "same"), null)
                .json().get("deleted").asInt()).isZero();
        assertThat(send("GET", "/v1/memory", Map.of("X-API-Key", a.apiKey(), "X-Customer-Id", "same"), null)
                .json().get("memory").get("name").asString()).isEqualTo("Ana");
        // jobs
        String jobId = send("POST", "/v1/async/conversations/j/messages", key(a.apiKey()), json(Map.of("text", "x"))).text("job_id");
        assertThat(send("GET", "/v1/jobs/" + jobId, key(b.apiKey()), null).status()).isEqualTo(404);
        assertThat(send("GET", "/v1/jobs/" + jobId, key(a.apiKey()), null).status()).isEqualTo(200);
        // dedupe is per project: the same message id in b is a new message
        String wamid = uniqueId("w");
        String from = phone();
        assertThat(whatsapp(a, whatsappBody(wamid, from, "uno")).text("response_text")).isEqualTo("echo 1: uno");
        assertThat(whatsapp(b, whatsappBody(wamid, from, "dos")).text("response_text")).isEqualTo("echo 1: dos");
        // a's webhook secret does not sign b's webhooks
        assertThat(whatsapp(new TestProject(b.id(), b.apiKey(), a.webhookSecret(), null),
                whatsappBody(uniqueId("w"), from, "x")).status()).isEqualTo(401);
        // admin endpoints: a's owner sees nothing of b
        for (String path : new String[] {"/settings", "/api-keys", "/settings/history"}) {
            assertThat(send("GET", "/v1/admin/projects/" + b.id() + path, bearer(a.ownerToken()), null).status()).isEqualTo(404);
        }
        assertThat(send("POST", "/v1/admin/projects/" + b.id() + "/api-keys", bearer(a.ownerToken()), "{}").status()).isEqualTo(404);
        assertThat(send("POST", "/v1/admin/projects/" + b.id() + "/webhook-secret", bearer(a.ownerToken()), null).status()).isEqualTo(404);
        String bKeyId = send("GET", "/v1/admin/projects/" + b.id() + "/api-keys", bearer(b.ownerToken()), null).json().get(0).get("id").asString();
        assertThat(send("DELETE", "/v1/admin/projects/" + a.id() + "/api-keys/" + bKeyId, bearer(a.ownerToken()), null).status()).isEqualTo(404);
        assertThat(web(b, "still", "works").status()).isEqualTo(200);
        Response listA = send("GET", "/v1/admin/conversations", bearer(a.ownerToken()), null);
        assertThat(listA.body()).contains("shared").doesNotContain("still");
        assertThat(send("GET", "/v1/admin/conversations/still/messages", bearer(a.ownerToken()), null).status()).isEqualTo(404);
        assertThat(send("POST", "/v1/admin/conversations/still/pause", bearer(a.ownerToken()), null).status()).isEqualTo(404);
        assertThat(send("POST", "/v1/admin/conversations/still/reply", bearer(a.ownerToken()), json(Map.of("text", "hi"))).status())
                .isEqualTo(404);
        // a superadmin picks the project explicitly
        Map<String, String> superB = Map.of("Authorization", "Bearer " + superadminToken(), "X-Project-Id", b.id());
        assertThat(send("GET", "/v1/admin/conversations", superB, null).body()).contains("still");
        // websocket tokens carry the project; a's key cannot get events of b (checked in RealtimeTest)
    }
}
