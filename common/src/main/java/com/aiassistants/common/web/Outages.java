package com.aiassistants.common.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells "a dependency (PostgreSQL, Redis, another service) is unavailable right now" from a bug, so every
 * route and filter answers the former with 503 + {@code Retry-After} ({@link OutageFilter},
 * {@link ProblemExceptionHandler}) instead of 500. Matched by class name along the cause chain, so this
 * library needs none of the drivers.
 */
public final class Outages {

    /** Seconds a client is asked to wait before retrying. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private static final Set<String> UNAVAILABLE = Set.of(
            "org.springframework.dao.DataAccessResourceFailureException", // incl. CannotGetJdbcConnection, RedisConnectionFailure
            "org.springframework.dao.TransientDataAccessResourceException",
            "org.springframework.dao.QueryTimeoutException",
            "org.springframework.transaction.CannotCreateTransactionException",
            "io.lettuce.core.RedisConnectionException",
            "io.lettuce.core.RedisCommandTimeoutException",
            "com.aiassistants.common.mcp.client.McpUnavailableException");

    private Outages() {
    }

    /** Whether {@code failure} (or a cause) means a dependency is down or not answering. */
    public static boolean isOutage(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof ConnectException || e instanceof SQLTransientConnectionException) {
                return true;
            }
            if (e instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true; // connection exceptions, admin shutdown / crash shutdown / cannot connect now
            }
            for (Class<?> type = e.getClass(); type != null; type = type.getSuperclass()) {
                if (UNAVAILABLE.contains(type.getName())) {
                    return true;
                }
            }
        }
        return false;
    }
}
