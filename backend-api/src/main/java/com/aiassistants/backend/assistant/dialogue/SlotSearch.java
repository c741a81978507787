package com.aiassistants.backend.assistant.dialogue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.aiassistants.backend.assistant.replies.Formats;
import com.aiassistants.common.scheduling.CalendarTools.FindAvailableSlotsInput;
import com.aiassistants.common.scheduling.CalendarTools.Slot;

/**
 * Looks up free slots for what the state asks (day or days, exact time or window) and offers up to
 * five. An exact time is looked up alone first; only when it is not free are the day's other times read.
 * When the wanted time is not free it says so — and why, when the whole day is out
 * ({@link Unavailability}) — and offers nearby times that day and the same time on other days; when
 * the day has nothing, the next free times, and when it has only a few, those with the next free times after them.
 * Nothing in the time of day asked for offers the other times of those days before later days.
 */
final class SlotSearch {

    private static final int LOOK_AHEAD_DAYS = 14;
    /** At most this many free times left on the wanted day: the next free times are offered with them. */
    private static final int FEW_LEFT = 2;
    /** Nearby times of the wanted day offered beside the same time on other days. */
    private static final int NEARBY = 3;

    private SlotSearch() {
    }

    /** What the search did. {@code exact} is the free slot at the exact time asked for, to be taken at once. */
    record Result(Kind kind, OfferedSlot exact) {

        enum Kind { EXACT, OFFERED, NOTHING, PAST }
    }

    static Result search(Turn t) {
        DialogueState s = t.state;
        if (s.dateTo().isBefore(t.today)) {
            t.out.say(t.say.pastDate());
            s.clearWhen();
            return new Result(Result.Kind.PAST, null);
        }
        LocalDate from = s.dateFrom().isBefore(t.today) ? t.today : s.dateFrom();
        LocalDate to = s.dateTo();
        String serviceName = s.flow() == Flow.RESCHEDULE ? s.target().serviceName() : s.serviceName();
        if (s.exactTime() != null) {
            LocalTime wanted = s.exactTime();
            // the time asked for alone first: when it is free (the usual case) the day's other times are not needed
            Optional<Slot> exact = find(t, from, to, wanted, wanted, 1).stream()
                    .filter(x -> x.localStart().toLocalTime().equals(wanted)).findFirst();
            if (exact.isPresent()) {
                return new Result(Result.Kind.EXACT, OfferedSlot.of(exact.get()));
            }
            List<Slot> day = find(t, from, to, null, null, 100);
            t.out.say(t.say.slots().exactUnavailable(Formats.time(wanted)));
            if (day.isEmpty() && from.equals(to)) {
                t.out.say(Unavailability.why(t, from));
            }
            List<Slot> nearest = day.stream()
                    .sorted(Comparator.comparing((Slot x) -> Math.abs(Duration.between(wanted, x.localStart().toLocalTime()).toMinutes()))
                            .thenComparing(Slot::start))
                    .limit(NEARBY).toList();
            List<Slot> sameTime = find(t, t.today, to.plusDays(LOOK_AHEAD_DAYS), wanted, wanted, Slots.MAX_OFFERS).stream()
                    .filter(x -> x.localStart().toLocalTime().equals(wanted))
                    .filter(x -> x.localStart().toLocalDate().isBefore(from) || x.localStart().toLocalDate().isAfter(to))
                    .limit(Slots.MAX_OFFERS - nearest.size()).toList();
            if (!nearest.isEmpty() || !sameTime.isEmpty()) {
                t.out.say(sameTime.isEmpty() ? t.say.slots().offerSlots(serviceName)
                        : nearest.isEmpty() ? t.say.slots().sameTimeOtherDays(Formats.time(wanted)) : t.say.slots().nearbyOrSameTime());
                List<Slot> offered = new ArrayList<>(nearest);
                offered.addAll(sameTime);
                offered.sort(Comparator.comparing(Slot::start));
                Slots.offer(t, offered);
                return new Result(Result.Kind.OFFERED, null);
            }
        } else {
            List<Slot> slots = find(t, from, to, s.earliest(), s.latest(), Slots.MAX_OFFERS);
            if (!slots.isEmpty()) {
                // a day with only a few free times left: the next free ones (same time of day) come with them
                List<Slot> later = slots.size() <= FEW_LEFT && from.equals(to)
                        ? find(t, to.plusDays(1), to.plusDays(LOOK_AHEAD_DAYS), s.earliest(), s.latest(),
                                Slots.MAX_OFFERS - slots.size())
                        : List.of();
                t.out.say(later.isEmpty() ? t.say.slots().offerSlots(serviceName)
                        : t.say.slots().fewThatDay(Formats.day(from, t.lang), s.hasTimeWindow()));
                List<Slot> offered = new ArrayList<>(slots);
                offered.addAll(later);
                Slots.offer(t, offered);
                return new Result(Result.Kind.OFFERED, null);
            }
            if (s.hasTimeWindow()) {
                t.out.say(t.say.slots().nothingInWindow());
                // the days asked for come before the time of day: other times those days, then later days
                List<Slot> otherTimes = find(t, from, to, null, null, Slots.MAX_OFFERS);
                if (!otherTimes.isEmpty()) {
                    t.out.say(t.say.slots().otherTimesThoseDays());
                    Slots.offer(t, otherTimes);
                    return new Result(Result.Kind.OFFERED, null);
                }
            } else if (from.equals(to)) {
                t.out.say(Unavailability.why(t, from));
            } else {
                t.out.say(t.say.slots().nothingThatDay(Formats.day(from, t.lang)));
            }
        }
        List<Slot> later = find(t, to.plusDays(1), to.plusDays(LOOK_AHEAD_DAYS), s.earliest(), s.latest(), Slots.MAX_OFFERS);
        if (later.isEmpty() && s.hasTimeWindow()) {
            later = find(t, to.plusDays(1), to.plusDays(LOOK_AHEAD_DAYS), null, null, Slots.MAX_OFFERS);
        }
        if (later.isEmpty()) {
            t.out.say(t.say.slots().noSlotsAtAll());
            s.clearWhen();
            s.moveTo(Step.ASK_DATE);
            return new Result(Result.Kind.NOTHING, null);
        }
        t.out.say(t.say.slots().nextFree());
        Slots.offer(t, later);
        return new Result(Result.Kind.OFFERED, null);
    }

    static List<Slot> find(Turn t, LocalDate from, LocalDate to, LocalTime earliest, LocalTime latest, int limit) {
        return find(t, from, to, earliest, latest, limit, null);
    }

    /** The first free slot of each of the first {@code days} days with one, from {@code from} to {@code to}. */
    static List<Slot> firstOfEachDay(Turn t, LocalDate from, LocalDate to, int days) {
        return find(t, from, to, null, null, days, 1);
    }

    private static List<Slot> find(Turn t, LocalDate from, LocalDate to, LocalTime earliest, LocalTime latest, int limit,
            Integer perDay) {
        DialogueState s = t.state;
        boolean moving = s.flow() == Flow.RESCHEDULE;
        String serviceId = moving ? s.target().serviceId() : s.serviceId();
        String professional = moving ? s.target().professionalId() : s.anyProfessional() ? null : s.professionalId();
        List<Slot> slots = t.gateway.findSlots(t.tenantId(),
                new FindAvailableSlotsInput(serviceId, professional, from, to, earliest, latest, limit, perDay));
        return slots.stream().filter(x -> x.start() != null && x.localStart() != null).toList();
    }
}
