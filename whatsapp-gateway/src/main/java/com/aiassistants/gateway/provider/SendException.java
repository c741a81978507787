package com.aiassistants.gateway.provider;

import java.time.Duration;

/**
 * A send that did not succeed. {@link Outcome#RETRYABLE}: certainly not delivered, try again later;
 * {@link Outcome#PERMANENT}: do not retry (4xx); {@link Outcome#UNKNOWN}: may or may not have been
 * delivered (timeout after the request left).
 */
public class SendException extends Exception {

    public enum Outcome { RETRYABLE, PERMANENT, UNKNOWN }

    private final Outcome outcome;
    private final String errorCode;
    private final Duration retryAfter;

    public SendException(Outcome outcome, String errorCode, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.outcome = outcome;
        this.errorCode = errorCode;
        this.retryAfter = retryAfter;
    }

    public static SendException retryable(String code, String message, Duration retryAfter) {
        return new SendException(Outcome.RETRYABLE, code, message, retryAfter, null);
    }

    public static SendException permanent(String code, String message) {
        return new SendException(Outcome.PERMANENT, code, message, null, null);
    }

    public static SendException unknown(String message, Throwable cause) {
        return new SendException(Outcome.UNKNOWN, "unknown-outcome", message, null, cause);
    }

    public Outcome outcome() {
        return outcome;
    }

    public String errorCode() {
        return errorCode;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
