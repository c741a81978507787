package com.aiassistants.backend.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.aiassistants.backend.BackendTestBase;

/** backend-api serves a built console beside the API: files, SPA fallback, cache headers, API untouched. */
class ConsoleServingTest extends BackendTestBase {

    static final Path DIST = dist();

    @DynamicPropertySource
    static void consoleDir(DynamicPropertyRegistry registry) {
        registry.add("ai-assistants.backend.console.dir", DIST::toString);
        // a context of its own: keep its share of the shared test PostgreSQL small
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> 4);
    }

    @Test
    void servesTheConsoleWithTheRightCachingAndFallsBackToIndexForItsRoutes() {
        Response index = send("GET", "/", Map.of(), null);
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.body()).contains("<div id=\"root\">");
        assertThat(index.headers().firstValue("Cache-Control").orElse("")).isEqualTo("no-cache");

        Response config = send("GET", "/config.json", Map.of(), null);
        assertThat(config.json().get("auth").get("mode").asString()).isEqualTo("local");
        assertThat(config.headers().firstValue("Cache-Control").orElse("")).isEqualTo("no-cache");

        Response asset = send("GET", "/assets/index-abc123.js", Map.of(), null);
        assertThat(asset.body()).contains("console()");
        assertThat(asset.headers().firstValue("Cache-Control").orElse(""))
                .isEqualTo("max-age=31536000, public, immutable");

        Response route = send("GET", "/inbox/whatsapp:+5491100000000", Map.of("Accept", "text/html"), null);
        assertThat(route.status()).isEqualTo(200);
        assertThat(route.body()).contains("<div id=\"root\">");
        assertThat(send("GET", "/assets/missing.js", Map.of(), null).status()).isEqualTo(404);
    }

    @Test
    void theApiKeepsItsOwnAnswers() {
        Response unknownApi = send("GET", "/v1/no-such-route", bearer(superadminToken()), null);
        assertThat(unknownApi.status()).isEqualTo(404);
        assertThat(unknownApi.body()).doesNotContain("<div id=\"root\">");
        assertThat(send("GET", "/v1/admin/me", Map.of(), null).status()).isEqualTo(401);
        assertThat(send("GET", "/v3/api-docs", Map.of(), null).body()).contains("openapi");
        assertThat(send("GET", "/actuator/nothing", Map.of(), null).body()).doesNotContain("<div id=\"root\">");
    }

    static Path dist() {
        try {
            Path dir = Files.createTempDirectory("console-dist");
            Files.createDirectories(dir.resolve("assets"));
            Files.writeString(dir.resolve("index.html"), "<!doctype html><html><body><div id=\"root\"></div></body></html>");
            Files.writeString(dir.resolve("config.json"), "{\"auth\":{\"mode\":\"local\"}}");
            Files.writeString(dir.resolve("assets/index-abc123.js"), "console();");
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
