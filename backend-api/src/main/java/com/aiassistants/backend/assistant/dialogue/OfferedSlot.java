package com.aiassistants.backend.assistant.dialogue;

import java.time.Instant;
import java.time.LocalDateTime;

import com.aiassistants.common.scheduling.CalendarTools.Slot;

/** A free slot exactly as find_available_slots (or a slot_taken alternative) returned it. */
public record OfferedSlot(String professionalId, String professionalName, String serviceId, Instant start,
        LocalDateTime localStart) {

    public static OfferedSlot of(Slot slot) {
        return new OfferedSlot(slot.professionalId(), slot.professionalName(), slot.serviceId(), slot.start(),
                slot.localStart());
    }
}
