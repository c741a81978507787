package com.aiassistants.calendar.booking;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.aiassistants.common.mcp.McpJson;
import com.aiassistants.common.scheduling.CalendarTools.BookingStatus;

/**
 * Lapsed holds become EXPIRED: all of them by the sweeper, those in a wanted range inside the transaction that
 * wants it, one that a caller just touched at once. Each flip is logged as an {@code expired} event.
 */
@Component
public class HoldExpiry {

    static final int SWEEP_BATCH = 500;

    private final BookingRepository repository;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final BookingChanges changes;

    HoldExpiry(BookingRepository repository, TransactionTemplate transaction, Clock clock, BookingChanges changes) {
        this.repository = repository;
        this.transaction = transaction;
        this.clock = clock;
        this.changes = changes;
    }

    /** Flips every stale hold to EXPIRED and logs it; returns how many. */
    public int expireStaleHolds() {
        int total = 0;
        while (true) {
            Instant now = clock.instant();
            Integer expired = transaction.execute(status -> {
                List<StoredBooking> rows = repository.expireStaleHolds(now, SWEEP_BATCH);
                rows.forEach(row -> recordExpired(row, now));
                return rows.size();
            });
            total += expired == null ? 0 : expired;
            if (expired == null || expired < SWEEP_BATCH) {
                return total;
            }
        }
    }

    /** Inside the caller's transaction: stale holds of the professional overlapping [from, to). */
    void expireStale(String tenantId, String professionalId, Instant from, Instant to, Instant now) {
        repository.expireStaleHolds(tenantId, professionalId, from, to, now).forEach(row -> recordExpired(row, now));
    }

    void expireIfStale(StoredBooking current, Instant now) {
        if (current.status() == BookingStatus.HELD) {
            transaction.executeWithoutResult(status -> repository.changeStatus(current, BookingStatus.EXPIRED, now)
                    .ifPresent(row -> recordExpired(row, now)));
        }
    }

    private void recordExpired(StoredBooking row, Instant now) {
        Map<String, Object> before = new LinkedHashMap<>(McpJson.toMap(row.view(now)));
        before.put("status", BookingStatus.HELD.name());
        changes.record(row.tenantId(), row.id(), "expired", "system", row.customerId(), row.professionalId(), now,
                before, row.view(now));
    }
}
