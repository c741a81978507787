package com.aiassistants.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class BackendHealthTest extends BackendTestBase {

    @Test
    void healthIsUpWithTheDatabaseAndMigrationsRanInTheOwnSchema() {
        Response response = send("GET", "/health", Map.of(), null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"db\"").contains("UP");
        Integer histories = jdbc.sql(
                "select count(*) from information_schema.tables where table_schema = 'backend' and table_name = 'flyway_schema_history'")
                .query(Integer.class).single();
        assertThat(histories).isEqualTo(1);
    }

    @Test
    void echoesTheRequestId() {
        Response response = send("GET", "/health", Map.of("X-Request-Id", "abc-123"), null);
        assertThat(response.headers().firstValue("X-Request-Id")).contains("abc-123");
    }

    @Test
    void servesTheOpenApiSpecAndSwaggerUi() {
        Response spec = send("GET", "/v3/api-docs", Map.of(), null);
        assertThat(spec.status()).isEqualTo(200);
        assertThat(spec.body()).contains("/v1/conversations/{conversationId}/messages")
                .contains("/v1/channels/whatsapp/gateway/inbound").contains("/v1/jobs/{jobId}");
        assertThat(send("GET", "/swagger-ui/index.html", Map.of(), null).status()).isEqualTo(200);
    }
}
