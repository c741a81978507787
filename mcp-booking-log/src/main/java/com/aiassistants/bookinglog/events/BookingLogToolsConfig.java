package com.aiassistants.bookinglog.events;

import static com.aiassistants.common.scheduling.BookingLogTools.APPEND_BOOKING_EVENT;
import static com.aiassistants.common.scheduling.BookingLogTools.LIST_BOOKING_EVENTS;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.aiassistants.common.mcp.ToolParam;
import com.aiassistants.common.mcp.server.McpTool;
import com.aiassistants.common.scheduling.BookingLogTools.AppendBookingEventInput;
import com.aiassistants.common.scheduling.BookingLogTools.AppendResult;
import com.aiassistants.common.scheduling.BookingLogTools.BookingEventList;
import com.aiassistants.common.scheduling.BookingLogTools.ListBookingEventsInput;

/** The two MCP tools of the booking log. */
@Configuration(proxyBeanMethods = false)
class BookingLogToolsConfig {

    @Bean
    McpTool<AppendBookingEventInput, AppendResult> appendBookingEventTool(BookingLog bookingLog) {
        return McpTool.command(APPEND_BOOKING_EVENT, """
                Appends one event to the tenant's append-only booking audit log: a booking state change (held, \
                confirmed, cancelled, rescheduled, completed, no_show, expired) or a link access \
                (link_accessed), with who did it, when, and the state before and after. Idempotent on \
                event_id: sending the same event again records nothing and answers duplicate=true, so \
                writers may retry freely. Events can never be changed or deleted.""",
                AppendBookingEventInput.class, AppendResult.class,
                (context, in) -> bookingLog.append(context.requireTenant(), in));
    }

    @Bean
    @SuppressWarnings("unchecked")
    McpTool<ListBookingEventsInput, BookingEventList> listBookingEventsTool(BookingLog bookingLog) {
        // published with BookingEventListSchema (nullable fields optional); the handler returns the contract record
        Class<BookingEventList> schema = (Class<BookingEventList>) (Class<?>) BookingEventListSchema.class;
        return McpTool.query(LIST_BOOKING_EVENTS, """
                Lists booking audit events, newest first, filtered by booking_id, customer_id, professional_id \
                and/or the time they happened ([from, to), ISO-8601 instants). Returns at most limit events \
                (default 100, max 1000). Use it to answer 'what happened to this booking' or to review a \
                customer's or professional's history.""",
                ListBookingEventsInput.class, schema,
                (context, in) -> new BookingEventList(bookingLog.list(context.requireTenant(), in)));
    }

    /**
     * The contract's {@code BookingEvent} shape with its nullable fields marked optional: common's
     * schema generator marks every un-annotated component required while tool JSON omits nulls, and
     * the MCP SDK validates structured output on the server. Remove once common derives optionality.
     */
    record BookingEventSchema(@ToolParam("Unique id given by the writer") String eventId,
            @ToolParam(value = "Booking id", required = false) String bookingId,
            @ToolParam("Event type, e.g. confirmed") String type, @ToolParam("Who did it") String actor,
            @ToolParam(value = "Customer id", required = false) String customerId,
            @ToolParam(value = "Professional id", required = false) String professionalId,
            @ToolParam("When it happened") Instant occurredAt,
            @ToolParam(value = "State before the change", required = false) Map<String, Object> before,
            @ToolParam(value = "State after the change", required = false) Map<String, Object> after,
            @ToolParam("When the log stored it") Instant recordedAt) {
    }

    record BookingEventListSchema(@ToolParam("Events, newest first") List<BookingEventSchema> events) {
    }
}
