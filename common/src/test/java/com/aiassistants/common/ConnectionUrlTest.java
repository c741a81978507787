package com.aiassistants.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.aiassistants.common.config.ConnectionUrlEnvironmentPostProcessor;
import com.aiassistants.common.config.ConnectionUrlEnvironmentPostProcessor.JdbcCoordinates;

class ConnectionUrlTest {

    @Test
    void parsesPostgresUrls() {
        assertThat(JdbcCoordinates.parse("postgres://app:s3cret@db.internal:6543/ai?sslmode=require"))
                .isEqualTo(new JdbcCoordinates("jdbc:postgresql://db.internal:6543/ai?sslmode=require", "app", "s3cret"));
        assertThat(JdbcCoordinates.parse("postgresql://postgres@127.0.0.1/x"))
                .isEqualTo(new JdbcCoordinates("jdbc:postgresql://127.0.0.1:5432/x", "postgres", null));
        assertThat(JdbcCoordinates.parse("jdbc:postgresql://h/db").jdbcUrl()).isEqualTo("jdbc:postgresql://h/db");
    }

    @Test
    void aDatabaseRoleBecomesTheConnectionsSetRole() {
        org.springframework.mock.env.MockEnvironment env = new org.springframework.mock.env.MockEnvironment()
                .withProperty("DATABASE_ROLE", "calendar_owner");
        new ConnectionUrlEnvironmentPostProcessor().postProcessEnvironment(env, new org.springframework.boot.SpringApplication());
        assertThat(env.getProperty("spring.datasource.hikari.connection-init-sql")).isEqualTo("SET ROLE calendar_owner");

        org.springframework.mock.env.MockEnvironment injected = new org.springframework.mock.env.MockEnvironment()
                .withProperty("DATABASE_ROLE", "x; DROP TABLE booking");
        assertThatThrownBy(() -> new ConnectionUrlEnvironmentPostProcessor()
                .postProcessEnvironment(injected, new org.springframework.boot.SpringApplication()))
                .hasMessageContaining("DATABASE_ROLE");
    }

    @Test
    void rejectsOtherSchemes() {
        assertThatThrownBy(() -> JdbcCoordinates.parse("mysql://h/db")).hasMessageContaining("DATABASE_URL");
    }
}
