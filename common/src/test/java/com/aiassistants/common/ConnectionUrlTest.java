package com.aiassistants.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

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
    void rejectsOtherSchemes() {
        assertThatThrownBy(() -> JdbcCoordinates.parse("mysql://h/db")).hasMessageContaining("DATABASE_URL");
    }
}
