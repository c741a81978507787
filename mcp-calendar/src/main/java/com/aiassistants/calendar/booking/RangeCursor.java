package com.aiassistants.calendar.booking;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import com.aiassistants.common.mcp.server.ToolException;

/** Where a page of {@code list_bookings} ended: the last booking's start and id, as {@code <instant>_<uuid>}. */
record RangeCursor(Instant start, UUID id) {

    static RangeCursor of(StoredBooking last) {
        return new RangeCursor(last.start(), last.id());
    }

    static RangeCursor parse(String cursor) {
        if (cursor == null) {
            return null;
        }
        int split = cursor.lastIndexOf('_');
        try {
            return new RangeCursor(Instant.parse(cursor.substring(0, split)), UUID.fromString(cursor.substring(split + 1)));
        } catch (DateTimeParseException | IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw new ToolException("invalid_request", "cursor is not a next_cursor of list_bookings");
        }
    }

    @Override
    public String toString() {
        return start + "_" + id;
    }
}
