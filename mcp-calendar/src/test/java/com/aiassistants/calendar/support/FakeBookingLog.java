package com.aiassistants.calendar.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.aiassistants.common.mcp.server.McpTool;
import com.aiassistants.common.scheduling.BookingLogTools;
import com.aiassistants.common.scheduling.BookingLogTools.AppendBookingEventInput;
import com.aiassistants.common.scheduling.BookingLogTools.AppendBookingEventsInput;
import com.aiassistants.common.scheduling.BookingLogTools.AppendResult;
import com.aiassistants.common.scheduling.BookingLogTools.AppendResults;
import com.aiassistants.common.scheduling.BookingLogTools.BookingEvent;
import com.aiassistants.common.scheduling.BookingLogTools.BookingEventList;
import com.aiassistants.common.scheduling.BookingLogTools.ListBookingEventsInput;

/** An in-memory mcp-booking-log (append is idempotent by event id), served through the real contract. */
public final class FakeBookingLog {

    public record Received(String tenantId, BookingEvent event) {
    }

    private final Map<String, Received> byId = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> appendCalls = new CopyOnWriteArrayList<>();

    public List<Received> events() {
        return List.copyOf(received);
    }

    public List<Received> eventsFor(String bookingId) {
        return received.stream().filter(r -> bookingId.equals(r.event().bookingId())).toList();
    }

    public int appendCalls() {
        return appendCalls.size();
    }

    private AppendResult append(String tenant, AppendBookingEventInput in) {
        appendCalls.add(in.eventId());
        Received r = new Received(tenant, new BookingEvent(in.eventId(), in.bookingId(), in.type(), in.actor(),
                in.customerId(), in.professionalId(), in.occurredAt(), in.before(), in.after(), Instant.now()));
        boolean duplicate = byId.putIfAbsent(in.eventId(), r) != null;
        if (!duplicate) {
            received.add(r);
        }
        return new AppendResult(in.eventId(), duplicate);
    }

    public List<McpTool<?, ?>> tools() {
        List<McpTool<?, ?>> tools = new ArrayList<>();
        tools.add(McpTool.command(BookingLogTools.APPEND_BOOKING_EVENT, "Append", AppendBookingEventInput.class,
                AppendResult.class, (ctx, in) -> append(ctx.requireTenant(), in)));
        tools.add(McpTool.command(BookingLogTools.APPEND_BOOKING_EVENTS, "Append several", AppendBookingEventsInput.class,
                AppendResults.class, (ctx, in) -> new AppendResults(in.events().stream()
                        .map(event -> append(ctx.requireTenant(), event)).toList())));
        tools.add(McpTool.query(BookingLogTools.LIST_BOOKING_EVENTS, "List", ListBookingEventsInput.class,
                BookingEventList.class, (ctx, in) -> {
                    String tenant = ctx.requireTenant();
                    return new BookingEventList(received.stream().filter(r -> r.tenantId().equals(tenant))
                            .filter(r -> in.bookingId() == null || in.bookingId().equals(r.event().bookingId()))
                            .map(Received::event).toList());
                }));
        return tools;
    }
}
