package com.aiassistants.common.retry;

import java.time.Duration;
import java.util.function.Predicate;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The one retry and backoff mechanism of the services, on Spring Framework's {@link BackOff} and
 * {@link RetryTemplate}: waits start at an initial delay and double up to a cap, without jitter.
 * <ul>
 * <li>In-process retries (an HTTP or MCP call tried again a few times): {@link #retryTemplate}.</li>
 * <li>Durable queues (a row retried later, its attempts counted in the database): {@link #delay} gives the wait
 * before the next attempt from the attempts made so far, as the same backoff's n-th wait.</li>
 * </ul>
 */
public final class Backoffs {

    private Backoffs() {
    }

    /** {@code initial}, doubled per further wait, never more than {@code max}; no limit on attempts. */
    public static ExponentialBackOff exponential(Duration initial, Duration max) {
        ExponentialBackOff backOff = new ExponentialBackOff(initial.toMillis(), 2.0);
        backOff.setMaxInterval(Math.max(max.toMillis(), initial.toMillis()));
        return backOff;
    }

    /**
     * The wait after {@code attempts} failed attempts (1 = after the first: the initial delay; 0 or less counts as
     * 1): the {@code attempts}-th wait of a fresh execution of {@code backOff}.
     */
    public static Duration delay(BackOff backOff, int attempts) {
        BackOffExecution execution = backOff.start();
        long wait = 0;
        long previous = -1;
        for (int i = 0; i < Math.max(attempts, 1); i++) {
            wait = execution.nextBackOff();
            if (wait == BackOffExecution.STOP || wait == previous) {
                break; // reached the cap: every further wait is the same
            }
            previous = wait;
        }
        return Duration.ofMillis(Math.max(wait, previous));
    }

    /** {@link #delay(BackOff, int)} of {@link #exponential(Duration, Duration)}. */
    public static Duration delay(Duration initial, Duration max, int attempts) {
        Duration delay = delay(exponential(initial, max), attempts);
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /**
     * Up to {@code maxRetries} retries after the first attempt of what {@code retryOn} accepts, waiting
     * {@code initial}, then twice as long each time, at most {@code max}. A failure {@code retryOn} refuses ends the
     * call at once; either way the caller gets a {@link org.springframework.core.retry.RetryException} whose cause is
     * the last failure.
     */
    public static RetryTemplate retryTemplate(long maxRetries, Duration initial, Duration max,
            Predicate<Throwable> retryOn) {
        Duration cap = max.compareTo(initial) < 0 ? initial : max;
        return new RetryTemplate(RetryPolicy.builder().maxRetries(maxRetries).delay(initial).multiplier(2.0)
                .maxDelay(cap.isPositive() ? cap : Duration.ofMillis(1)).predicate(retryOn).build());
    }
}
