package com.aiassistants.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.aiassistants.calendar.support.CalendarIntegrationTest;
import com.aiassistants.common.mcp.client.McpToolError;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.CalendarTools.Booking;
import com.aiassistants.common.scheduling.CalendarTools.BookingIdInput;
import com.aiassistants.common.scheduling.CalendarTools.BookingStatus;
import com.aiassistants.common.scheduling.CalendarTools.ConfirmBookingInput;
import com.aiassistants.common.scheduling.CalendarTools.FindAvailableSlotsInput;
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
                CalendarTools.LIST_CUSTOMER_BOOKINGS, CalendarTools.LIST_BOOKINGS);
        McpSchema.Tool hold = tools.stream().filter(t -> t.name().equals(CalendarTools.HOLD_SLOT)).findFirst().orElseThrow();
        assertThat((Map<String, Object>) hold.inputSchema().get("properties"))
                .containsKeys("service_id", "professional_id", "start", "customer_id", "idempotency_key");
        assertThat((List<String>) hold.inputSchema().get("required")).contains("idempotency_key")
                .doesNotContain("notes");
        assertThat(hold.outputSchema()).containsKey("properties");
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
