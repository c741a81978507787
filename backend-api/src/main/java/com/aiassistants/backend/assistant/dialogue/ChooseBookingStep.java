package com.aiassistants.backend.assistant.dialogue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import com.aiassistants.backend.assistant.nlu.ChoiceParser;
import com.aiassistants.backend.assistant.nlu.DateQuery;

/** CHOOSE_BOOKING: which of the listed bookings to cancel or move (tap, number, its service or its day). */
final class ChooseBookingStep implements StepHandler {

    @Override
    public boolean handle(Turn t) {
        DialogueState s = t.state;
        String id = t.replyId();
        BookingRef chosen = null;
        if (id != null && id.startsWith("booking:")) {
            String bookingId = id.substring(8);
            chosen = s.bookings().stream().filter(b -> b.id().equals(bookingId)).findFirst().orElse(null);
        } else {
            OptionalInt n = ChoiceParser.parse(t.utterance());
            if (n.isPresent()) {
                int index = n.getAsInt() == ChoiceParser.LAST ? s.bookings().size() : n.getAsInt();
                if (index < 1 || index > s.bookings().size()) {
                    t.out.say(t.say.chooseNumber(s.bookings().size()));
                    Manage.renderChoice(t);
                    return true;
                }
                chosen = s.bookings().get(index - 1);
            } else if (byService(t) != null) {
                chosen = byService(t);
            } else {
                Optional<DateQuery> date = t.date();
                if (date.isPresent()) {
                    List<BookingRef> onDate = s.bookings().stream()
                            .filter(b -> Manage.within(b.localStart().toLocalDate(), date.get())).toList();
                    if (onDate.size() == 1) {
                        chosen = onDate.getFirst();
                    }
                }
            }
        }
        if (chosen == null) {
            return false;
        }
        Manage.target(t, chosen);
        return true;
    }

    /** "el de kinesio": the only listed booking of the service named. */
    private static BookingRef byService(Turn t) {
        List<String> named = t.catalog().serviceMatcher.match(t.utterance()).stream().map(x -> x.id()).toList();
        List<BookingRef> matching = t.state.bookings().stream().filter(b -> named.contains(b.serviceId())).toList();
        return matching.size() == 1 ? matching.getFirst() : null;
    }

    @Override
    public void prompt(Turn t) {
        Manage.renderChoice(t);
    }
}
