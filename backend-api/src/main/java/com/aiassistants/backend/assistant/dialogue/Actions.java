package com.aiassistants.backend.assistant.dialogue;

import com.aiassistants.backend.assistant.ActivationCodes;
import com.aiassistants.backend.assistant.nlu.Intent;

/**
 * Named actions a customer starts without words: a tapped menu row ({@code menu:<action>}), a tenant's activation
 * code from a {@code wa.me} link, the HUMAN and MENU intents. Also the conversation's first greeting.
 */
final class Actions {

    private Actions() {
    }

    /** The tenant's activation code (e.g. FLOW_RESERVA_INIT from a wa.me link) → its action. */
    static String activation(Turn t) {
        return ActivationCodes.match(t.flow().activationCodes(), t.in.text()).map(ActivationCodes.Match::action)
                .orElse(null);
    }

    /** The tenant's greeting, or ours with the business's (and the customer's) name. */
    static String greeting(Turn t) {
        return t.flow().greeting() != null ? t.flow().greeting() : t.say.greeting(t.in.tenant().name(), t.state.customerName());
    }

    static void start(Turn t, String action) {
        switch (action) {
            case "book" -> Planner.startBooking(t, false);
            case "bookings", "my_bookings" -> Manage.list(t);
            case "cancel" -> Manage.start(t, Flow.CANCEL);
            case "reschedule" -> Manage.start(t, Flow.RESCHEDULE);
            case "prices", "services" -> {
                InfoAnswers.answer(t, Intent.PRICES);
                t.out.say(t.say.bookHint());
            }
            case "professionals" -> {
                InfoAnswers.answer(t, Intent.PROFESSIONALS);
                t.out.say(t.say.bookHint());
            }
            case "hours" -> InfoAnswers.answer(t, Intent.HOURS);
            case "human" -> {
                Holds.abandon(t);
                t.out.handOff();
                t.out.say(t.say.handoff());
            }
            default -> {
                if (action.startsWith("book:")) {
                    Planner.startBooking(t, action.substring(5));
                    return;
                }
                Holds.abandon(t);
                Menu.show(t);
            }
        }
    }
}
