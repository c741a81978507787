package com.aiassistants.common.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class TransactionConflictsTest {

    @Test
    void aDeadlockOrASerializationFailureBehindAWrappingExceptionIsTransient() {
        assertThat(TransactionConflicts.isTransient(new RuntimeException("PreparedStatementCallback",
                new SQLException("ERROR: deadlock detected", "40P01")))).isTrue();
        assertThat(TransactionConflicts.isTransient(new RuntimeException(new SQLException("could not serialize", "40001"))))
                .isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(TransactionConflicts.isTransient(new RuntimeException(new SQLException("duplicate key", "23505"))))
                .isFalse();
        assertThat(TransactionConflicts.isTransient(new IllegalStateException("no SQL here"))).isFalse();
        assertThat(TransactionConflicts.hasState(new SQLException("x", "23P01"), "23P01")).isTrue();
    }
}
