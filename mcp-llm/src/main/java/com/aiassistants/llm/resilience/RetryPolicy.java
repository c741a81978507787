package com.aiassistants.llm.resilience;

import java.time.Duration;

/**
 * Bounded retries with exponential backoff.
 *
 * @param maxAttempts    total attempts including the first (1 = no retry)
 * @param initialBackoff wait before the second attempt; doubles for each further one
 * @param maxBackoff     cap on one wait; a Retry-After longer than this is not waited for
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoffs must satisfy 0 <= initial <= max");
        }
    }

    /** Backoff before attempt {@code attempt + 1} (attempt counts from 1), without jitter. */
    Duration backoffAfter(int attempt) {
        return com.aiassistants.common.retry.Backoffs.delay(initialBackoff, maxBackoff, attempt);
    }
}
