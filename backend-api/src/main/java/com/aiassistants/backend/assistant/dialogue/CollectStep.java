package com.aiassistants.backend.assistant.dialogue;

import com.aiassistants.backend.assistant.nlu.ChoiceParser;

/**
 * ASK_SERVICE, ASK_PROFESSIONAL, ASK_DATE: a pick from the list, or any detail the message gives
 * (service, professional, day, time), then the next question or the offer.
 */
final class CollectStep implements StepHandler {

    @Override
    public boolean handle(Turn t) {
        boolean consumed = t.nameGiven();
        boolean picked = Details.pick(t);
        consumed |= picked;
        // "el 2" just picked the second option: it is not also the 2nd of the month
        if (!(picked && t.replyId() == null && ChoiceParser.isOnlyANumber(t.utterance()))) {
            consumed |= Details.read(t, t.state.flow() == Flow.RESCHEDULE);
        }
        if (consumed) {
            Planner.advance(t);
        }
        return consumed;
    }

    @Override
    public void prompt(Turn t) {
        Planner.advance(t);
    }
}
