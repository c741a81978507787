package com.aiassistants.bookinglog.events;

import static com.aiassistants.common.scheduling.BookingLogTools.APPEND_BOOKING_EVENT;
import static com.aiassistants.common.scheduling.BookingLogTools.APPEND_BOOKING_EVENTS;
import static com.aiassistants.common.scheduling.BookingLogTools.ERASE_CUSTOMER;
import static com.aiassistants.common.scheduling.BookingLogTools.LINK_STATS;
import static com.aiassistants.common.scheduling.BookingLogTools.LIST_BOOKING_EVENTS;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.aiassistants.common.mcp.server.McpTool;
import com.aiassistants.common.scheduling.BookingLogTools.AppendBookingEventInput;
import com.aiassistants.common.scheduling.BookingLogTools.AppendBookingEventsInput;
import com.aiassistants.common.scheduling.BookingLogTools.AppendResults;
import com.aiassistants.common.scheduling.BookingLogTools.AppendResult;
import com.aiassistants.common.scheduling.BookingLogTools.BookingEventList;
import com.aiassistants.common.scheduling.BookingLogTools.EraseCustomerInput;
import com.aiassistants.common.scheduling.BookingLogTools.ErasedCustomer;
import com.aiassistants.common.scheduling.BookingLogTools.LinkStats;
import com.aiassistants.common.scheduling.BookingLogTools.LinkStatsInput;
import com.aiassistants.common.scheduling.BookingLogTools.ListBookingEventsInput;

/** The MCP tools of the booking log. */
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
    McpTool<AppendBookingEventsInput, AppendResults> appendBookingEventsTool(BookingLog bookingLog) {
        return McpTool.command(APPEND_BOOKING_EVENTS, """
                Appends several events (1 to 100, oldest first) to the tenant's booking audit log in one call, \
                each exactly as append_booking_event would: idempotent on event_id, one result per event in the \
                order sent (duplicate=true for an event recorded before). All or nothing: when one event is \
                invalid nothing is recorded and the error names it (events[i]). For writers that deliver \
                events in bulk, such as an outbox.""",
                AppendBookingEventsInput.class, AppendResults.class,
                (context, in) -> bookingLog.appendAll(context.requireTenant(), in.events()));
    }

    @Bean
    McpTool<ListBookingEventsInput, BookingEventList> listBookingEventsTool(BookingLog bookingLog) {
        return McpTool.query(LIST_BOOKING_EVENTS, """
                Lists booking audit events, newest first, filtered by booking_id, customer_id, professional_id \
                and/or the time they happened ([from, to), ISO-8601 instants). Returns at most limit events \
                (default 100, max 1000). Use it to answer 'what happened to this booking' or to review a \
                customer's or professional's history.""",
                ListBookingEventsInput.class, BookingEventList.class,
                (context, in) -> new BookingEventList(bookingLog.list(context.requireTenant(), in)));
    }

    @Bean
    McpTool<LinkStatsInput, LinkStats> linkStatsTool(BookingLog bookingLog) {
        return McpTool.query(LINK_STATS, """
                Which activation links (wa.me links with a code) led to bookings: for link_accessed events in \
                [from, to), per code the accesses, the distinct customers, and those customers with a booking \
                confirmed at or after one of their accesses and within within_days days (default 7, 1-30). Most \
                accessed codes first.""",
                LinkStatsInput.class, LinkStats.class,
                (context, in) -> bookingLog.linkStats(context.requireTenant(), in));
    }

    @Bean
    McpTool<EraseCustomerInput, ErasedCustomer> eraseCustomerTool(BookingLog bookingLog) {
        return McpTool.command(ERASE_CUSTOMER, """
                Erases a patient's personal data from the log (right to erasure), the one change the log \
                allows: every event of customer_id gets replacement_id as its customer (and as its actor when the \
                customer acted) and loses the customer's name and notes from its before/after states; type, time, \
                booking and professional stay for statistics. Answers how many events changed; erasing again \
                changes nothing.""",
                EraseCustomerInput.class, ErasedCustomer.class,
                (context, in) -> bookingLog.eraseCustomer(context.requireTenant(), in));
    }
}
