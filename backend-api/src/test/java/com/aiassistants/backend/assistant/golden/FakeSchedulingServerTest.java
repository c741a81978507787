package com.aiassistants.backend.assistant.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

/** Tests must pass while {@code scripts/run-local.sh} holds the services' fixed ports. */
class FakeSchedulingServerTest {

    @Test
    void bindsARandomPortNotBackendApisFixedOne() {
        int port = URI.create(FakeSchedulingServer.shared().url()).getPort();

        // backend-api's application.yml (on the test class path) says 8080; a random port is never it
        assertThat(port).isPositive().isNotEqualTo(8080);
    }
}
