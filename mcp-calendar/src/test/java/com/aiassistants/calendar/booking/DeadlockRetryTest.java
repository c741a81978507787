package com.aiassistants.calendar.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.aiassistants.calendar.support.CalendarIntegrationTest;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.CalendarTools.Booking;
import com.aiassistants.common.scheduling.CalendarTools.HoldSlotInput;

/**
 * A hold that PostgreSQL picks as a deadlock victim is run again, not answered with an internal error: another
 * transaction holds the slot's row uncommitted (the hold waits for it) and then writes a row with the hold's
 * idempotency key (it waits for the hold): a real deadlock, which PostgreSQL breaks by rolling the hold back.
 */
class DeadlockRetryTest extends CalendarIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void aHoldRolledBackToBreakADeadlockIsRetriedAndSucceeds() throws Exception {
        String tenant = standardTenant();
        Instant slot = local("2026-03-03T09:00");
        HoldSlotInput input = hold("cut", "ana", slot, "+5491100000001");
        try (Connection other = dataSource.getConnection();
                var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            other.setAutoCommit(false);
            insertBooking(other, tenant, "ana", slot, UUID.randomUUID().toString());
            Future<Booking> held = executor.submit(() -> calendar.call(tenant, CalendarTools.HOLD_SLOT, input, Booking.class, false));
            awaitBackendWaitingForLock(null, 20, "the hold never waited for the uncommitted row");
            // the other transaction now needs the hold's uncommitted row (same idempotency key): a cycle
            insertBooking(other, tenant, "luis", slot.plusSeconds(7200), input.idempotencyKey());
            other.rollback();

            Booking booking = held.get(30, TimeUnit.SECONDS);
            assertThat(booking.status()).hasToString("HELD");
            assertThat(jdbc.queryForObject("select count(*) from booking where tenant_id = ? and idempotency_key = ?",
                    Integer.class, tenant, input.idempotencyKey())).isEqualTo(1);
        }
    }

    private static void insertBooking(Connection connection, String tenant, String professional, Instant start,
            String idempotencyKey) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into booking (id, tenant_id, short_code, idempotency_key, status, service_id, service_name,
                    professional_id, professional_name, customer_id, customer_name, starts_at, ends_at, blocked_until,
                    time_zone, notes, channel, hold_expires_at, created_at, updated_at, version)
                values (?, ?, ?, ?, 'CONFIRMED', 'cut', 'Corte', ?, ?, 'someone-else', null, ?, ?, ?,
                    'America/Argentina/Buenos_Aires', null, 'console', null, now(), now(), 0)""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, tenant);
            insert.setString(3, "T" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase());
            insert.setString(4, idempotencyKey);
            insert.setString(5, professional);
            insert.setString(6, professional);
            insert.setTimestamp(7, Timestamp.from(start));
            insert.setTimestamp(8, Timestamp.from(start.plusSeconds(1800)));
            insert.setTimestamp(9, Timestamp.from(start.plusSeconds(1800)));
            insert.executeUpdate();
        }
    }
}
