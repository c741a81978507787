package com.aiassistants.calendar.booking;

import java.sql.SQLException;

import com.aiassistants.common.database.TransactionConflicts;

/** Recognises PostgreSQL constraint violations behind Spring's translated exceptions. */
final class SqlFailures {

    static final String EXCLUSION_VIOLATION = "23P01";
    static final String UNIQUE_VIOLATION = "23505";

    private SqlFailures() {
    }

    static boolean isOverlap(Throwable e) {
        return hasState(e, EXCLUSION_VIOLATION);
    }

    static boolean isUniqueViolationOf(Throwable e, String constraint) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())
                    && sql.getMessage() != null && sql.getMessage().contains(constraint)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasState(Throwable e, String state) {
        return TransactionConflicts.hasState(e, state);
    }
}
