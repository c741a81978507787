package com.aiassistants.calendar.booking;

import java.sql.SQLException;

/** Recognises PostgreSQL constraint violations behind Spring's translated exceptions. */
final class SqlFailures {

    static final String EXCLUSION_VIOLATION = "23P01";
    static final String UNIQUE_VIOLATION = "23505";
    static final String DEADLOCK_DETECTED = "40P01";
    static final String SERIALIZATION_FAILURE = "40001";

    private SqlFailures() {
    }

    static boolean isOverlap(Throwable e) {
        return hasState(e, EXCLUSION_VIOLATION);
    }

    /**
     * PostgreSQL rolled the transaction back to break a deadlock or a serialization conflict with another one; running it
     * again is the documented answer (two concurrent inserts can wait for each other in the booking table's unique and
     * exclusion indexes).
     */
    static boolean isTransientConflict(Throwable e) {
        return hasState(e, DEADLOCK_DETECTED) || hasState(e, SERIALIZATION_FAILURE);
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
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
