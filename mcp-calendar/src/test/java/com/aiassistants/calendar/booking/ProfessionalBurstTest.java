package com.aiassistants.calendar.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.aiassistants.calendar.support.CalendarIntegrationTest;
import com.aiassistants.common.mcp.client.McpToolError;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.CalendarTools.Booking;
import com.aiassistants.common.scheduling.CalendarTools.FindAvailableSlotsInput;
import com.aiassistants.common.scheduling.CalendarTools.HoldSlotInput;
import com.aiassistants.common.scheduling.CalendarTools.SlotList;

/**
 * A burst of holds for one professional against a pool of two connections that gives up after one
 * second: the holds queue in memory ({@link ProfessionalLocks}; with two connections one professional's share is one)
 * instead of in the pool, so every one ends as a booking or {@code slot_taken}, and another professional's holds and
 * reads go on meanwhile.
 * Without the in-memory queue the burst waits in the pool instead and many calls (of both professionals)
 * fail with pool timeouts.
 */
@TestPropertySource(properties = {
        "spring.datasource.hikari.maximum-pool-size=2",
        "spring.datasource.hikari.minimum-idle=2",
        "spring.datasource.hikari.connection-timeout=1000",
        // the pool is the subject here: no Google Calendar pollers beside the burst (a deployment without Google)
        "ai-assistants.calendar.google.client-id="})
class ProfessionalBurstTest extends CalendarIntegrationTest {

    private static final String[] CUT_STARTS = {"09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "12:00", "12:30",
            "14:00", "14:30", "15:00", "15:30", "16:00", "16:30", "17:00", "17:30"};
    private static final String[] BETO_STARTS = {"10:00", "10:30", "11:00", "11:30"};
    private static final String[] WEEKDAYS = {"2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06", "2026-03-09",
            "2026-03-10", "2026-03-11", "2026-03-12"};

    record Outcome(String what, Object result, McpToolError error) {
    }

    @Autowired
    ProfessionalLocks locks;

    @Test
    void aBurstForOneProfessionalEndsCleanlyAndOthersGoOn() throws Exception {
        assertThat(locks.writesPerProfessional()).as("half of the pool of two").isEqualTo(1);
        String tenant = standardTenant();
        List<Instant> anaSlots = new ArrayList<>();
        for (String day : WEEKDAYS) {
            for (String time : CUT_STARTS) {
                anaSlots.add(local(day + "T" + time));
            }
        }
        List<Callable<Outcome>> calls = new ArrayList<>();
        int distinct = 100;
        for (int i = 0; i < distinct + 20; i++) {
            // the last 20 ask again for slots someone else asks for
            HoldSlotInput input = hold("cut", "ana", anaSlots.get(i % distinct), "ana-customer-" + i);
            calls.add(() -> call("ana hold", () -> calendar.call(tenant, CalendarTools.HOLD_SLOT, input, Booking.class, false)));
        }
        for (int i = 0; i < 10; i++) {
            HoldSlotInput input = hold("cut", "beto", local(WEEKDAYS[i / 4] + "T" + BETO_STARTS[i % 4]), "beto-customer-" + i);
            calls.add(() -> call("beto hold", () -> calendar.call(tenant, CalendarTools.HOLD_SLOT, input, Booking.class, false)));
        }
        for (int i = 0; i < 20; i++) {
            FindAvailableSlotsInput input = new FindAvailableSlotsInput("cut", "beto", LocalDate.of(2026, 3, 3),
                    LocalDate.of(2026, 3, 14), null, null, 50);
            calls.add(() -> call("beto read", () -> calendar.call(tenant, CalendarTools.FIND_AVAILABLE_SLOTS, input,
                    SlotList.class, false)));
        }

        List<Outcome> outcomes = race(calls);

        List<String> unexpected = outcomes.stream()
                .filter(o -> o.error() != null && !(o.what().equals("ana hold") && CalendarTools.SLOT_TAKEN.equals(o.error().code())))
                .map(o -> o.what() + ": " + o.error().code() + " " + o.error().getMessage())
                .toList();
        assertThat(unexpected).as("errors other than slot_taken for a doubly asked slot").isEmpty();
        assertThat(outcomes).filteredOn(o -> o.what().equals("ana hold") && o.result() != null).hasSize(distinct);
        assertThat(outcomes).filteredOn(o -> o.what().startsWith("beto") && o.result() != null).hasSize(30);
        assertThat(jdbc.queryForObject("""
                select count(*) from booking where tenant_id = ? and status = 'HELD'""", Integer.class, tenant))
                .isEqualTo(distinct + 10);
    }

    private static Outcome call(String what, Callable<Object> call) throws Exception {
        try {
            return new Outcome(what, call.call(), null);
        } catch (McpToolError e) {
            return new Outcome(what, null, e);
        }
    }

    private static List<Outcome> race(List<Callable<Outcome>> calls) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome>> futures = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Callable<Outcome> call : calls) {
                futures.add(executor.submit(() -> {
                    start.await();
                    return call.call();
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
}
