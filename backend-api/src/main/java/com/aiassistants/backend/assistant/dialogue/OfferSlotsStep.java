package com.aiassistants.backend.assistant.dialogue;

import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import com.aiassistants.backend.assistant.nlu.ChoiceParser;
import com.aiassistants.backend.assistant.nlu.Confirmation;
import com.aiassistants.backend.assistant.nlu.DateQuery;
import com.aiassistants.backend.assistant.nlu.TimeQuery;
import com.aiassistants.backend.assistant.nlu.Utterance;

/**
 * OFFER_SLOTS: the customer picks an offered slot (tap, number, "el último", or the time itself),
 * or changes what they want (another day, time, service), or says no to the only offer.
 */
final class OfferSlotsStep implements StepHandler {

    @Override
    public boolean handle(Turn t) {
        DialogueState s = t.state;
        OfferedSlot pick = null;
        String id = t.replyId();
        Optional<TimeQuery> time = t.time();
        Optional<DateQuery> date = t.date();
        OptionalInt choice = ChoiceParser.parse(t.utterance());
        if (id != null && id.startsWith("slot:")) {
            pick = offerAt(t, parseIndex(id.substring(5)));
            if (pick == null) {
                return true;
            }
        } else if (choice.isPresent() && (inRange(s, choice.getAsInt()) || (time.isEmpty() && date.isEmpty()))) {
            pick = offerAt(t, choice.getAsInt() == ChoiceParser.LAST ? s.offers().size() : choice.getAsInt());
            if (pick == null) {
                return true;
            }
        } else if (time.isPresent() && time.get().isExact()) {
            LocalTime wanted = time.get().exact();
            pick = s.offers().stream()
                    .filter(o -> o.localStart().toLocalTime().equals(wanted))
                    .filter(o -> date.isEmpty() || Manage.within(o.localStart().toLocalDate(), date.get()))
                    .findFirst().orElse(null);
        }
        if (pick == null && date.isEmpty() && time.isEmpty() && anyOfThem(t)) {
            pick = s.offers().getFirst();
        }
        if (pick != null) {
            Planner.pick(t, pick);
            return true;
        }
        if (Details.read(t, s.flow() == Flow.RESCHEDULE)) {
            Planner.advance(t);
            return true;
        }
        Confirmation answer = Confirmation.of(t.utterance());
        if (answer == Confirmation.LATER) {
            t.out.say(t.say.slots().offersLater());
            return true;
        }
        if (answer == Confirmation.YES && s.offers().size() == 1) {
            Planner.pick(t, s.offers().getFirst());
            return true;
        }
        if (answer == Confirmation.NO) {
            s.clearWhen();
            s.forgetOffers();
            Planner.advance(t);
            return true;
        }
        return false;
    }

    /**
     * "Cualquiera", "me da igual", "whichever": any of the offered slots will do, so the earliest is taken (the customer
     * still confirms it). Not when the message names a professional or a service ("cualquier profesional" widens the
     * search instead).
     */
    static boolean anyOfThem(Turn t) {
        Utterance u = t.utterance();
        return !t.state.offers().isEmpty() && u.hasAny(ANY_OF_THEM) && !u.hasAny(ABOUT_WHO)
                && t.catalog().serviceMatcher.match(u).isEmpty() && t.catalog().professionalMatcher.match(u).isEmpty();
    }

    private static final List<String> ANY_OF_THEM = List.of("cualquiera", "cualquier horario", "cualquier hora",
            "cualquier turno", "el que sea", "la que sea", "me da igual", "da igual", "indistinto", "el que haya",
            "any", "any of them", "whichever", "either", "doesn t matter", "does not matter", "no preference");
    private static final List<String> ABOUT_WHO = List.of("profesional", "profesionales", "doctor", "doctora", "dr",
            "dra", "medico", "medica", "professional", "anyone", "anybody", "whoever");

    @Override
    public void prompt(Turn t) {
        Slots.render(t);
    }

    /** The offer numbered {@code index} (1-based), or null after saying which numbers exist. */
    static OfferedSlot offerAt(Turn t, int index) {
        List<OfferedSlot> offers = t.state.offers();
        if (index < 1 || index > offers.size()) {
            t.out.say(t.say.chooseNumber(offers.size()));
            Slots.render(t);
            return null;
        }
        return offers.get(index - 1);
    }

    static boolean inRange(DialogueState s, int choice) {
        return choice == ChoiceParser.LAST ? !s.offers().isEmpty() : choice >= 1 && choice <= s.offers().size();
    }

    private static int parseIndex(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
