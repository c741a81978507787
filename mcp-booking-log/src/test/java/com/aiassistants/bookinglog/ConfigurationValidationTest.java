package com.aiassistants.bookinglog;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A bad setting stops start-up with a message that names the property. */
class ConfigurationValidationTest {

    @Test
    void aTooShortServiceTokenStopsStartUpNamingTheProperty() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(BookingLogApplication.class).run(
                "--server.port=0", "--ai-assistants.mcp.server.service-token=short",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none"))
                .hasStackTraceContaining("ai-assistants.mcp.server")
                .hasStackTraceContaining("service-token")
                .hasStackTraceContaining("at least 16 characters");
    }
}
