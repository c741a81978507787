package com.aiassistants.llm.chat;

import java.time.Duration;

/**
 * A provider call failed. {@link #kind()} is the cause as the caller sees it; {@link #retryable()}
 * says whether another attempt may succeed (throttling, 5xx, connection failures);
 * {@link #retryAfter()} carries the provider's Retry-After when given. Messages never contain
 * credentials or conversation content.
 */
public class ProviderException extends RuntimeException {

    public enum Kind {
        /** 429 / throttling: transient, retried. */
        RATE_LIMITED("rate_limited"),
        /** The account's quota or credit is used up (OpenAI {@code insufficient_quota}, Bedrock daily token
         * quota, {@code ServiceQuotaExceededException}): permanent until someone acts, never retried. */
        QUOTA_EXHAUSTED("quota_exhausted"),
        /** The provider refused the credentials (401/403, Bedrock access denied): permanent, never retried. */
        AUTH("provider_auth"),
        /** The provider answered, but not in a shape we can read: reported as such, not retried. */
        BAD_RESPONSE("provider_bad_response"),
        /** The provider did not answer in time (its own timeout, ours, or the caller's budget). */
        TIMEOUT("provider_timeout"),
        /** Any other failure (other 4xx, 5xx, connection failures). */
        ERROR("provider_error");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        /** The tool error code and metric outcome. */
        public String code() {
            return code;
        }

        /** Needs a person (billing, keys): counted in {@code llm.alerts}. */
        public boolean alerting() {
            return this == QUOTA_EXHAUSTED || this == AUTH;
        }
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

    public static ProviderException quotaExhausted(String message, Throwable cause) {
        return new ProviderException(Kind.QUOTA_EXHAUSTED, false, null, message, cause);
    }

    public static ProviderException auth(String message, Throwable cause) {
        return new ProviderException(Kind.AUTH, false, null, message, cause);
    }

    public static ProviderException badResponse(String message, Throwable cause) {
        return new ProviderException(Kind.BAD_RESPONSE, false, null, message, cause);
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
