package com.aiassistants.llm.chat;

import java.time.Duration;

/**
 * A provider call failed. {@link #retryable()} says whether another attempt may succeed (429,
 * 5xx, connection failures); {@link #retryAfter()} carries the provider's Retry-After when given.
 * Messages never contain credentials or conversation content.
 */
public class ProviderException extends RuntimeException {

    public enum Kind {
        /** 429 / throttling. */
        RATE_LIMITED,
        /** The provider did not answer in time. */
        TIMEOUT,
        /** Any other failure (4xx, 5xx, unreadable answers, connection failures). */
        ERROR
    }

    private final Kind kind;
    private final boolean retryable;
    private final Duration retryAfter;

    public ProviderException(Kind kind, boolean retryable, Duration retryAfter, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    public static ProviderException rateLimited(Duration retryAfter, String message) {
        return new ProviderException(Kind.RATE_LIMITED, true, retryAfter, message, null);
    }

    public static ProviderException retryable(String message, Throwable cause) {
        return new ProviderException(Kind.ERROR, true, null, message, cause);
    }

    public static ProviderException fatal(String message, Throwable cause) {
        return new ProviderException(Kind.ERROR, false, null, message, cause);
    }

    public static ProviderException timeout(String message, Throwable cause) {
        return new ProviderException(Kind.TIMEOUT, false, null, message, cause);
    }

    public Kind kind() {
        return kind;
    }

    public boolean retryable() {
        return retryable;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
