package com.aiassistants.common.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryTemplate;

class BackoffsTest {

    @Test
    void theWaitAfterNAttemptsDoublesFromTheInitialDelayUpToTheCap() {
        Duration initial = Duration.ofSeconds(1);
        Duration max = Duration.ofMinutes(5);
        for (int attempts = -1; attempts <= 40; attempts++) {
            long expected = Math.min(1000L << Math.min(Math.max(attempts - 1, 0), 20), max.toMillis());
            assertThat(Backoffs.delay(initial, max, attempts)).as("after %d attempts", attempts)
                    .isEqualTo(Duration.ofMillis(expected));
        }
        assertThat(Backoffs.delay(Duration.ofSeconds(10), Duration.ofSeconds(3), 1)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void theTemplateRetriesWhatItIsToldToAndHandsBackTheLastFailure() throws Exception {
        RetryTemplate retries = Backoffs.retryTemplate(2, Duration.ofMillis(1), Duration.ofMillis(2),
                TransientFailure.class::isInstance);
        AtomicInteger calls = new AtomicInteger();
        assertThat(retries.execute(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new TransientFailure("HTTP 503");
            }
            return "ok";
        })).isEqualTo("ok");

        calls.set(0);
        try {
            retries.execute(() -> {
                calls.incrementAndGet();
                throw new TransientFailure("HTTP 502");
            });
        } catch (RetryException e) {
            assertThat(e.getCause()).hasMessage("HTTP 502");
        }
        assertThat(calls).hasValue(3);

        calls.set(0);
        try {
            retries.execute(() -> {
                calls.incrementAndGet();
                throw new IllegalArgumentException("not transient");
            });
        } catch (RetryException e) {
            assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(calls).hasValue(1);
    }
}
