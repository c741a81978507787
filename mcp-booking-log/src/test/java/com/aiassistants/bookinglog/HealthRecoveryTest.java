package com.aiassistants.bookinglog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The readiness contract every service shares: /health answers 503 within seconds when
 * PostgreSQL goes away and 200 again once it is back, without restarting the service.
 * Uses its own embedded PostgreSQL so the test can stop and restart it.
 */
class HealthRecoveryTest {

    private EmbeddedPostgres postgres;
    private ConfigurableApplicationContext app;

    @AfterEach
    void tearDown() throws IOException {
        if (app != null) {
            app.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void healthFollowsTheDatabase() throws Exception {
        Path base = Files.createTempDirectory("health-pg-");
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxrwxrwx"));
        int port = freePort();
        postgres = start(base, port);
        app = new SpringApplicationBuilder(BookingLogApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:postgresql://localhost:" + port + "/postgres",
                "--ai-assistants.mcp.server.service-token=health-test-token-0123456789");
        int httpPort = ((WebServerApplicationContext) app).getWebServer().getPort();
        RestClient http = RestClient.builder().baseUrl("http://localhost:" + httpPort)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();

        assertThat(status(http)).isEqualTo(200);

        postgres.close();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(status(http)).isEqualTo(503));

        postgres = start(base, port);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(status(http)).isEqualTo(200));
    }

    private static int status(RestClient http) {
        return http.get().uri("/health").retrieve().toBodilessEntity().getStatusCode().value();
    }

    private static EmbeddedPostgres start(Path base, int port) throws IOException {
        return EmbeddedPostgres.builder().setOverrideWorkingDirectory(base.toFile())
                .setDataDirectory(base.resolve("data").toFile()).setCleanDataDirectory(false).setPort(port).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
