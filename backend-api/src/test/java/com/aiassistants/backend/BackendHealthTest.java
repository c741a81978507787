package com.aiassistants.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.aiassistants.common.testsupport.ServiceChecks;

class BackendHealthTest extends BackendTestBase {

    @Autowired
    DataSource dataSource;

    @Test
    void healthIsUpWithTheDatabaseAndMigrationsRanInTheOwnSchema() {
        ServiceChecks.assertHealthyWithMigrationsInOwnSchema(port, dataSource, "backend");
    }

    @Test
    void echoesTheRequestId() {
        ServiceChecks.assertEchoesRequestId(port);
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
