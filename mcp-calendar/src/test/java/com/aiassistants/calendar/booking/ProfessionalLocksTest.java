package com.aiassistants.calendar.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.aiassistants.common.mcp.server.ToolException;

/** The in-memory per-professional write queue on its own: one at a time, in arrival order, bounded wait. */
class ProfessionalLocksTest {

    private static final String TENANT = "t-locks";

    private final List<Thread> threads = new ArrayList<>();

    @AfterEach
    void stopThreads() throws InterruptedException {
        for (Thread thread : threads) {
            thread.interrupt();
            thread.join(5_000);
        }
    }

    private Thread start(Runnable body) {
        Thread thread = Thread.ofPlatform().daemon().start(body);
        threads.add(thread);
        return thread;
    }

    /** Holds {@code professional}'s stripe on another thread until {@code release} opens. */
    /** Another thread holds {@code professional}'s queue until the returned latch is counted down. */
    private CountDownLatch holdElsewhere(ProfessionalLocks locks, String professional) throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        start(() -> locks.withProfessional(TENANT, professional, () -> {
            holding.countDown();
            awaitQuietly(release);
            return null;
        }));
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
        return release;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until {@code thread} is parked (queued on the lock). */
    private static void awaitParked(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (thread.getState() != Thread.State.TIMED_WAITING && thread.getState() != Thread.State.WAITING) {
            assertThat(System.nanoTime()).as("thread queued on the lock").isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    /** A professional of {@link #TENANT} whose stripe differs from {@code other}'s. */
    private static String onAnotherStripe(String other) {
        for (int i = 0; ; i++) {
            String candidate = "p" + i;
            if (ProfessionalLocks.stripe(TENANT, candidate) != ProfessionalLocks.stripe(TENANT, other)) {
                return candidate;
            }
        }
    }

    @Test
    void writesToOneProfessionalRunOneAtATimeInArrivalOrder() throws InterruptedException {
        ProfessionalLocks locks = new ProfessionalLocks(Duration.ofSeconds(10));
        CountDownLatch release = holdElsewhere(locks, "ana");
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        List<Integer> order = new CopyOnWriteArrayList<>();
        List<Thread> waiters = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            int n = i;
            Thread waiter = start(() -> locks.withProfessional(TENANT, "ana", () -> {
                mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                order.add(n);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                inside.decrementAndGet();
                return null;
            }));
            awaitParked(waiter);
            waiters.add(waiter);
        }
        assertThat(order).as("nobody enters while the professional is busy").isEmpty();
        release.countDown();
        for (Thread waiter : waiters) {
            waiter.join(5_000);
        }
        assertThat(order).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(mostInside).hasValue(1);
    }

    @Test
    void anotherProfessionalDoesNotWait() throws InterruptedException {
        ProfessionalLocks locks = new ProfessionalLocks(Duration.ofMillis(200));
        CountDownLatch release = holdElsewhere(locks, "ana");
        String other = onAnotherStripe("ana");
        AtomicReference<String> result = new AtomicReference<>();
        Thread thread = start(() -> result.set(locks.withProfessional(TENANT, other, () -> "done")));
        thread.join(5_000);
        assertThat(result).hasValue("done");
        // the same professional in another tenant is another queue too (unless it shares the stripe)
        if (ProfessionalLocks.stripe("t-other", "ana") != ProfessionalLocks.stripe(TENANT, "ana")) {
            assertThat(locks.withProfessional("t-other", "ana", () -> "done")).isEqualTo("done");
        }
        release.countDown();
    }

    @Test
    void waitingLongerThanTheLimitIsUnavailable() throws InterruptedException {
        ProfessionalLocks locks = new ProfessionalLocks(Duration.ofMillis(200));
        CountDownLatch release = holdElsewhere(locks, "ana");
        AtomicInteger ran = new AtomicInteger();
        long started = System.nanoTime();
        assertThatThrownBy(() -> locks.withProfessional(TENANT, "ana", ran::incrementAndGet))
                .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.code()).isEqualTo("unavailable"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(ran).hasValue(0);
        release.countDown();
    }

    @Test
    void anInterruptedWaitIsUnavailableAndKeepsTheInterrupt() throws InterruptedException {
        ProfessionalLocks locks = new ProfessionalLocks(Duration.ofSeconds(10));
        CountDownLatch release = holdElsewhere(locks, "ana");
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> locks.withProfessional(TENANT, "ana", () -> "never"))
                    .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.code()).isEqualTo("unavailable"));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
            release.countDown();
        }
    }

    @Test
    void aFailedWriteFreesTheProfessional() throws InterruptedException {
        ProfessionalLocks locks = new ProfessionalLocks(Duration.ofMillis(500));
        assertThatThrownBy(() -> locks.withProfessional(TENANT, "ana", () -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        // another thread (the lock is reentrant, so this one would not tell)
        AtomicReference<Object> result = new AtomicReference<>();
        Thread thread = start(() -> {
            try {
                result.set(locks.withProfessional(TENANT, "ana", () -> "next"));
            } catch (RuntimeException e) {
                result.set(e);
            }
        });
        thread.join(5_000);
        assertThat(result).hasValue("next");
    }
}
