package com.aiassistants.calendar.booking;

import static com.aiassistants.calendar.booking.BookingRules.blankToNull;
import static com.aiassistants.calendar.booking.BookingRules.required;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;

import com.aiassistants.calendar.availability.AvailabilityService;
import com.aiassistants.common.mcp.server.ToolException;
import com.aiassistants.common.scheduling.CalendarTools.Booking;
import com.aiassistants.common.scheduling.CalendarTools.BookingList;
import com.aiassistants.common.scheduling.CalendarTools.ListBookingsInput;
import com.aiassistants.common.scheduling.CalendarTools.ListCustomerBookingsInput;

/** Reading bookings: one by id or short code, a customer's, and a range page by page. */
@Service
public class BookingQueries {

    static final int CUSTOMER_LIST_LIMIT = 200;
    static final int RANGE_LIST_LIMIT = 1000;

    private final BookingRepository repository;
    private final BookingLookup lookup;
    private final Clock clock;

    BookingQueries(BookingRepository repository, BookingLookup lookup, Clock clock) {
        this.repository = repository;
        this.lookup = lookup;
        this.clock = clock;
    }

    public Booking get(String tenantId, String bookingRef) {
        return lookup.load(tenantId, bookingRef, null).view(clock.instant());
    }

    public BookingList forCustomer(String tenantId, ListCustomerBookingsInput in) {
        String customerId = required(in.customerId(), "customer_id");
        Instant now = clock.instant();
        return new BookingList(repository.forCustomer(tenantId, customerId, Boolean.TRUE.equals(in.includePast()), now,
                CUSTOMER_LIST_LIMIT).stream().map(b -> b.view(now)).toList());
    }

    public BookingList inRange(String tenantId, ListBookingsInput in) {
        if (in.from() == null || in.to() == null || !in.to().isAfter(in.from())) {
            throw new ToolException("invalid_request", "from and to are required and to must be after from");
        }
        if (Duration.between(in.from(), in.to()).compareTo(Duration.ofDays(AvailabilityService.MAX_RANGE_DAYS + 1)) > 0) {
            throw new ToolException("invalid_request",
                    "the range may span at most " + (AvailabilityService.MAX_RANGE_DAYS + 1) + " days");
        }
        int pageSize = in.limit() == null ? RANGE_LIST_LIMIT : in.limit();
        if (pageSize < 1 || pageSize > RANGE_LIST_LIMIT) {
            throw new ToolException("invalid_request", "limit must be between 1 and " + RANGE_LIST_LIMIT);
        }
        RangeCursor after = RangeCursor.parse(blankToNull(in.cursor()));
        Instant now = clock.instant();
        List<StoredBooking> rows = repository.inRange(tenantId, in.from(), in.to(), blankToNull(in.professionalId()),
                blankToNull(in.serviceId()), in.statuses(), after, now, pageSize + 1);
        String next = null;
        if (rows.size() > pageSize) {
            rows = rows.subList(0, pageSize);
            next = RangeCursor.of(rows.getLast()).toString();
        }
        return new BookingList(rows.stream().map(b -> b.view(now)).toList(), next);
    }
}
