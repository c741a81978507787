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
        String body = admin().get().uri("/actuator/metrics/whatsapp.connection.up").retrieve().body(String.class);
        assertThat(body).contains("\"value\":1.0");
    }

    @Test
    void prometheusAnswersWithTheAdminTokenAndActuatorIsClosedWithoutIt() {
        var prometheus = admin().get().uri("/actuator/prometheus").retrieve().toEntity(String.class);
        assertThat(prometheus.getStatusCode().value()).isEqualTo(200);
        assertThat(prometheus.getBody()).contains("whatsapp_connection_up", "jvm_memory_used_bytes");
        for (String path : new String[] {"/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/jvm.memory.used"}) {
            assertThat(http().get().uri(path).retrieve().toBodilessEntity().getStatusCode().value()).as(path).isEqualTo(401);
        }
        assertThat(http().get().uri("/actuator/health").retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void echoesTheRequestId() {
        ServiceChecks.assertEchoesRequestId(port);
    }
}
