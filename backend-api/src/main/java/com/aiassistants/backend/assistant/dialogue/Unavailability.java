package com.aiassistants.backend.assistant.dialogue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.aiassistants.backend.assistant.replies.Formats;
import com.aiassistants.common.scheduling.ProfessionalsTools.DateOverride;
import com.aiassistants.common.scheduling.ProfessionalsTools.Professional;
import com.aiassistants.common.scheduling.ProfessionalsTools.TimeOff;
import com.aiassistants.common.scheduling.ProfessionalsTools.WorkingHours;

/**
 * Why a day has no free slot, from the professionals' working hours, date overrides and time off:
 * closed that weekday, the professional is off that day (time off, or a date override closing it), or
 * simply fully booked.
 */
final class Unavailability {

    private Unavailability() {
    }

    static String why(Turn t, LocalDate day) {
        List<Professional> who = professionals(t);
        String dayText = Formats.day(day, t.lang);
        boolean anyWorks = false;
        boolean anyFree = false;
        for (Professional professional : who) {
            WorkingHours hours = t.gateway.workingHours(t.tenantId(), professional.id());
            var override = override(hours, day);
            if (!worksWeekday(hours, day) && (override == null || override.ranges().isEmpty())) {
                continue;
            }
            anyWorks = true;
            boolean closedByOverride = override != null && override.ranges().isEmpty();
            if (!closedByOverride && !off(hours, day, t.in.tenant().zone())) {
                anyFree = true;
            }
        }
        String name = who.size() == 1 ? who.getFirst().name() : null;
        if (!anyWorks && (name == null || nobodyWorks(t, day))) {
            return t.say.slots().closedThatDay(dayText);
        }
        if (!anyWorks) {
            return name == null ? t.say.slots().closedThatDay(dayText) : t.say.slots().professionalNotWorking(dayText, name);
        }
        if (!anyFree) {
            return name == null ? t.say.slots().closedThatDay(dayText) : t.say.slots().professionalOff(dayText, name);
        }
        return t.say.slots().fullyBooked(dayText);
    }

    private static boolean nobodyWorks(Turn t, LocalDate day) {
        for (Professional professional : t.catalog().professionals) {
            WorkingHours hours = t.gateway.workingHours(t.tenantId(), professional.id());
            var override = override(hours, day);
            if (override != null ? !override.ranges().isEmpty() : worksWeekday(hours, day)) {
                return false;
            }
        }
        return true;
    }

    private static List<Professional> professionals(Turn t) {
        DialogueState s = t.state;
        String id = s.flow() == Flow.RESCHEDULE && s.target() != null ? s.target().professionalId()
                : s.anyProfessional() ? null : s.professionalId();
        if (id != null) {
            return t.catalog().professional(id).map(List::of).orElse(List.of());
        }
        String serviceId = s.flow() == Flow.RESCHEDULE && s.target() != null ? s.target().serviceId() : s.serviceId();
        return t.catalog().service(serviceId).map(service -> t.catalog().professionalsFor(service))
                .orElse(t.catalog().professionals);
    }

    private static boolean worksWeekday(WorkingHours hours, LocalDate day) {
        return hours != null && hours.ranges() != null
                && hours.ranges().stream().anyMatch(r -> r.dayOfWeek() == day.getDayOfWeek());
    }

    /** The day's date override, or null. */
    private static DateOverride override(WorkingHours hours, LocalDate day) {
        return hours == null ? null : hours.overrides().stream().filter(o -> day.equals(o.date())).findFirst()
                .orElse(null);
    }

    private static boolean off(WorkingHours hours, LocalDate day, ZoneId zone) {
        if (hours.timeOff() == null) {
            return false;
        }
        var start = day.atStartOfDay(zone).toInstant();
        var end = day.plusDays(1).atStartOfDay(zone).toInstant();
        for (TimeOff off : hours.timeOff()) {
            if (off.start() != null && off.end() != null && !off.start().isAfter(start) && !off.end().isBefore(end)) {
                return true;
            }
        }
        return false;
    }
}
