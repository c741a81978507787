package com.aiassistants.calendar.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.aiassistants.calendar.support.CalendarIntegrationTest;

/**
 * The advisory locks of a professional's calendar days in PostgreSQL: a write whose range overlaps another's waits
 * for it even when their ranges start on different UTC days (one crosses midnight), and a write of the same
 * professional on another day does not wait.
 */
class ProfessionalDayLocksTest extends CalendarIntegrationTest {

    @Autowired
    BookingRepository repository;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void overlappingWritesWaitForEachOtherAcrossMidnightAndOtherDaysDoNot() throws Exception {
        String tenant = "t-days-" + UUID.randomUUID();
        ProfessionalDays acrossMidnight = ProfessionalDays.of(tenant, "ana", Instant.parse("2026-03-03T23:00:00Z"),
                Instant.parse("2026-03-04T00:30:00Z"));
        ProfessionalDays overlappingNextDay = ProfessionalDays.of(tenant, "ana", Instant.parse("2026-03-04T00:00:00Z"),
                Instant.parse("2026-03-04T01:00:00Z"));
        ProfessionalDays anotherDay = ProfessionalDays.of(tenant, "ana", Instant.parse("2026-03-05T10:00:00Z"),
                Instant.parse("2026-03-05T11:00:00Z"));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> first = executor.submit(() -> transaction.executeWithoutResult(status -> {
                repository.lockCustomerAndDays(tenant, "customer-1", acrossMidnight);
                locked.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

            executor.submit(() -> transaction.executeWithoutResult(status -> repository.lockDays(anotherDay)))
                    .get(10, TimeUnit.SECONDS);

            Future<?> second = executor.submit(
                    () -> transaction.executeWithoutResult(status -> repository.lockDays(overlappingNextDay)));
            awaitBackendWaitingForLock("advisory", 10, "the overlapping write never waited for the advisory lock");
            assertThat(second).as("waits for the write across midnight").isNotDone();
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            second.get(10, TimeUnit.SECONDS);
        } finally {
            release.countDown();
        }
    }
}
