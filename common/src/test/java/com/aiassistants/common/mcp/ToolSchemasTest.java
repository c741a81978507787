package com.aiassistants.common.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.aiassistants.common.scheduling.BookingLogTools;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.ProfessionalsTools;

class ToolSchemasTest {

    @Test
    @SuppressWarnings("unchecked")
    void generatesSnakeCaseSchemasWithFormatsAndRequiredFields() {
        Map<String, Object> schema = ToolSchemas.of(CalendarTools.FindAvailableSlotsInput.class);
        Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
        assertThat(properties).containsKeys("service_id", "professional_id", "from_date", "to_date", "earliest");
        assertThat((Map<String, Object>) properties.get("from_date")).containsEntry("type", "string")
                .containsEntry("format", "date");
        assertThat((List<String>) schema.get("required")).containsExactlyInAnyOrder("service_id", "from_date");
        assertThat(schema).containsEntry("additionalProperties", false);
    }

    @Test
    @SuppressWarnings("unchecked")
    void mapsAndEnumsAndNestedRecordsAreDescribed() {
        Map<String, Object> append = ToolSchemas.of(BookingLogTools.AppendBookingEventInput.class);
        Map<String, Object> before = (Map<String, Object>) ((Map<String, Object>) append.get("properties")).get("before");
        assertThat(before.get("type")).isEqualTo("object");
        assertThat(before).doesNotContainEntry("additionalProperties", false);
        Map<String, Object> hours = ToolSchemas.of(ProfessionalsTools.SetWorkingHoursInput.class);
        assertThat(McpJson.toJson(hours)).contains("MONDAY").contains("day_of_week");
        Map<String, Object> ranges = (Map<String, Object>) ((Map<String, Object>) hours.get("properties")).get("ranges");
        assertThat((List<String>) ((Map<String, Object>) ranges.get("items")).get("required"))
                .containsExactlyInAnyOrder("day_of_week", "start", "end");
    }

    @Test
    @SuppressWarnings("unchecked")
    void outputsRequireOnlyPrimitivesAndLocalTimesHaveNoOffsetFormat() {
        Map<String, Object> booking = ToolSchemas.of(CalendarTools.Booking.class);
        assertThat(booking.get("required")).isNull();
        Map<String, Object> slot = ToolSchemas.of(CalendarTools.Slot.class);
        Map<String, Object> localStart = (Map<String, Object>) ((Map<String, Object>) slot.get("properties")).get("local_start");
        assertThat(localStart).doesNotContainKey("format").containsKey("pattern");
        Map<String, Object> range = ToolSchemas.of(ProfessionalsTools.WorkingRange.class);
        Map<String, Object> start = (Map<String, Object>) ((Map<String, Object>) range.get("properties")).get("start");
        assertThat(start).doesNotContainKey("format");
        assertThat("09:00:00").matches((String) start.get("pattern"));
        assertThat("2026-01-15T10:30:00").matches((String) localStart.get("pattern"));
    }

    @Test
    void recordsRoundTripInSnakeCase() {
        var input = new CalendarTools.BookingIdInput("abc");
        assertThat(McpJson.toMap(input)).containsEntry("booking_id", "abc");
        assertThat(McpJson.fromMap(Map.of("booking_id", "x"), CalendarTools.BookingIdInput.class).bookingId()).isEqualTo("x");
    }
}
