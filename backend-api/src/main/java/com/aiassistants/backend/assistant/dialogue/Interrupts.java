package com.aiassistants.backend.assistant.dialogue;

import java.util.List;

import com.aiassistants.backend.assistant.nlu.Confirmation;
import com.aiassistants.backend.assistant.nlu.Intent;
import com.aiassistants.backend.assistant.nlu.IntentClassifier;

/**
 * Intents that leave (or pause) whatever step the conversation is in: a person, the menu, my bookings, cancel,
 * move, questions about prices, the team or the hours (answered, then the step's question is asked again) and
 * about the shop's orders (a look-up answers and asks the step's question again; a claim leaves the task).
 */
final class Interrupts {

    private static final List<String> BOOKING_NOUNS = List.of("turno", "turnos", "reserva", "reservas", "cita", "citas",
            "booking", "bookings", "appointment", "appointments");

    private final Steps steps;

    Interrupts(Steps steps) {
        this.steps = steps;
    }

    /** True if {@code intent} was handled here. */
    boolean handle(Turn t, Intent intent) {
        DialogueState s = t.state;
        Step step = s.step();
        if (step == Step.ASK_CLAIM_TEXT && intent != Intent.HUMAN && intent != Intent.MENU) {
            return false; // the claim in the customer's words: whatever it mentions
        }
        if (intent.aboutOrders() && !step.aboutOrders()) {
            boolean leftTheTask = OrderAnswers.start(t, intent);
            if (!leftTheTask && step != Step.IDLE) {
                steps.prompt(t);
            }
            return true;
        }
        switch (intent) {
            case HUMAN, MENU -> {
                Actions.start(t, intent == Intent.HUMAN ? "human" : "menu");
                return true;
            }
            case MY_BOOKINGS -> {
                if (!step.confirming()) {
                    Manage.list(t);
                    return true;
                }
            }
            case CANCEL -> {
                if (step == Step.CONFIRM_CANCEL) {
                    return steps.confirmCancel().answer(t, t.replyId() == null ? Confirmation.YES : t.confirmation());
                }
                if (!step.confirming() || t.utterance().hasAny(BOOKING_NOUNS)) {
                    if (step.collecting() && s.flow() == Flow.BOOK && !t.utterance().hasAny(BOOKING_NOUNS)) {
                        Holds.abandon(t);
                        t.out.say(t.say.abandoned());
                        t.out.say(t.say.menuHint());
                        return true;
                    }
                    Manage.start(t, Flow.CANCEL);
                    return true;
                }
            }
            case RESCHEDULE -> {
                if (!(step != Step.IDLE && s.flow() != null && t.hasWhen() && !t.utterance().hasAny(BOOKING_NOUNS))) {
                    Manage.start(t, Flow.RESCHEDULE);
                    return true;
                }
            }
            default -> {
                boolean slotRequest = intent == Intent.HOURS && t.hasWhen() && !IntentClassifier.asksWhenOpen(t.utterance());
                if (intent.informational() && !slotRequest) {
                    if (IntentClassifier.isGreeting(t.utterance()) && !t.nameGiven()) {
                        t.out.say(t.say.hello(s.customerName()));
                    }
                    InfoAnswers.answer(t, intent);
                    if (step == Step.IDLE) {
                        t.out.say(t.say.bookHint());
                    } else {
                        steps.prompt(t);
                    }
                    return true;
                }
            }
        }
        return false;
    }
}
