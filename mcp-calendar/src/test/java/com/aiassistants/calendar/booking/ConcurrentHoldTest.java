package com.aiassistants.calendar.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.aiassistants.calendar.support.CalendarIntegrationTest;
import com.aiassistants.common.mcp.client.McpToolError;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.CalendarTools.Booking;
import com.aiassistants.common.scheduling.CalendarTools.HoldSlotInput;

/** Races over the real MCP endpoint (SDK client, virtual threads) against real PostgreSQL. */
class ConcurrentHoldTest extends CalendarIntegrationTest {

    record Outcome(Booking booking, McpToolError error) {
    }

    List<Outcome> race(String tenant, List<HoldSlotInput> inputs) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome>> futures = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (HoldSlotInput input : inputs) {
                futures.add(executor.submit(() -> {
                    start.await();
                    try {
                        return new Outcome(calendar.call(tenant, CalendarTools.HOLD_SLOT, input, Booking.class, false), null);
                    } catch (McpToolError e) {
                        return new Outcome(null, e);
                    }
                }));
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        }
    }

    @Test
    void twoHundredConcurrentHoldsOfOneSlotExactlyOneWins() throws Exception {
        String tenant = standardTenant();
        Instant slot = local("2026-03-03T09:00");
        List<HoldSlotInput> inputs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            inputs.add(hold("cut", "ana", slot, "+54911000" + String.format("%05d", i)));
        }
        List<Outcome> outcomes = race(tenant, inputs);

        assertThat(outcomes).filteredOn(o -> o.booking() != null).hasSize(1);
        List<McpToolError> errors = outcomes.stream().map(Outcome::error).filter(e -> e != null).toList();
        assertThat(errors).hasSize(199).allSatisfy(e -> {
            assertThat(e.code()).isEqualTo(CalendarTools.SLOT_TAKEN);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> alternatives = (List<Map<String, Object>>) e.body().get("alternatives");
            assertThat(alternatives).isNotEmpty().noneSatisfy(a -> assertThat(a.get("start")).isEqualTo(slot.toString()));
        });
        assertThat(jdbc.queryForObject("""
                select count(*) from booking where tenant_id = ? and professional_id = 'ana'
                   and status in ('HELD','CONFIRMED') and starts_at = ?::timestamptz""", Integer.class, tenant,
                slot.toString())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from booking where tenant_id = ?", Integer.class, tenant))
                .isEqualTo(1);
    }

    @Test
    void concurrentOverlappingHoldsOfDifferentLengthsNeverOverlap() throws Exception {
        String tenant = standardTenant();
        List<HoldSlotInput> inputs = new ArrayList<>();
        String[] cuts = {"09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "12:00", "12:30"};
        for (int i = 0; i < 48; i++) {
            inputs.add(i % 3 == 0
                    ? hold("color", "ana", local(i % 2 == 0 ? "2026-03-03T09:00" : "2026-03-03T10:45"), "k" + i)
                    : hold("cut", "ana", local("2026-03-03T" + cuts[i % cuts.length]), "k" + i));
        }
        List<Outcome> outcomes = race(tenant, inputs);
        assertThat(outcomes).allSatisfy(o -> assertThat(o.booking() != null
                || CalendarTools.SLOT_TAKEN.equals(o.error().code())).isTrue());
        assertThat(outcomes).filteredOn(o -> o.booking() != null).isNotEmpty();
        Integer overlapping = jdbc.queryForObject("""
                select count(*) from booking a join booking b
                  on a.tenant_id = b.tenant_id and a.professional_id = b.professional_id and a.id < b.id
                 where a.tenant_id = ? and a.status in ('HELD','CONFIRMED') and b.status in ('HELD','CONFIRMED')
                   and tstzrange(a.starts_at, a.blocked_until, '[)') && tstzrange(b.starts_at, b.blocked_until, '[)')
                """, Integer.class, tenant);
        assertThat(overlapping).isZero();
    }

    @Test
    void concurrentHoldsOfOneCustomerWithTwoProfessionalsStopExactlyAtTheCap() throws Exception {
        String tenant = standardTenant();
        List<String> weekdays = List.of("2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06", "2026-03-09");
        for (int round = 0; round < weekdays.size(); round++) {
            String customer = "+5491100099" + round;
            String day = weekdays.get(round);
            List<HoldSlotInput> inputs = new ArrayList<>();
            for (String time : List.of("09:00", "09:30", "10:00", "10:30")) {
                inputs.add(hold("cut", "ana", local(day + "T" + time), customer));
            }
            for (String time : List.of("10:00", "10:30", "11:00", "11:30")) {
                inputs.add(hold("cut", "beto", local(day + "T" + time), customer));
            }
            List<Outcome> outcomes = race(tenant, inputs);
            assertThat(outcomes).as("round %d", round).filteredOn(o -> o.booking() != null).hasSize(3);
            assertThat(outcomes).filteredOn(o -> o.error() != null)
                    .allSatisfy(o -> assertThat(o.error().code()).isEqualTo(CalendarTools.HOLD_LIMIT_REACHED));
            assertThat(jdbc.queryForObject("select count(*) from booking where tenant_id = ? and customer_id = ?",
                    Integer.class, tenant, customer)).isEqualTo(3);
        }
    }
}
