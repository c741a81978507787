package com.aiassistants.backend.assistant.dialogue;

import java.util.OptionalInt;

import com.aiassistants.backend.assistant.nlu.ChoiceParser;
import com.aiassistants.backend.assistant.nlu.Confirmation;

/**
 * CONFIRM_HOLD: "sí" confirms the held slot; another offered number or other details change it;
 * "no" gives the hold back and shows the offers again; "lo pienso" keeps the hold and says how to go on.
 */
final class ConfirmHoldStep implements StepHandler {

    @Override
    public boolean handle(Turn t) {
        DialogueState s = t.state;
        Confirmation answer = t.confirmation();
        if (answer == Confirmation.YES && (t.replyId() != null || !t.hasWhen())) {
            Planner.confirm(t);
            return true;
        }
        if (answer == Confirmation.LATER) {
            // the hold stays until it expires on its own; a later "sí" confirms it or hears that it expired
            t.out.say(t.say.holdLater());
            return true;
        }
        if (t.replyId() == null) {
            OptionalInt choice = ChoiceParser.parse(t.utterance());
            if (choice.isPresent() && OfferSlotsStep.inRange(s, choice.getAsInt())) {
                int index = choice.getAsInt() == ChoiceParser.LAST ? s.offers().size() : choice.getAsInt();
                Planner.pick(t, s.offers().get(index - 1));
                return true;
            }
            if (Details.read(t, false)) {
                Holds.release(t);
                Planner.advance(t);
                return true;
            }
        }
        if (answer == Confirmation.NO) {
            Holds.release(t);
            t.out.say(t.say.released());
            if (!s.offers().isEmpty()) {
                Slots.render(t);
            } else {
                s.clearWhen();
                s.moveTo(Step.ASK_DATE);
            }
            return true;
        }
        return false;
    }

    @Override
    public void prompt(Turn t) {
        BookingRef hold = t.state.hold();
        t.out.say(t.say.confirmHold(hold.serviceName(), hold.professionalName(), hold.localStart()));
        Menu.yesNo(t);
    }
}
