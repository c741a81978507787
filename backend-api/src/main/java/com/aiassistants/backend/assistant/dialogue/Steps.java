package com.aiassistants.backend.assistant.dialogue;

import java.util.EnumMap;
import java.util.Map;

/**
 * The {@link StepHandler} of every {@link Step}: reads the answer to the question of the current step, or asks it
 * again. Register a new step's handler here.
 */
final class Steps {

    private final Map<Step, StepHandler> handlers = new EnumMap<>(Step.class);
    private final ConfirmCancelStep confirmCancel = new ConfirmCancelStep();

    Steps() {
        CollectStep collect = new CollectStep();
        handlers.put(Step.ASK_NAME, new AskNameStep());
        handlers.put(Step.ASK_SERVICE, collect);
        handlers.put(Step.ASK_PROFESSIONAL, collect);
        handlers.put(Step.ASK_DATE, collect);
        handlers.put(Step.OFFER_SLOTS, new OfferSlotsStep());
        handlers.put(Step.CONFIRM_HOLD, new ConfirmHoldStep());
        handlers.put(Step.CHOOSE_BOOKING, new ChooseBookingStep());
        handlers.put(Step.CONFIRM_CANCEL, confirmCancel);
        handlers.put(Step.CONFIRM_RESCHEDULE, new ConfirmRescheduleStep());
        handlers.put(Step.ASK_ORDER_NUMBER, new OrderSteps.AskOrderNumber());
        handlers.put(Step.ASK_CLAIM_TEXT, new OrderSteps.AskClaimText());
        handlers.put(Step.CONFIRM_CLAIM, new OrderSteps.ConfirmClaim());
    }

    /** The current step's reading of the message; false when it is not an answer to that step's question. */
    boolean handle(Turn t) {
        Step step = t.state.step();
        return step != Step.IDLE && handlers.get(step).handle(t);
    }

    /** Repeats the question of the current step (after an aside or an unreadable answer); idle: the menu. */
    void prompt(Turn t) {
        Step step = t.state.step();
        if (step == Step.IDLE) {
            Menu.show(t);
        } else {
            handlers.get(step).prompt(t);
        }
    }

    ConfirmCancelStep confirmCancel() {
        return confirmCancel;
    }
}
