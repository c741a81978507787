package com.aiassistants.calendar.booking;

import com.aiassistants.common.database.SqlStates;

/** Recognises PostgreSQL constraint violations behind Spring's translated exceptions. */
final class SqlFailures {

    static final String EXCLUSION_VIOLATION = "23P01";
    static final String UNIQUE_VIOLATION = "23505";

    private SqlFailures() {
    }

    static boolean isOverlap(Throwable e) {
        return SqlStates.has(e, EXCLUSION_VIOLATION);
    }

    static boolean isUniqueViolationOf(Throwable e, String constraint) {
        return SqlStates.find(e, UNIQUE_VIOLATION)
                .filter(sql -> sql.getMessage() != null && sql.getMessage().contains(constraint)).isPresent();
    }
}
