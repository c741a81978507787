package com.aiassistants.common.database;

import java.sql.SQLException;

/**
 * PostgreSQL's answers that say "run the transaction again": it rolled the transaction back to break a deadlock
 * ({@code 40P01}) or a serialization conflict ({@code 40001}). Nothing of the transaction was kept, so running it
 * again is safe and is what PostgreSQL's documentation asks of applications. Read from the SQLState anywhere in the
 * cause chain, so it works behind Spring's translated exceptions too.
 */
public final class TransactionConflicts {

    public static final String DEADLOCK_DETECTED = "40P01";
    public static final String SERIALIZATION_FAILURE = "40001";

    private TransactionConflicts() {
    }

    /** True when {@code e} (or a cause) is a deadlock or a serialization failure. */
    public static boolean isTransient(Throwable e) {
        return hasState(e, DEADLOCK_DETECTED) || hasState(e, SERIALIZATION_FAILURE);
    }

    /** True when {@code e} or one of its causes is an {@link SQLException} with {@code state}. */
    public static boolean hasState(Throwable e, String state) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
