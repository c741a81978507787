package com.aiassistants.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.aiassistants.gateway.support.GatewayTestBase;

class GatewayHealthTest extends GatewayTestBase {

    @Test
    void healthIsUpWithTheDatabaseAndMigrationsRanInTheOwnSchema() {
        var response = http().get().uri("/health").retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).contains("\"db\"").contains("UP");
        Integer histories = jdbc.queryForObject(
                "select count(*) from information_schema.tables where table_schema = 'gateway' and table_name = 'flyway_schema_history'",
                Integer.class);
        assertThat(histories).isEqualTo(1);
    }

    @Test
    void healthReportsLeaseAndConnectionsAsDetails() {
        awaitActive();
        String body = http().get().uri("/health").retrieve().body(String.class);
        assertThat(body).contains("\"gateway\"").contains("\"lease\":\"active\"").contains("simulator:connected")
                .contains("cloud:connected");
    }

    @Test
    void exposesTheConnectionGauge() {
        awaitActive();
        String body = http().get().uri("/actuator/metrics/whatsapp.connection.up").retrieve().body(String.class);
        assertThat(body).contains("\"value\":1.0");
    }

    @Test
    void echoesTheRequestId() {
        var response = http().get().uri("/health").header("X-Request-Id", "abc-123").retrieve().toEntity(String.class);
        assertThat(response.getHeaders().getFirst("X-Request-Id")).isEqualTo("abc-123");
    }
}
