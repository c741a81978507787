package com.aiassistants.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.aiassistants.calendar.support.CalendarIntegrationTest;
import com.aiassistants.common.mcp.ToolSchemas;
import com.aiassistants.common.mcp.client.McpToolError;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.GoogleCalendarTools;
import com.aiassistants.common.scheduling.CalendarTools.Booking;
import com.aiassistants.common.scheduling.CalendarTools.BookingIdInput;
import com.aiassistants.common.scheduling.CalendarTools.BookingList;
import com.aiassistants.common.scheduling.CalendarTools.BookingStatus;
import com.aiassistants.common.scheduling.CalendarTools.CancelBookingInput;
import com.aiassistants.common.scheduling.CalendarTools.ConfirmBookingInput;
import com.aiassistants.common.scheduling.CalendarTools.FindAvailableSlotsInput;
import com.aiassistants.common.scheduling.CalendarTools.HoldSlotInput;
import com.aiassistants.common.scheduling.CalendarTools.ListBookingsInput;
import com.aiassistants.common.scheduling.CalendarTools.ListCustomerBookingsInput;
import com.aiassistants.common.scheduling.CalendarTools.SlotList;

import io.modelcontextprotocol.spec.McpSchema;

/** The SDK client lists and calls the tools over Streamable HTTP. */
class McpToolsTest extends CalendarIntegrationTest {

    @Test
    @SuppressWarnings("unchecked")
    void listsEveryCalendarToolWithSchemas() {
        List<McpSchema.Tool> tools = calendar.listTools();
        assertThat(tools).extracting(McpSchema.Tool::name).containsExactlyInAnyOrder(
                CalendarTools.FIND_AVAILABLE_SLOTS, CalendarTools.HOLD_SLOT, CalendarTools.CONFIRM_BOOKING,
                CalendarTools.CANCEL_BOOKING, CalendarTools.RESCHEDULE_BOOKING, CalendarTools.GET_BOOKING,
                CalendarTools.LIST_CUSTOMER_BOOKINGS, CalendarTools.LIST_BOOKINGS, CalendarTools.BOOKING_STATS,
                CalendarTools.RECORD_ATTENDANCE, CalendarTools.BOOK_CONFIRMED, CalendarTools.MARK_BOOKING_OUTCOME,
                CalendarTools.ERASE_CUSTOMER, GoogleCalendarTools.CONNECT_URL, GoogleCalendarTools.COMPLETE,
                GoogleCalendarTools.STATUS, GoogleCalendarTools.DISCONNECT);
        McpSchema.Tool hold = tools.stream().filter(t -> t.name().equals(CalendarTools.HOLD_SLOT)).findFirst().orElseThrow();
        assertThat((Map<String, Object>) hold.inputSchema().get("properties"))
                .containsKeys("service_id", "professional_id", "start", "customer_id", "idempotency_key");
        assertThat((List<String>) hold.inputSchema().get("required")).contains("idempotency_key")
                .doesNotContain("notes");
        assertThat(hold.outputSchema()).containsKey("properties");
    }

    /** Every tool publishes the contract record itself as its output schema. */
    @Test
    void outputSchemasAreTheContractRecords() {
        Map<String, Class<?>> contract = Map.ofEntries(Map.entry(CalendarTools.FIND_AVAILABLE_SLOTS, SlotList.class),
                Map.entry(CalendarTools.HOLD_SLOT, Booking.class), Map.entry(CalendarTools.CONFIRM_BOOKING, Booking.class),
                Map.entry(CalendarTools.CANCEL_BOOKING, Booking.class),
                Map.entry(CalendarTools.RESCHEDULE_BOOKING, Booking.class), Map.entry(CalendarTools.GET_BOOKING, Booking.class),
                Map.entry(CalendarTools.LIST_CUSTOMER_BOOKINGS, BookingList.class),
                Map.entry(CalendarTools.LIST_BOOKINGS, BookingList.class),
                Map.entry(CalendarTools.BOOKING_STATS, CalendarTools.BookingStats.class),
                Map.entry(CalendarTools.BOOK_CONFIRMED, Booking.class),
                Map.entry(CalendarTools.MARK_BOOKING_OUTCOME, Booking.class),
                Map.entry(CalendarTools.RECORD_ATTENDANCE, Booking.class),
                Map.entry(CalendarTools.ERASE_CUSTOMER, CalendarTools.ErasedCustomer.class),
                Map.entry(GoogleCalendarTools.CONNECT_URL, GoogleCalendarTools.ConnectUrl.class),
                Map.entry(GoogleCalendarTools.COMPLETE, GoogleCalendarTools.Connection.class),
                Map.entry(GoogleCalendarTools.STATUS, GoogleCalendarTools.Connections.class),
                Map.entry(GoogleCalendarTools.DISCONNECT, GoogleCalendarTools.Disconnected.class));
        for (McpSchema.Tool tool : calendar.listTools()) {
            assertThat(tool.outputSchema()).as(tool.name()).isEqualTo(ToolSchemas.of(contract.get(tool.name())));
        }
    }

    /**
     * Results whose optional fields are null (left out of the JSON) pass the SDK's server-side
     * output validation: a HELD booking without notes, a CONFIRMED one without hold_expires_at,
     * inside lists too, and slots with offset-less local times.
     */
    @Test
    @SuppressWarnings("unchecked")
    void resultsWithAbsentOptionalFieldsPassOutputValidation() {
        String tenant = standardTenant();
        Map<String, Object> slots = calendar.callForMap(tenant, CalendarTools.FIND_AVAILABLE_SLOTS,
                new FindAvailableSlotsInput("cut", "ana", LocalDate.of(2026, 3, 3), null, null, null, 1), false);
        Map<String, Object> slot = ((List<Map<String, Object>>) slots.get("slots")).getFirst();
        assertThat(slot.get("local_start")).asString().startsWith("2026-03-03T09:00");

        HoldSlotInput noNotes = new HoldSlotInput("cut", "ana", local("2026-03-03T09:00"), "+5491100000002", null, null,
                null, UUID.randomUUID().toString());
        Map<String, Object> held = calendar.callForMap(tenant, CalendarTools.HOLD_SLOT, noNotes, false);
        assertThat(held).containsEntry("status", "HELD").containsKey("hold_expires_at")
                .doesNotContainKeys("notes", "customer_name", "channel");

        Map<String, Object> confirmed = calendar.callForMap(tenant, CalendarTools.CONFIRM_BOOKING,
                new ConfirmBookingInput((String) held.get("id"), null), false);
        assertThat(confirmed).containsEntry("status", "CONFIRMED").doesNotContainKeys("hold_expires_at", "notes");
        assertThat(calendar.callForMap(tenant, CalendarTools.GET_BOOKING, new BookingIdInput((String) held.get("id")),
                false)).doesNotContainKey("hold_expires_at");

        Map<String, Object> mine = calendar.callForMap(tenant, CalendarTools.LIST_CUSTOMER_BOOKINGS,
                new ListCustomerBookingsInput("+5491100000002", null), false);
        assertThat((List<Map<String, Object>>) mine.get("bookings")).singleElement()
                .satisfies(b -> assertThat(b).doesNotContainKeys("hold_expires_at", "notes"));
        Instant from = local("2026-03-03T00:00");
        Map<String, Object> range = calendar.callForMap(tenant, CalendarTools.LIST_BOOKINGS,
                new ListBookingsInput(from, from.plus(Duration.ofDays(1)), null, null), false);
        assertThat((List<Map<String, Object>>) range.get("bookings")).hasSize(1);
    }

    /** Dashboard figures per local day: scheduled by start day, made by creation day; holds and cancellations apart. */
    @Test
    void bookingStatsCountEachLocalDay() {
        String tenant = standardTenant();
        Booking kept = calendar.call(tenant, CalendarTools.CONFIRM_BOOKING, new ConfirmBookingInput(
                calendar.call(tenant, CalendarTools.HOLD_SLOT, new HoldSlotInput("cut", "ana", local("2026-03-03T09:00"),
                        "+5491100000011", null, null, null, UUID.randomUUID().toString()), Booking.class).id(), null),
                Booking.class);
        Booking dropped = calendar.call(tenant, CalendarTools.CONFIRM_BOOKING, new ConfirmBookingInput(
                calendar.call(tenant, CalendarTools.HOLD_SLOT, new HoldSlotInput("cut", "ana", local("2026-03-04T10:00"),
                        "+5491100000012", null, null, null, UUID.randomUUID().toString()), Booking.class).id(), null),
                Booking.class);
        calendar.call(tenant, CalendarTools.CANCEL_BOOKING, new CancelBookingInput(dropped.id(), "no puede", null),
                Booking.class);
        calendar.call(tenant, CalendarTools.HOLD_SLOT, new HoldSlotInput("cut", "ana", local("2026-03-03T11:00"),
                "+5491100000013", null, null, null, UUID.randomUUID().toString()), Booking.class);

        LocalDate madeOn = kept.createdAt().atZone(java.time.ZoneId.of(BA)).toLocalDate();
        LocalDate from = LocalDate.of(2026, 3, 3).isBefore(madeOn) ? LocalDate.of(2026, 3, 3) : madeOn;
        LocalDate to = LocalDate.of(2026, 3, 4).isAfter(madeOn) ? LocalDate.of(2026, 3, 4) : madeOn;
        CalendarTools.BookingStats stats = calendar.call(tenant, CalendarTools.BOOKING_STATS,
                new CalendarTools.BookingStatsInput(from, to, BA), CalendarTools.BookingStats.class);
        assertThat(stats.timeZone()).isEqualTo(BA);
        assertThat(stats.days()).hasSize((int) java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1);
        Map<LocalDate, CalendarTools.DayStats> byDay = new java.util.HashMap<>();
        stats.days().forEach(d -> byDay.put(d.date(), d));
        assertThat(byDay.get(LocalDate.of(2026, 3, 3)).scheduled()).isEqualTo(1); // the hold does not count
        assertThat(byDay.get(LocalDate.of(2026, 3, 4)).scheduled()).isZero();
        assertThat(byDay.get(LocalDate.of(2026, 3, 4)).cancelled()).isEqualTo(1);
        assertThat(byDay.get(madeOn).made()).isEqualTo(2); // confirmed ones, even if cancelled later
        assertThat(stats.days().stream().mapToInt(CalendarTools.DayStats::noShows).sum()).isZero();

        for (CalendarTools.BookingStatsInput bad : List.of(new CalendarTools.BookingStatsInput(from, from.plusDays(80), BA),
                new CalendarTools.BookingStatsInput(from, to, "Mars/Olympus"))) {
            assertThatThrownBy(() -> calendar.call(tenant, CalendarTools.BOOKING_STATS, bad, CalendarTools.BookingStats.class))
                    .isInstanceOfSatisfying(McpToolError.class, e -> assertThat(e.code()).isEqualTo("invalid_request"));
        }
        // another tenant sees nothing of these
        assertThat(calendar.call(standardTenant(), CalendarTools.BOOKING_STATS,
                new CalendarTools.BookingStatsInput(from, to, BA), CalendarTools.BookingStats.class).days())
                .allSatisfy(d -> assertThat(d.scheduled() + d.made() + d.cancelled()).isZero());
    }

    @Test
    void findHoldConfirmAndReadBackByShortCode() {
        String tenant = standardTenant();
        SlotList slots = calendar.call(tenant, CalendarTools.FIND_AVAILABLE_SLOTS,
                new FindAvailableSlotsInput("cut", "ana", LocalDate.of(2026, 3, 3), null, null, null, 3), SlotList.class);
        assertThat(slots.timeZone()).isEqualTo(BA);
        assertThat(slots.slots()).hasSize(3);
        assertThat(slots.slots().getFirst().localStart()).hasToString("2026-03-03T09:00");
        assertThat(slots.slots().getFirst().start()).isEqualTo(local("2026-03-03T09:00"));

        Booking held = calendar.call(tenant, CalendarTools.HOLD_SLOT,
                hold("cut", "ana", slots.slots().getFirst().start(), "+5491100000001"), Booking.class);
        assertThat(held.status()).isEqualTo(BookingStatus.HELD);
        assertThat(held.shortCode()).hasSize(6);
        assertThat(held.holdExpiresAt()).isAfter(NOW);
        assertThat(held.professionalName()).isEqualTo("Ana");
        assertThat(held.serviceName()).isEqualTo("Corte");

        Booking confirmed = calendar.call(tenant, CalendarTools.CONFIRM_BOOKING,
                new ConfirmBookingInput(held.shortCode().toLowerCase(), "+5491100000001"), Booking.class);
        assertThat(confirmed.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(confirmed.holdExpiresAt()).isNull();

        Booking read = calendar.call(tenant, CalendarTools.GET_BOOKING, new BookingIdInput(held.id()), Booking.class);
        assertThat(read.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(read.localStart()).hasToString("2026-03-03T09:00");
        assertThat(read.channel()).isEqualTo("whatsapp");
    }

    @Test
    void everyToolRequiresTheTenantHeader() {
        assertThatThrownBy(() -> calendar.call(null, CalendarTools.GET_BOOKING, new BookingIdInput("ABCDEF"),
                Booking.class)).isInstanceOfSatisfying(McpToolError.class,
                        e -> assertThat(e.getMessage()).contains("X-Tenant-Id"));
    }
}
