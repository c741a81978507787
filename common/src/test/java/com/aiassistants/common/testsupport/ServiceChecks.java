package com.aiassistants.common.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

/**
 * What every service's tests check of the running service, in one place: {@code /health} answers 200 with
 * the database UP, Flyway ran in the service's own schema, and {@code X-Request-Id} is echoed. Plain JDK
 * HTTP and JDBC, so any module can call it whatever client its tests use.
 */
public final class ServiceChecks {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServiceChecks() {
    }

    /** {@code /health} is 200 with the {@code db} component UP and {@code flyway_schema_history} is in {@code schema}. */
    public static void assertHealthyWithMigrationsInOwnSchema(int port, DataSource dataSource, String schema) {
        HttpResponse<String> health = get(port, null);
        check(health.statusCode() == 200, "/health answered " + health.statusCode() + ": " + health.body());
        check(health.body().contains("\"db\"") && health.body().contains("UP"), "/health lacks db UP: " + health.body());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        select count(*) from information_schema.tables
                        where table_schema = ? and table_name = 'flyway_schema_history'""")) {
            query.setString(1, schema);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                check(rows.getInt(1) == 1, "no flyway_schema_history in schema " + schema);
            }
        } catch (SQLException e) {
            throw new AssertionError("could not look for the migrations of schema " + schema, e);
        }
    }

    /** A request's {@code X-Request-Id} comes back on the response. */
    public static void assertEchoesRequestId(int port) {
        HttpResponse<String> response = get(port, "abc-123");
        String echoed = response.headers().firstValue("X-Request-Id").orElse(null);
        check("abc-123".equals(echoed), "X-Request-Id not echoed, got " + echoed);
    }

    private static HttpResponse<String> get(int port, String requestId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health"))
                .timeout(Duration.ofSeconds(10));
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("GET /health on port " + port + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
