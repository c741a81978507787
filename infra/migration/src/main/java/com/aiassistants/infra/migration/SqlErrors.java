package com.aiassistants.infra.migration;

import java.sql.SQLException;

/** PostgreSQL error classes the migration reacts to, and a one-line description for the report. */
final class SqlErrors {

    static final String UNIQUE_VIOLATION = "23505";
    static final String EXCLUSION_VIOLATION = "23P01";

    private SqlErrors() {
    }

    static boolean is(SQLException e, String sqlState) {
        return sqlState.equals(e.getSQLState());
    }

    static boolean violates(SQLException e, String constraint) {
        String message = e.getMessage();
        return message != null && message.contains("\"" + constraint + "\"");
    }

    /** The first line of the server's message (no statement text, no parameters). */
    static String describe(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).replaceFirst("^ERROR: ", "");
    }
}
