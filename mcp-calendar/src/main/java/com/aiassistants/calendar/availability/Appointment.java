package com.aiassistants.calendar.availability;

import java.time.Instant;
import java.time.ZoneId;

import com.aiassistants.common.scheduling.ProfessionalsTools.Professional;
import com.aiassistants.common.scheduling.ProfessionalsTools.Service;

/** A validated appointment: a real slot of the professional's grid, inside working hours, not in time off. */
public record Appointment(Service service, Professional professional, ZoneId zone, Instant start, Instant end,
        Instant blockedUntil) {
}
