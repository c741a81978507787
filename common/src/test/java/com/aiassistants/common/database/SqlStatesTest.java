package com.aiassistants.common.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class SqlStatesTest {

    @Test
    void aDeadlockOrASerializationFailureBehindAWrappingExceptionIsATransientConflict() {
        assertThat(SqlStates.isTransientConflict(new RuntimeException("PreparedStatementCallback",
                new SQLException("ERROR: deadlock detected", "40P01")))).isTrue();
        assertThat(SqlStates.isTransientConflict(new RuntimeException(new SQLException("could not serialize", "40001"))))
                .isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(SqlStates.isTransientConflict(new RuntimeException(new SQLException("duplicate key", "23505"))))
                .isFalse();
        assertThat(SqlStates.isTransientConflict(new IllegalStateException("no SQL here"))).isFalse();
        assertThat(SqlStates.has(new SQLException("x", "23P01"), "23P01")).isTrue();
    }

    @Test
    void findGivesTheFirstExceptionWithTheState() {
        SQLException unique = new SQLException("duplicate key value violates unique constraint \"booking_pkey\"", "23505");
        assertThat(SqlStates.find(new RuntimeException(unique), "23505")).containsSame(unique);
        assertThat(SqlStates.find(new RuntimeException(unique), "40P01")).isEmpty();
    }
}
