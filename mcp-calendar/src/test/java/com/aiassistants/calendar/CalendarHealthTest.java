package com.aiassistants.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import com.aiassistants.calendar.support.CalendarIntegrationTest;

class CalendarHealthTest extends CalendarIntegrationTest {

    @Test
    void healthIsUpWithTheDatabaseAndMigrationsRanInTheOwnSchema() {
        var response = RestClient.create("http://localhost:" + port).get().uri("/health").retrieve()
                .toEntity(String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).contains("\"db\"").contains("UP");
        Integer histories = jdbc.queryForObject(
                "select count(*) from information_schema.tables where table_schema = 'calendar' and table_name = 'flyway_schema_history'",
                Integer.class);
        assertThat(histories).isEqualTo(1);
    }

    @Test
    void echoesTheRequestId() {
        var response = RestClient.create("http://localhost:" + port).get().uri("/health")
                .header("X-Request-Id", "abc-123").retrieve().toEntity(String.class);
        assertThat(response.getHeaders().getFirst("X-Request-Id")).isEqualTo("abc-123");
    }
}
