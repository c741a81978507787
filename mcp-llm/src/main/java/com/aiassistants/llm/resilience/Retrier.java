package com.aiassistants.llm.resilience;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

import com.aiassistants.llm.chat.Deadline;
import com.aiassistants.llm.chat.ProviderException;

/**
 * Runs a provider call under a {@link RetryPolicy} with Spring's {@link RetryTemplate}: retries {@link ProviderException}s marked
 * retryable (429, 5xx, connection failures) with exponential backoff and jitter, honours a
 * Retry-After up to the policy's cap, and gives up after the bound by rethrowing the last failure.
 * Timeouts, quota, credential and other 4xx failures are not retried. With a caller's {@link Deadline}
 * no attempt is started once too little time is left for it to be answered: the last failure (or a
 * timeout, before the first attempt) is thrown instead.
 */
public final class Retrier {

    /** Told about every retry, e.g. to count it in a metric. */
    @FunctionalInterface
    public interface RetryListener {
        void onRetry(ProviderException failure, int attempt);
    }

    private static final Logger log = LoggerFactory.getLogger(Retrier.class);

    private final String name;
    private final RetryPolicy policy;
    private final RetryListener listener;

    public Retrier(String name, RetryPolicy policy, RetryListener listener) {
        this.name = name;
        this.policy = policy;
        this.listener = listener == null ? (failure, attempt) -> { } : listener;
    }

    public <T> T call(Supplier<T> attempt) {
        return call(Deadline.NONE, attempt);
    }

    public <T> T call(Deadline deadline, Supplier<T> attempt) {
        if (!deadline.allows(Duration.ZERO)) {
            throw ProviderException.timeout("the caller's time budget ran out before the provider was called", null);
        }
        AtomicInteger number = new AtomicInteger();
        AtomicReference<ProviderException> last = new AtomicReference<>();
        // The wait depends on the failure (Retry-After) and on the caller's deadline, so each call has its own BackOff.
        BackOff waits = () -> () -> {
            ProviderException failure = last.get();
            if (number.get() >= policy.maxAttempts()) {
                return BackOffExecution.STOP;
            }
            Duration wait = waitBefore(number.get() + 1, failure);
            if (wait == null || !deadline.allows(wait)) {
                return BackOffExecution.STOP;
            }
            log.warn("{}: attempt {}/{} failed ({}), retrying in {} ms", name, number.get(), policy.maxAttempts(),
                    failure.getMessage(), wait.toMillis());
            listener.onRetry(failure, number.get());
            return wait.toMillis();
        };
        // the BackOff itself bounds the attempts (Spring refuses maxRetries beside a custom BackOff)
        RetryTemplate template = new RetryTemplate(org.springframework.core.retry.RetryPolicy.builder().backOff(waits)
                .predicate(e -> e instanceof ProviderException p && p.retryable()).build());
        try {
            return template.execute(() -> {
                number.incrementAndGet();
                try {
                    return attempt.get();
                } catch (ProviderException e) {
                    last.set(e);
                    throw e;
                }
            });
        } catch (RetryException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw ProviderException.fatal("interrupted while waiting to retry", e);
            }
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    public RetryPolicy policy() {
        return policy;
    }

    /** The wait before {@code nextAttempt}, or null when the provider asks for longer than the cap. */
    private Duration waitBefore(int nextAttempt, ProviderException failure) {
        Duration retryAfter = failure.retryAfter();
        if (retryAfter != null) {
            return retryAfter.compareTo(policy.maxBackoff()) > 0 ? null : retryAfter;
        }
        long base = policy.backoffAfter(nextAttempt - 1).toMillis();
        // "equal jitter": half fixed, half random, so concurrent callers spread out
        long jittered = base / 2 + (base > 1 ? ThreadLocalRandom.current().nextLong(base / 2 + 1) : 0);
        return Duration.ofMillis(jittered);
    }
}
