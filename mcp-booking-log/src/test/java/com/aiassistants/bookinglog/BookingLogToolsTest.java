package com.aiassistants.bookinglog;

import static com.aiassistants.common.scheduling.BookingLogTools.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aiassistants.common.mcp.ToolSchemas;
import com.aiassistants.common.scheduling.BookingLogTools;

import io.modelcontextprotocol.spec.McpSchema;

class BookingLogToolsTest extends McpTestBase {

    static final Instant T0 = Instant.parse("2026-03-02T12:00:00Z");

    @Autowired
    JdbcTemplate jdbc;

    static AppendBookingEventInput event(String id, String bookingId, String type, String customer, String professional,
            Instant at) {
        return new AppendBookingEventInput(id, bookingId, type, "system", customer, professional, at,
                Map.of("status", "HELD"), Map.of("status", "CONFIRMED", "price", 35000.5, "tags", List.of("a", "b")));
    }

    List<BookingEvent> list(String tenant, ListBookingEventsInput filter) {
        return call(tenant, LIST_BOOKING_EVENTS, filter, BookingEventList.class).events();
    }

    @Test
    void listsBothToolsWithTheContractRecordsAsOutputSchemas() {
        List<McpSchema.Tool> tools = client().listTools();
        assertThat(tools).extracting(McpSchema.Tool::name).containsExactlyInAnyOrder(APPEND_BOOKING_EVENT,
                APPEND_BOOKING_EVENTS, LIST_BOOKING_EVENTS, ERASE_CUSTOMER, BookingLogTools.LINK_STATS);
        Map<String, Class<?>> contract = Map.of(APPEND_BOOKING_EVENT, AppendResult.class, APPEND_BOOKING_EVENTS,
                AppendResults.class, LIST_BOOKING_EVENTS,
                BookingEventList.class, ERASE_CUSTOMER, ErasedCustomer.class, BookingLogTools.LINK_STATS,
                BookingLogTools.LinkStats.class);
        for (McpSchema.Tool tool : tools) {
            assertThat(tool.description()).hasSizeGreaterThan(100);
            assertThat(tool.outputSchema()).as(tool.name()).isEqualTo(ToolSchemas.of(contract.get(tool.name())));
        }
    }

    /** An event with only the required fields lists fine: the absent optional ones pass output validation. */
    @Test
    @SuppressWarnings("unchecked")
    void eventsWithAbsentOptionalFieldsPassOutputValidation() {
        String tenant = newTenant();
        call(tenant, APPEND_BOOKING_EVENT, new AppendBookingEventInput("bare", null, "link_accessed", "system", null, null,
                T0, null, null), AppendResult.class);
        Map<String, Object> listed = client().callForMap(tenant, LIST_BOOKING_EVENTS,
                new ListBookingEventsInput(null, null, null, null, null, null), false);
        assertThat((List<Map<String, Object>>) listed.get("events")).singleElement().satisfies(e -> assertThat(e)
                .containsKeys("event_id", "type", "actor", "occurred_at", "recorded_at")
                .doesNotContainKeys("booking_id", "customer_id", "professional_id", "before", "after"));
    }

    @Test
    void appendsAreIdempotentOnEventId() {
        String tenant = newTenant();
        AppendResult first = call(tenant, APPEND_BOOKING_EVENT, event("evt-1", "bk-1", "confirmed", "+5491155550101",
                "pro-perez", T0), AppendResult.class);
        assertThat(first).isEqualTo(new AppendResult("evt-1", false));
        AppendResult again = call(tenant, APPEND_BOOKING_EVENT, event("evt-1", "bk-1", "cancelled", "other", "other",
                T0.plusSeconds(60)), AppendResult.class);
        assertThat(again).isEqualTo(new AppendResult("evt-1", true));

        List<BookingEvent> events = list(tenant, new ListBookingEventsInput(null, null, null, null, null, null));
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).as("the first write wins").isEqualTo("confirmed");
            assertThat(e.customerId()).isEqualTo("+5491155550101");
            assertThat(e.occurredAt()).isEqualTo(T0);
            assertThat(e.before()).containsEntry("status", "HELD");
            assertThat(e.after()).containsEntry("status", "CONFIRMED").containsEntry("tags", List.of("a", "b"));
            assertThat(e.recordedAt()).isNotNull();
        });
    }

    @Test
    void concurrentRetriesOfOneEventRecordItOnce() throws Exception {
        String tenant = newTenant();
        List<Callable<AppendResult>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(() -> call(tenant, APPEND_BOOKING_EVENT, event("evt-race", "bk", "held", "c", "p", T0),
                    AppendResult.class));
        }
        List<AppendResult> results = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<AppendResult> future : executor.invokeAll(calls)) {
                results.add(future.get());
            }
        }
        assertThat(results).filteredOn(r -> !r.duplicate()).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from booking_events where tenant_id = ?", Integer.class, tenant))
                .isEqualTo(1);
    }

    @Test
    void theTableIsAppendOnlyEvenForItsOwner() {
        String tenant = newTenant();
        call(tenant, APPEND_BOOKING_EVENT, event("evt-ro", "bk-ro", "confirmed", "c", "p", T0), AppendResult.class);
        assertThatThrownBy(() -> jdbc.update("update booking_events set type = 'cancelled' where tenant_id = ?", tenant))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from booking_events where tenant_id = ?", tenant))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("truncate booking_events")).rootCause()
                .hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("select type from booking_events where tenant_id = ? and event_id = 'evt-ro'",
                String.class, tenant)).isEqualTo("confirmed");
    }

    @Test
    void queriesByCustomerProfessionalBookingAndRangeNewestFirst() {
        String tenant = newTenant();
        call(tenant, APPEND_BOOKING_EVENT, event("e1", "bk-1", "held", "cust-a", "pro-1", T0), AppendResult.class);
        call(tenant, APPEND_BOOKING_EVENT, event("e2", "bk-1", "confirmed", "cust-a", "pro-1", T0.plusSeconds(60)),
                AppendResult.class);
        call(tenant, APPEND_BOOKING_EVENT, event("e3", "bk-2", "held", "cust-b", "pro-2", T0.plusSeconds(120)),
                AppendResult.class);
        call(tenant, APPEND_BOOKING_EVENT, new AppendBookingEventInput("e4", null, "link_accessed", "customer:cust-a",
                "cust-a", null, T0.plusSeconds(180), null, Map.of("path", "/b/XYZ")), AppendResult.class);

        assertThat(list(tenant, new ListBookingEventsInput(null, "cust-a", null, null, null, null)))
                .extracting(BookingEvent::eventId).containsExactly("e4", "e2", "e1");
        assertThat(list(tenant, new ListBookingEventsInput(null, null, "pro-2", null, null, null)))
                .extracting(BookingEvent::eventId).containsExactly("e3");
        assertThat(list(tenant, new ListBookingEventsInput("bk-1", null, null, null, null, null)))
                .extracting(BookingEvent::eventId).containsExactly("e2", "e1");
        assertThat(list(tenant, new ListBookingEventsInput(null, null, null, T0.plusSeconds(60), T0.plusSeconds(180), null)))
                .as("from inclusive, to exclusive").extracting(BookingEvent::eventId).containsExactly("e3", "e2");
        assertThat(list(tenant, new ListBookingEventsInput(null, "cust-a", "pro-1", T0.plusSeconds(1), null, null)))
                .extracting(BookingEvent::eventId).containsExactly("e2");
        assertThat(list(tenant, new ListBookingEventsInput(null, null, null, null, null, 2)))
                .extracting(BookingEvent::eventId).containsExactly("e4", "e3");
        BookingEvent access = list(tenant, new ListBookingEventsInput(null, null, null, null, null, 1)).getFirst();
        assertThat(access.bookingId()).isNull();
        assertThat(access.before()).isNull();
        assertThat(access.after()).containsEntry("path", "/b/XYZ");
    }

    @Test
    void tenantsNeverSeeOrCollideWithEachOthersEvents() {
        String a = newTenant();
        String b = newTenant();
        call(a, APPEND_BOOKING_EVENT, event("shared-id", "bk-a", "confirmed", "cust", "pro", T0), AppendResult.class);
        assertThat(list(b, new ListBookingEventsInput(null, null, null, null, null, null))).isEmpty();
        assertThat(list(b, new ListBookingEventsInput("bk-a", "cust", "pro", null, null, null))).isEmpty();
        assertThat(call(b, APPEND_BOOKING_EVENT, event("shared-id", "bk-b", "cancelled", "cust", "pro", T0),
                AppendResult.class).duplicate()).as("event ids are per tenant").isFalse();
        assertThat(list(a, new ListBookingEventsInput(null, null, null, null, null, null)))
                .singleElement().satisfies(e -> assertThat(e.bookingId()).isEqualTo("bk-a"));
        assertThat(list(b, new ListBookingEventsInput(null, null, null, null, null, null)))
                .singleElement().satisfies(e -> assertThat(e.bookingId()).isEqualTo("bk-b"));
        callFails(null, LIST_BOOKING_EVENTS, new ListBookingEventsInput(null, null, null, null, null, null),
                "invalid_request");
    }

    /** An outbox delivers in bulk: one call, each event once, results in order; one invalid event refuses them all. */
    @Test
    void severalEventsAppendInOneCallEachOnceOrNoneWhenOneIsInvalid() {
        String tenant = newTenant();
        call(tenant, APPEND_BOOKING_EVENT, event("b-1", "bk-1", "held", "cust", "pro", T0), AppendResult.class);
        AppendResults results = call(tenant, APPEND_BOOKING_EVENTS, new AppendBookingEventsInput(List.of(
                event("b-1", "bk-1", "held", "cust", "pro", T0),
                event("b-2", "bk-1", "confirmed", "cust", "pro", T0.plusSeconds(60)),
                event("b-3", "bk-1", "cancelled", "cust", "pro", T0.plusSeconds(120)))), AppendResults.class);
        assertThat(results.results()).containsExactly(new AppendResult("b-1", true), new AppendResult("b-2", false),
                new AppendResult("b-3", false));
        assertThat(list(tenant, new ListBookingEventsInput("bk-1", null, null, null, null, null)))
                .extracting(BookingEvent::type).containsExactly("cancelled", "confirmed", "held");

        callFails(tenant, APPEND_BOOKING_EVENTS, new AppendBookingEventsInput(List.of(
                event("b-4", "bk-2", "held", "cust", "pro", T0),
                new AppendBookingEventInput("b-5", "bk-2", "Confirmed!", "system", null, null, T0, null, null))),
                "invalid_request");
        callFails(tenant, APPEND_BOOKING_EVENTS, new AppendBookingEventsInput(List.of()), "invalid_request");
        assertThat(list(tenant, new ListBookingEventsInput("bk-2", null, null, null, null, null)))
                .as("nothing of a refused batch is recorded").isEmpty();
    }

    @Test
    void invalidArgumentsAreToolErrors() {
        String tenant = newTenant();
        callFails(tenant, APPEND_BOOKING_EVENT, new AppendBookingEventInput("e", null, "Confirmed!", "system", null, null,
                T0, null, null), "invalid_request");
        callFails(tenant, APPEND_BOOKING_EVENT, new AppendBookingEventInput("  ", null, "held", "system", null, null,
                T0, null, null), "invalid_request");
        callFails(tenant, APPEND_BOOKING_EVENT, new AppendBookingEventInput("e", null, "held", " ", null, null,
                T0, null, null), "invalid_request");
        callFails(tenant, LIST_BOOKING_EVENTS, new ListBookingEventsInput(null, null, null, T0, T0, null), "invalid_request");
        callFails(tenant, LIST_BOOKING_EVENTS, new ListBookingEventsInput(null, null, null, null, null, 0), "invalid_request");
        callFails(tenant, LIST_BOOKING_EVENTS, new ListBookingEventsInput(null, null, null, null, null, 1001),
                "invalid_request");
        assertThatThrownBy(() -> client().callForMap(tenant, APPEND_BOOKING_EVENT,
                Map.of("event_id", "e", "type", "held", "actor", "system"), false))
                .as("occurred_at is required by the schema").isInstanceOf(RuntimeException.class);
        assertThat(list(tenant, new ListBookingEventsInput(null, null, null, null, null, null))).isEmpty();
    }

    /** Erasure is the one change the log allows: the customer's id, name and notes go; the rest stays. */
    @Test
    void erasingACustomerAnonymisesTheirEventsAndNothingElseMayChange() {
        String tenant = newTenant();
        String patient = "+5491100000099";
        call(tenant, APPEND_BOOKING_EVENT, new AppendBookingEventInput("e1", "b1", "held", "customer:" + patient,
                patient, "ana", T0, null, Map.of("customer_id", patient, "customer_name", "Rosa Erasable",
                        "notes", "alergia", "status", "HELD")), AppendResult.class);
        call(tenant, APPEND_BOOKING_EVENT, new AppendBookingEventInput("e2", "b1", "confirmed", "staff:ana@clinic.test",
                patient, "ana", T0.plusSeconds(60), Map.of("customer_id", patient, "status", "HELD"),
                Map.of("customer_id", patient, "customer_name", "Rosa Erasable", "status", "CONFIRMED")),
                AppendResult.class);
        call(tenant, APPEND_BOOKING_EVENT, event("e3", "b2", "held", "+5491100000098", "ana", T0), AppendResult.class);

        assertThat(call(tenant, ERASE_CUSTOMER, new EraseCustomerInput(patient, "erased:x"), ErasedCustomer.class)
                .events()).isEqualTo(2);
        List<BookingEvent> erased = list(tenant, new ListBookingEventsInput("b1", null, null, null, null, null));
        assertThat(erased).hasSize(2).allSatisfy(e -> {
            assertThat(e.customerId()).isEqualTo("erased:x");
            assertThat(e.toString()).doesNotContain(patient).doesNotContain("Rosa").doesNotContain("alergia");
        });
        assertThat(erased).extracting(BookingEvent::type).containsExactly("confirmed", "held");
        assertThat(erased).extracting(BookingEvent::actor).containsExactly("staff:ana@clinic.test", "customer:erased:x");
        assertThat(erased.getFirst().after()).containsEntry("status", "CONFIRMED");
        assertThat(list(tenant, new ListBookingEventsInput(null, "+5491100000098", null, null, null, null))).hasSize(1);
        assertThat(call(tenant, ERASE_CUSTOMER, new EraseCustomerInput(patient, "erased:y"), ErasedCustomer.class)
                .events()).isZero();

        // outside an erasure the log stays append-only, and even inside one only the customer's data may change
        assertThatThrownBy(() -> jdbc.update("update booking_events set customer_id = 'x' where tenant_id = ?", tenant))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute((java.sql.Connection c) -> {
            c.setAutoCommit(false);
            try (var st = c.createStatement()) {
                st.execute("select set_config('booking_log.erasure', 'on', true)");
                st.executeUpdate("update booking_events set type = 'cancelled' where tenant_id = '" + tenant + "'");
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
            return null;
        })).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from booking_events where tenant_id = ?", tenant))
                .hasMessageContaining("append-only");
    }

    // ---- link_stats ----

    static AppendBookingEventInput access(String id, String code, String customer, Instant at) {
        return new AppendBookingEventInput(id, null, BookingLogTools.LINK_ACCESSED, "customer:" + customer, customer, null,
                at, null, Map.of("code", code, "action", "book"));
    }

    static AppendBookingEventInput confirmed(String id, String customer, Instant at) {
        return new AppendBookingEventInput(id, "bk-" + id, BookingLogTools.CONFIRMED, "customer:" + customer, customer,
                "pro-1", at, Map.of("status", "HELD"), Map.of("status", "CONFIRMED"));
    }

    BookingLogTools.LinkStats linkStats(String tenant, Instant from, Instant to, Integer days) {
        return call(tenant, BookingLogTools.LINK_STATS, new BookingLogTools.LinkStatsInput(from, to, days),
                BookingLogTools.LinkStats.class);
    }

    @Test
    void linkStatsCountAccessesCustomersAndThoseWhoBookedWithinTheWindowPerCode() {
        String tenant = newTenant();
        // ana opens SPRING twice and books two days later; bob opens it and books 10 days later (outside 7 days);
        // carla opens MENU and had booked before she opened it (not led by the link); dan opens MENU and books at once
        for (AppendBookingEventInput event : List.of(
                access("a1", "SPRING", "ana", T0), access("a2", "SPRING", "ana", T0.plusSeconds(60)),
                confirmed("c-ana", "ana", T0.plus(Duration.ofDays(2))),
                access("b1", "SPRING", "bob", T0), confirmed("c-bob", "bob", T0.plus(Duration.ofDays(10))),
                confirmed("c-carla", "carla", T0.minusSeconds(60)), access("k1", "MENU", "carla", T0),
                access("d1", "MENU", "dan", T0.plusSeconds(5)), confirmed("c-dan", "dan", T0.plusSeconds(300)),
                access("old", "SPRING", "eve", T0.minus(Duration.ofDays(40))))) {
            call(tenant, APPEND_BOOKING_EVENT, event, AppendResult.class);
        }
        String other = newTenant();
        call(other, APPEND_BOOKING_EVENT, access("x1", "SPRING", "zoe", T0), AppendResult.class);
        call(other, APPEND_BOOKING_EVENT, confirmed("x2", "zoe", T0.plusSeconds(1)), AppendResult.class);

        Instant from = T0.minus(Duration.ofDays(30));
        Instant to = T0.plus(Duration.ofDays(1));
        assertThat(linkStats(tenant, from, to, null)).isEqualTo(new BookingLogTools.LinkStats(7, List.of(
                new BookingLogTools.LinkStat("SPRING", 3, 2, 1), new BookingLogTools.LinkStat("MENU", 2, 2, 1))));
        assertThat(linkStats(tenant, from, to, 30).links()).first()
                .isEqualTo(new BookingLogTools.LinkStat("SPRING", 3, 2, 2));
        assertThat(linkStats(other, from, to, null).links())
                .containsExactly(new BookingLogTools.LinkStat("SPRING", 1, 1, 1));
        assertThat(linkStats(newTenant(), from, to, null).links()).isEmpty();

        for (BookingLogTools.LinkStatsInput bad : java.util.Arrays.asList(
                new BookingLogTools.LinkStatsInput(to, from, null), new BookingLogTools.LinkStatsInput(from, to, 0),
                new BookingLogTools.LinkStatsInput(from, to, 31),
                new BookingLogTools.LinkStatsInput(T0.minus(Duration.ofDays(400)), T0, null))) {
            callFails(tenant, BookingLogTools.LINK_STATS, bad, "invalid_request");
        }
    }
}
