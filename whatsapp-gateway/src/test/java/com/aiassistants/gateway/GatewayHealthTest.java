package com.aiassistants.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.aiassistants.common.testsupport.ServiceChecks;
import com.aiassistants.gateway.support.GatewayTestBase;

class GatewayHealthTest extends GatewayTestBase {

    @Test
    void healthIsUpWithTheDatabaseAndMigrationsRanInTheOwnSchema() {
        ServiceChecks.assertHealthyWithMigrationsInOwnSchema(port, jdbc.getDataSource(), "gateway");
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
        ServiceChecks.assertEchoesRequestId(port);
    }
}
