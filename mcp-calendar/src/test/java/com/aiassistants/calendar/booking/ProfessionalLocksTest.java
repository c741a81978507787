package com.aiassistants.calendar.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.aiassistants.common.mcp.server.ToolException;

/**
 * The in-memory queue of a professional's calendar writes on its own: one write per day at a time in arrival order,
 * other days at once up to the professional's share, bounded wait.
 */
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

    /** A one-hour write of {@code professional} of {@link #TENANT} on {@code date} (yyyy-MM-dd), at 10:00 UTC. */
    private static ProfessionalDays on(String professional, String date) {
        Instant start = Instant.parse(date + "T10:00:00Z");
        return ProfessionalDays.of(TENANT, professional, start, start.plus(Duration.ofHours(1)));
    }

    /** Another thread holds {@code target}'s queue until the returned latch is counted down. */
    private CountDownLatch holdElsewhere(ProfessionalLocks locks, ProfessionalDays target) throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        start(() -> locks.withProfessional(target, () -> {
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

    /** Waits until {@code thread} is parked (queued on a lock). */
    private static void awaitParked(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (thread.getState() != Thread.State.TIMED_WAITING && thread.getState() != Thread.State.WAITING) {
            assertThat(System.nanoTime()).as("thread queued on the lock").isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    /** Starts {@code target}'s write on another thread; it records "done" in {@code result}. */
    private Thread write(ProfessionalLocks locks, ProfessionalDays target, AtomicReference<Object> result) {
        return start(() -> {
            try {
                result.set(locks.withProfessional(target, () -> "done"));
            } catch (RuntimeException e) {
                result.set(e);
            }
        });
    }

    /** Dates of March 2026 whose day keys of {@code professional} all lie on different stripes. */
    private static List<String> daysOnDifferentStripes(String professional, int count) {
        List<String> dates = new ArrayList<>();
        Set<Integer> stripes = new HashSet<>();
        for (int day = 1; dates.size() < count; day++) {
            String date = String.format("2026-03-%02d", day);
            if (stripes.add(ProfessionalLocks.dayStripe(on(professional, date).keys().getFirst()))) {
                dates.add(date);
            }
        }
        return dates;
    }

    @Test
    void writesToOneDayRunOneAtATimeInArrivalOrder() throws InterruptedException {
        ProfessionalLocks locks = new ProfessionalLocks(Duration.ofSeconds(10), 4);
        CountDownLatch release = holdElsewhere(locks, on("ana", "2026-03-03"));
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        List<Integer> order = new CopyOnWriteArrayList<>();
        List<Thread> waiters = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            int n = i;
            Thread waiter = start(() -> locks.withProfessional(on("ana", "2026-03-03"), () -> {
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
        assertThat(order).as("nobody enters while the day is being written").isEmpty();
        release.countDown();
        for (Thread waiter : waiters) {
            waiter.join(5_000);
        }
        assertThat(order).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(mostInside).hasValue(1);
    }

    @Test
    void anotherDayOfTheSameProfessionalDoesNotWait() throws InterruptedException {
        ProfessionalLocks locks = new ProfessionalLocks(Duration.ofMillis(200), 2);
        List<String> dates = daysOnDifferentStripes("ana", 2);
        CountDownLatch release = holdElsewhere(locks, on("ana", dates.get(0)));
        AtomicReference<Object> result = new AtomicReference<>();
        write(locks, on("ana", dates.get(1)), result).join(5_000);
        assertThat(result).hasValue("done");
        release.countDown();
    }

    @Test
    void aRangeAcrossMidnightWaitsForBothOfItsDays() throws InterruptedException {
        ProfessionalLocks locks = new ProfessionalLocks(Duration.ofSeconds(10), 4);
        ProfessionalDays acrossMidnight = ProfessionalDays.of(TENANT, "ana", Instant.parse("2026-03-03T23:30:00Z"),
                Instant.parse("2026-03-04T00:30:00Z"));
        assertThat(acrossMidnight.days()).hasSize(2);
        CountDownLatch release = holdElsewhere(locks, on("ana", "2026-03-04"));
        AtomicReference<Object> result = new AtomicReference<>();
        Thread waiter = write(locks, acrossMidnight, result);
        awaitParked(waiter);
        assertThat(result).as("waits for the write of its second day").hasValue(null);
        release.countDown();
        waiter.join(5_000);
        assertThat(result).hasValue("done");
    }

    @Test
    void oneProfessionalWritesAtMostItsShareAtOnce() throws InterruptedException {
        ProfessionalLocks locks = new ProfessionalLocks(Duration.ofSeconds(10), 2);
        List<String> dates = daysOnDifferentStripes("ana", 3);
        CountDownLatch first = holdElsewhere(locks, on("ana", dates.get(0)));
        CountDownLatch second = holdElsewhere(locks, on("ana", dates.get(1)));
        AtomicReference<Object> third = new AtomicReference<>();
        Thread waiter = write(locks, on("ana", dates.get(2)), third);
        awaitParked(waiter);
        assertThat(third).as("a third day of the same professional waits for a permit").hasValue(null);
        // meanwhile another professional is not held back
        AtomicReference<Object> other = new AtomicReference<>();
        write(locks, onAnotherStripe(on("ana", dates.get(2)), dates.get(2)), other).join(5_000);
        assertThat(other).hasValue("done");
        first.countDown();
        waiter.join(5_000);
        assertThat(third).hasValue("done");
        second.countDown();
    }

    @Test
    void anotherProfessionalDoesNotWait() throws InterruptedException {
        ProfessionalLocks locks = new ProfessionalLocks(Duration.ofMillis(200), 1);
        CountDownLatch release = holdElsewhere(locks, on("ana", "2026-03-03"));
        ProfessionalDays other = onAnotherStripe(on("ana", "2026-03-03"), "2026-03-03");
        AtomicReference<Object> result = new AtomicReference<>();
        write(locks, other, result).join(5_000);
        assertThat(result).hasValue("done");
        release.countDown();
    }

    @Test
    void waitingLongerThanTheLimitIsUnavailable() throws InterruptedException {
        ProfessionalLocks locks = new ProfessionalLocks(Duration.ofMillis(200), 4);
        CountDownLatch release = holdElsewhere(locks, on("ana", "2026-03-03"));
        AtomicInteger ran = new AtomicInteger();
        long started = System.nanoTime();
        assertThatThrownBy(() -> locks.withProfessional(on("ana", "2026-03-03"), ran::incrementAndGet))
                .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.code()).isEqualTo("unavailable"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(ran).hasValue(0);
        release.countDown();
    }

    @Test
    void waitingForAPermitLongerThanTheLimitIsUnavailableAndFreesTheDay() throws InterruptedException {
        ProfessionalLocks locks = new ProfessionalLocks(Duration.ofMillis(200), 1);
        List<String> dates = daysOnDifferentStripes("ana", 2);
        CountDownLatch release = holdElsewhere(locks, on("ana", dates.get(0)));
        assertThatThrownBy(() -> locks.withProfessional(on("ana", dates.get(1)), () -> "never"))
                .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.code()).isEqualTo("unavailable"));
        release.countDown();
        // the refused write's day is free again (another thread: the lock is reentrant, so this one would not tell)
        AtomicReference<Object> result = new AtomicReference<>();
        write(locks, on("ana", dates.get(1)), result).join(5_000);
        assertThat(result).hasValue("done");
    }

    @Test
    void anInterruptedWaitIsUnavailableAndKeepsTheInterrupt() throws InterruptedException {
        ProfessionalLocks locks = new ProfessionalLocks(Duration.ofSeconds(10), 4);
        CountDownLatch release = holdElsewhere(locks, on("ana", "2026-03-03"));
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> locks.withProfessional(on("ana", "2026-03-03"), () -> "never"))
                    .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.code()).isEqualTo("unavailable"));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
            release.countDown();
        }
    }

    @Test
    void aFailedWriteFreesTheDayAndThePermit() throws InterruptedException {
        ProfessionalLocks locks = new ProfessionalLocks(Duration.ofMillis(500), 1);
        assertThatThrownBy(() -> locks.withProfessional(on("ana", "2026-03-03"), () -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        // another thread (the lock is reentrant, so this one would not tell)
        AtomicReference<Object> result = new AtomicReference<>();
        write(locks, on("ana", "2026-03-03"), result).join(5_000);
        assertThat(result).hasValue("done");
    }

    @Test
    void aRangeTouchesEveryUtcDayItCovers() {
        Instant midnight = Instant.parse("2026-03-04T00:00:00Z");
        assertThat(ProfessionalDays.of(TENANT, "ana", midnight.minusSeconds(3600), midnight).days())
                .as("ending at midnight: the next day is not touched").containsExactly(LocalDate.of(2026, 3, 3));
        assertThat(ProfessionalDays.of(TENANT, "ana", midnight.minusSeconds(1800), midnight.plusSeconds(1800)).days())
                .containsExactly(LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 4));
        assertThat(ProfessionalDays.of(TENANT, "ana", midnight, midnight.plusSeconds(1800)).keys())
                .containsExactly(TENANT + "/ana/2026-03-04");
    }

    /**
     * A one-hour write on {@code date} by a professional of {@link #TENANT} that shares neither the day lock nor the
     * professional's permits with {@code busy}.
     */
    private static ProfessionalDays onAnotherStripe(ProfessionalDays busy, String date) {
        for (int i = 0; ; i++) {
            ProfessionalDays candidate = on("p" + i, date);
            if (ProfessionalLocks.professionalStripe(TENANT, candidate.professionalId())
                    != ProfessionalLocks.professionalStripe(TENANT, busy.professionalId())
                    && ProfessionalLocks.dayStripe(candidate.keys().getFirst())
                            != ProfessionalLocks.dayStripe(busy.keys().getFirst())) {
                return candidate;
            }
        }
    }
}
