package com.aiassistants.backend.assistant.dialogue;

/**
 * ASK_SERVICE, ASK_PROFESSIONAL, ASK_DATE: a pick from the list, or any detail the message gives
 * (service, professional, day, time), then the next question or the offer.
 */
final class CollectStep implements StepHandler {

    @Override
    public boolean handle(Turn t) {
        boolean consumed = t.nameGiven();
        consumed |= Details.pick(t);
        consumed |= Details.read(t, t.state.flow() == Flow.RESCHEDULE);
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
