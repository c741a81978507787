package com.aiassistants.backend.assistant.dialogue;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.aiassistants.backend.assistant.nlu.Intent;
import com.aiassistants.backend.assistant.replies.Formats;
import com.aiassistants.common.scheduling.ProfessionalsTools.Professional;
import com.aiassistants.common.scheduling.ProfessionalsTools.Service;
import com.aiassistants.common.scheduling.ProfessionalsTools.WorkingHours;
import com.aiassistants.common.scheduling.ProfessionalsTools.WorkingRange;

/** Prices, services, professionals and opening hours, all read from mcp-professionals. */
final class InfoAnswers {

    private static final List<String> WHOLE_LIST = List.of("servicios", "precios", "lista", "todos", "tratamientos",
            "services", "prices", "list", "all");

    private InfoAnswers() {
    }

    static void answer(Turn t, Intent intent) {
        switch (intent) {
            case PROFESSIONALS -> professionals(t);
            case HOURS -> hours(t);
            default -> services(t);
        }
    }

    private static void services(Turn t) {
        List<Service> named = t.catalog().serviceMatcher.match(t.utterance());
        if (named.isEmpty() && t.state.serviceId() != null && !t.utterance().hasAny(WHOLE_LIST)) {
            // "¿cuánto sale?" while booking a service: that service
            named = t.catalog().service(t.state.serviceId()).map(List::of).orElse(List.of());
        }
        List<Service> shown = named.isEmpty() ? t.catalog().services : named;
        if (named.isEmpty()) {
            t.out.say(t.say.info().servicesHeader());
        }
        for (Service service : shown) {
            t.out.say("• " + t.say.info().serviceLine(service.name(), service.durationMinutes(),
                    Formats.price(service.price(), service.currency(), t.lang)));
        }
    }

    private static void professionals(Turn t) {
        t.out.say(t.say.info().professionalsHeader());
        for (Professional professional : t.catalog().professionals) {
            t.out.say("• " + professional.name() + (professional.specialty() == null ? "" : " — " + professional.specialty()));
        }
    }

    /**
     * The weekly hours of the professional named (or of everyone: the union), consecutive days with
     * equal hours grouped; for a day asked about ("¿atienden el sábado?"), that day's hours or that it is closed.
     */
    private static void hours(Turn t) {
        Map<DayOfWeek, List<LocalTime[]>> byDay = new EnumMap<>(DayOfWeek.class);
        List<Professional> named = t.catalog().professionalMatcher.match(t.utterance());
        List<Professional> who = named.size() == 1 ? named : t.catalog().professionals;
        for (Professional professional : who) {
            WorkingHours hours = t.gateway.workingHours(t.tenantId(), professional.id());
            if (hours == null || hours.ranges() == null) {
                continue;
            }
            for (WorkingRange range : hours.ranges()) {
                byDay.computeIfAbsent(range.dayOfWeek(), d -> new ArrayList<>()).add(new LocalTime[] {range.start(), range.end()});
            }
        }
        if (byDay.isEmpty() && named.size() != 1) {
            t.out.say(t.say.info().hoursUnknown());
            return;
        }
        java.util.Optional<com.aiassistants.backend.assistant.nlu.DateQuery> date = t.date();
        if (date.isPresent() && date.get().singleDay()) {
            java.time.LocalDate day = date.get().from();
            String dayText = (named.size() == 1 ? named.getFirst().name() + ": " : "") + Formats.day(day, t.lang);
            List<LocalTime[]> ranges = byDay.get(day.getDayOfWeek());
            t.out.say(ranges == null ? t.say.info().closedOn(dayText) : t.say.info().openOn(dayText, describe(t, merge(ranges))));
            return;
        }
        t.out.say(named.size() == 1 ? t.say.info().hoursOf(named.getFirst().name()) : t.say.info().hoursHeader());
        DayOfWeek groupStart = null;
        String groupText = null;
        DayOfWeek previous = null;
        for (DayOfWeek day : DayOfWeek.values()) {
            String text = byDay.containsKey(day) ? describe(t, merge(byDay.get(day))) : null;
            if (groupText != null && !(Objects.equals(text, groupText) && previous != null && previous.plus(1) == day)) {
                emit(t, groupStart, previous, groupText);
                groupText = null;
            }
            if (text != null && groupText == null) {
                groupStart = day;
                groupText = text;
            }
            if (text != null) {
                previous = day;
            }
        }
        if (groupText != null) {
            emit(t, groupStart, previous, groupText);
        }
    }

    private static void emit(Turn t, DayOfWeek from, DayOfWeek to, String text) {
        String days = from == to ? Formats.weekdayShort(from, t.lang)
                : t.say.info().dayRange(Formats.weekdayShort(from, t.lang), Formats.weekdayShort(to, t.lang));
        t.out.say("• " + days + ": " + text);
    }

    private static List<LocalTime[]> merge(List<LocalTime[]> ranges) {
        List<LocalTime[]> sorted = new ArrayList<>(ranges);
        sorted.sort((a, b) -> a[0].compareTo(b[0]));
        List<LocalTime[]> merged = new ArrayList<>();
        for (LocalTime[] range : sorted) {
            LocalTime[] last = merged.isEmpty() ? null : merged.getLast();
            if (last != null && !range[0].isAfter(last[1])) {
                last[1] = range[1].isAfter(last[1]) ? range[1] : last[1];
            } else {
                merged.add(new LocalTime[] {range[0], range[1]});
            }
        }
        return merged;
    }

    private static String describe(Turn t, List<LocalTime[]> ranges) {
        List<String> parts = ranges.stream().map(r -> t.say.info().range(Formats.time(r[0]), Formats.time(r[1]))).toList();
        return String.join(t.say.info().and(), parts);
    }
}
