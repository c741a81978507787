package com.aiassistants.backend.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.aiassistants.backend.BackendTestBase;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps {@code admin-frontend/openapi/backend-api.json} (the console's API types are generated from it)
 * equal to what the running API documents. On drift it fails; {@code -Dopenapi.write=true} (or
 * {@code OPENAPI_WRITE=true}) rewrites the file instead.
 */
class OpenApiDocumentTest extends BackendTestBase {

    static final Path COMMITTED = Path.of("..", "admin-frontend", "openapi", "backend-api.json");

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    @Test
    void committedDocumentMatchesTheApi() throws Exception {
        Response response = send("GET", "/v3/api-docs", Map.of(), null);
        assertThat(response.status()).isEqualTo(200);
        JsonNode document = response.json();
        String rendered = CANONICAL.writeValueAsString(CANONICAL.treeToValue(document, Object.class)) + "\n";

        if (Boolean.getBoolean("openapi.write") || "true".equalsIgnoreCase(System.getenv("OPENAPI_WRITE"))) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, rendered, StandardCharsets.UTF_8);
        }
        assertThat(COMMITTED).as("run the backend-api tests with -Dopenapi.write=true to create it").exists();
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as("admin-frontend/openapi/backend-api.json is stale: rerun with -Dopenapi.write=true and commit it")
                .isEqualTo(rendered);
    }

    @Test
    void consoleRoutesAreDescribedWithTheirSchemas() {
        JsonNode document = send("GET", "/v3/api-docs", Map.of(), null).json();
        JsonNode paths = document.get("paths");
        assertThat(paths.has("/v1/admin/me")).isTrue();
        assertThat(paths.has("/v1/admin/conversations/{conversationId}/read")).isTrue();
        JsonNode schemas = document.get("components").get("schemas");
        // snake_case properties as the JSON really is, and the state enum for the generated types
        JsonNode summary = schemas.get("ConversationSummary").get("properties");
        assertThat(summary.has("conversation_id")).isTrue();
        assertThat(summary.has("unread_count")).isTrue();
        assertThat(summary.get("state").get("enum").toString()).contains("needs_human");
        assertThat(document.get("servers").get(0).get("url").asString()).isEqualTo("/");
    }
}
