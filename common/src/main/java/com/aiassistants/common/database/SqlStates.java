package com.aiassistants.common.database;

import java.sql.SQLException;
import java.util.Optional;

/**
 * PostgreSQL's SQLState of a failure, read anywhere in its cause chain, so it works behind Spring's translated
 * exceptions too. {@link #isTransientConflict} is the one test for "run the transaction again": PostgreSQL rolled the
 * transaction back to break a deadlock ({@code 40P01}) or a serialization conflict ({@code 40001}); nothing of it was
 * kept, so running it again is safe and is what PostgreSQL's documentation asks of applications.
 */
public final class SqlStates {

    public static final String DEADLOCK_DETECTED = "40P01";
    public static final String SERIALIZATION_FAILURE = "40001";

    private SqlStates() {
    }

    /** True when {@code e} (or a cause) is a deadlock or a serialization failure. */
    public static boolean isTransientConflict(Throwable e) {
        return has(e, DEADLOCK_DETECTED) || has(e, SERIALIZATION_FAILURE);
    }

    /** True when {@code e} or one of its causes is an {@link SQLException} with {@code state}. */
    public static boolean has(Throwable e, String state) {
        return find(e, state).isPresent();
    }

    /** The first {@link SQLException} with {@code state} in {@code e}'s cause chain. */
    public static Optional<SQLException> find(Throwable e, String state) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && state.equals(sql.getSQLState())) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }
}
