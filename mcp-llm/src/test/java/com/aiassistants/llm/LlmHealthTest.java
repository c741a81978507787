package com.aiassistants.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import com.aiassistants.common.testsupport.ServiceChecks;

class LlmHealthTest extends LlmServiceTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void healthIsUpWithTheDatabaseAndMigrationsRanInTheOwnSchema() {
        ServiceChecks.assertHealthyWithMigrationsInOwnSchema(port, jdbc.getDataSource(), "llm");
    }

    @Test
    void echoesTheRequestId() {
        ServiceChecks.assertEchoesRequestId(port);
    }

    @Test
    void healthShowsTheProvidersWithoutSecrets() {
        var body = RestClient.create("http://localhost:" + port).get().uri("/actuator/health/llm").retrieve()
                .body(String.class);
        assertThat(body).contains("llmProviders").contains("fakeopenai").contains("bedrock").contains("offline")
                .doesNotContain(OPENAI_KEY).doesNotContain(AWS_SECRET);
    }
}
