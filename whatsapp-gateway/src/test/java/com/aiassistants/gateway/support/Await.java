package com.aiassistants.gateway.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Waits (with Awaitility) for asynchronous work (workers) to reach a state; fails with a message after a generous limit. */
public final class Await {

    private Await() {
    }

    public static void until(String what, BooleanSupplier condition) {
        until(what, Duration.ofSeconds(15), condition);
    }

    public static void until(String what, Duration limit, BooleanSupplier condition) {
        try {
            Awaitility.await(what).atMost(limit).pollInSameThread().pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(Long.getLong("await.poll-ms", 20)))
                    .until(condition::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("timed out waiting for: " + what, e);
        }
    }
}
