package com.aiassistants.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

import com.aiassistants.backend.tenant.ManagementCommands;

import tools.jackson.databind.JsonNode;

class TenantAdminTest extends BackendTestBase {

    @Autowired
    ManagementCommands management;

    @Test
    void everythingUnderV1NeedsAKeyOrAConsoleToken() {
        Response none = send("POST", "/v1/conversations/c/messages", Map.of(), json(Map.of("text", "hola")));
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
        assertThat(send("GET", "/v1/memory", Map.of("X-API-Key", "nope", "X-Customer-Id", "c"), null).status()).isEqualTo(401);
        assertThat(send("GET", "/v1/jobs/00000000-0000-0000-0000-000000000000", bearer("not.a.jwt"), null).status()).isEqualTo(401);
        assertThat(send("GET", "/v1/admin/conversations", Map.of(), null).status()).isEqualTo(401);
    }

    @Test
    void loginIssuesAJwtAndRejectsWrongPasswords() {
        assertThat(send("POST", "/v1/admin/login", Map.of(), json(Map.of("email", "admin@demo.local", "password", "wrong")))
                .status()).isEqualTo(401);
        Response ok = send("POST", "/v1/admin/login", Map.of(), json(Map.of("email", "ADMIN@demo.local", "password", "demo1234")));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.text("token_type")).isEqualTo("Bearer");
        assertThat(ok.json().get("superadmin").asBoolean()).isTrue();
        assertThat(send("POST", "/v1/admin/login", Map.of(), json(Map.of("email", "")))
                .status()).isEqualTo(400);
    }

    @Test
    void demoProjectIsSeededWithItsKnownKey() {
        Response reply = send("POST", "/v1/conversations/demo-web/messages", key("demo-local-key-change-me"),
                json(Map.of("text", "hola")));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("response_text")).startsWith("echo");
    }

    @Test
    void apiKeysAreStoredHashedShownOnceListedAndRevocable() {
        TestProject project = newProject();
        String path = "/v1/admin/projects/" + project.id() + "/api-keys";
        Response created = send("POST", path, bearer(project.ownerToken()), json(Map.of("name", "crm")));
        assertThat(created.status()).isEqualTo(201);
        String key = created.text("key");
        assertThat(key).startsWith("aia_").startsWith(created.text("prefix"));
        assertThat(jdbc.sql("select count(*) from api_key where project_id = ? and prefix = ?").params(project.id(),
                created.text("prefix")).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from api_key where encode(key_hash, 'escape') like ?").param("%" + key + "%")
                .query(Integer.class).single()).isZero();
        assertThat(web(new TestProject(project.id(), key, null, null), "c", "hola").status()).isEqualTo(200);

        Response listed = send("GET", path, bearer(project.ownerToken()), null);
        assertThat(listed.json()).hasSize(2);
        assertThat(listed.body()).doesNotContain(key);
        // the key just used shows when; the project's first key, never used here, shows null
        JsonNode crm = listed.json().get(1);
        assertThat(crm.get("name").asString()).isEqualTo("crm");
        assertThat(Instant.parse(crm.get("last_used_at").asString())).isAfter(Instant.now().minusSeconds(120));
        assertThat(listed.json().get(0).get("last_used_at").isNull()).isTrue();

        assertThat(send("DELETE", path + "/" + created.text("id"), bearer(project.ownerToken()), null).status()).isEqualTo(204);
        assertThat(web(new TestProject(project.id(), key, null, null), "c", "hola").status()).isEqualTo(401);
        assertThat(web(project, "c", "hola").status()).isEqualTo(200);
    }

    @Test
    void onlySuperadminsCreateProjectsAndApiKeysCannotAdminister() {
        TestProject project = newProject();
        Map<String, Object> body = Map.of("id", uniqueId("x"), "name", "X", "time_zone", "UTC", "locale", "en");
        assertThat(send("POST", "/v1/admin/projects", bearer(project.ownerToken()), json(body)).status()).isEqualTo(403);
        assertThat(send("POST", "/v1/admin/projects", key(project.apiKey()), json(body)).status()).isEqualTo(403);
        assertThat(send("POST", "/v1/admin/projects", bearer(superadminToken()),
                json(Map.of("id", uniqueId("x"), "name", "X", "time_zone", "Mars/Base", "locale", "en"))).status()).isEqualTo(400);
        assertThat(send("POST", "/v1/admin/projects", bearer(superadminToken()),
                json(Map.of("id", project.id(), "name", "X", "time_zone", "UTC", "locale", "en"))).status()).isEqualTo(409);
    }

    @Test
    void settingsAreReadUpdatedValidatedAndVersioned() {
        TestProject project = newProject();
        String path = "/v1/admin/projects/" + project.id() + "/settings";
        Response current = send("GET", path, bearer(project.ownerToken()), null);
        assertThat(current.text("time_zone")).isEqualTo("America/Argentina/Buenos_Aires");
        Map<String, Object> settings = Map.of(
                "flow", Map.of("greeting", "Hola!", "menu_style", "buttons", "system_prompt", "Sé amable",
                        "activation_codes", Map.of("PROMO", "book")),
                "rate_limits", Map.of("per_phone_per_minute", 10), "reminder_lead_minutes", 120, "memory_ttl_days", 30);
        Response updated = send("PUT", path, bearer(project.ownerToken()),
                json(Map.of("name", "Peluquería", "time_zone", "Europe/Madrid", "locale", "en", "settings", settings)));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("settings").get("flow").get("greeting").asString()).isEqualTo("Hola!");
        assertThat(send("GET", path, bearer(project.ownerToken()), null).text("locale")).isEqualTo("en");
        assertThat(send("GET", path + "/history", bearer(project.ownerToken()), null).json()).hasSize(2);

        Response invalid = send("PUT", path, bearer(project.ownerToken()), json(Map.of("name", "X", "time_zone", "UTC",
                "locale", "en", "settings", Map.of("flow", Map.of("menu_style", "carousel")))));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(send("PUT", path, bearer(project.ownerToken()), json(Map.of("name", "X", "time_zone", "UTC",
                "locale", "fr", "settings", Map.of()))).status()).isEqualTo(400);
    }

    @Test
    void managementCommandsCreateAProjectKeyAndAdmin() {
        String id = uniqueId("cli");
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        management.output(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        boolean ran = management.execute(new DefaultApplicationArguments("--create-project=" + id, "--name=CLI Co",
                "--time-zone=UTC", "--locale=en", "--create-admin=boss@" + id + ".test", "--password=cli-pass-1",
                "--role=owner", "--project=" + id));
        assertThat(ran).isTrue();
        String output = buffer.toString(StandardCharsets.UTF_8);
        String apiKey = output.lines().filter(l -> l.startsWith("API key: ")).findFirst().orElseThrow().substring(9);
        assertThat(web(new TestProject(id, apiKey, null, null), "c", "hola").status()).isEqualTo(200);
        assertThat(login("boss@" + id + ".test", "cli-pass-1")).isNotBlank();
        assertThat(management.execute(new DefaultApplicationArguments("--unrelated"))).isFalse();
    }

    @Test
    void corsAnswersOnlyConfiguredOrigins() {
        Map<String, String> allowed = Map.of("Origin", "https://console.example.com", "Access-Control-Request-Method", "POST");
        Response ok = send("OPTIONS", "/v1/admin/login", allowed, null);
        assertThat(ok.headers().firstValue("Access-Control-Allow-Origin")).contains("https://console.example.com");
        Response denied = send("OPTIONS", "/v1/admin/login",
                Map.of("Origin", "https://evil.example.com", "Access-Control-Request-Method", "POST"), null);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
