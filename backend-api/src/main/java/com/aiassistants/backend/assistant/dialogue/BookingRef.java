package com.aiassistants.backend.assistant.dialogue;

import java.time.Instant;
import java.time.LocalDateTime;

import com.aiassistants.common.scheduling.CalendarTools.Booking;

/** The parts of a booking the dialogue keeps between turns (all from a calendar tool answer). */
public record BookingRef(String id, String shortCode, String serviceId, String serviceName, String professionalId,
        String professionalName, Instant start, LocalDateTime localStart) {

    public static BookingRef of(Booking booking) {
        return new BookingRef(booking.id(), booking.shortCode(), booking.serviceId(), booking.serviceName(),
                booking.professionalId(), booking.professionalName(), booking.start(), booking.localStart());
    }

    /** Fills names the tool left out from what the dialogue already knows (also from tool answers). */
    public BookingRef withDefaults(String serviceName, String professionalName, LocalDateTime localStart) {
        return new BookingRef(id, shortCode, serviceId, this.serviceName != null ? this.serviceName : serviceName,
                professionalId, this.professionalName != null ? this.professionalName : professionalName, start,
                this.localStart != null ? this.localStart : localStart);
    }

    public String code() {
        return shortCode != null ? shortCode : id;
    }
}
