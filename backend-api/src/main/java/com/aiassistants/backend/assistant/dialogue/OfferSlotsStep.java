package com.aiassistants.backend.assistant.dialogue;

import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import com.aiassistants.backend.assistant.nlu.ChoiceParser;
import com.aiassistants.backend.assistant.nlu.Confirmation;
import com.aiassistants.backend.assistant.nlu.DateQuery;
import com.aiassistants.backend.assistant.nlu.TimeQuery;

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
