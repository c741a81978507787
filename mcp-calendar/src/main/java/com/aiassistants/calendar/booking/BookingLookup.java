package com.aiassistants.calendar.booking;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.aiassistants.common.mcp.server.ToolException;
import com.aiassistants.common.scheduling.CalendarTools;

/** Finds a booking of a tenant by id or short code, optionally only a given customer's. */
@Component
class BookingLookup {

    private final BookingRepository repository;

    BookingLookup(BookingRepository repository) {
        this.repository = repository;
    }

    StoredBooking load(String tenantId, String bookingRef, String customerId) {
        String ref = BookingRules.required(bookingRef, "booking_id");
        Optional<StoredBooking> found;
        UUID id = BookingRules.parseUuid(ref);
        if (id != null) {
            found = repository.findById(tenantId, id);
        } else {
            String code = ShortCodes.normalize(ref);
            found = code == null ? Optional.empty() : repository.findByShortCode(tenantId, code);
        }
        return found.filter(b -> customerId == null || customerId.isBlank() || b.customerId().equals(customerId))
                .orElseThrow(() -> new ToolException(CalendarTools.NOT_FOUND, "No booking " + ref
                        + (customerId == null || customerId.isBlank() ? "" : " for this customer")));
    }
}
