package com.aiassistants.backend.assistant.dialogue;

import java.util.List;
import java.util.Optional;

import com.aiassistants.backend.assistant.nlu.Confirmation;
import com.aiassistants.backend.assistant.nlu.OrderNumber;
import com.aiassistants.backend.assistant.orders.OrderDesk;
import com.aiassistants.backend.assistant.replies.OrderSentences;

/**
 * The three questions of the order flows: ASK_ORDER_NUMBER (an order number; for a claim also "no tengo"),
 * ASK_CLAIM_TEXT (the claim in the customer's words, read before any interrupt but a person or the menu) and
 * CONFIRM_CLAIM (sí → {@code create_claim}, no → nothing is filed).
 */
final class OrderSteps {

    private static final List<String> NO_NUMBER = List.of("no tengo", "no lo tengo", "no la tengo", "no se",
            "no me acuerdo", "no recuerdo", "ninguno", "ninguna", "sin numero", "none", "no number", "don t have",
            "dont have", "don t know", "dont know", "i don t", "no idea");
    /** The longest description kept (WhatsApp allows 4096 characters; a claim is a few lines). */
    private static final int MAX_DESCRIPTION = 1000;

    private OrderSteps() {
    }

    static final class AskOrderNumber implements StepHandler {

        @Override
        public boolean handle(Turn t) {
            OrderTask task = t.state.orderTask();
            Optional<String> number = OrderNumber.of(t.utterance());
            if (task == null) {
                return false;
            }
            if (t.state.flow() == Flow.ORDER) {
                if (number.isEmpty()) {
                    return false;
                }
                t.state.resetTask();
                OrderAnswers.lookUp(t, number.get(), task.track());
                return true;
            }
            if (number.isEmpty() && !t.utterance().hasAny(NO_NUMBER) && Confirmation.of(t.utterance()) != Confirmation.NO) {
                return false;
            }
            t.state.workOnOrder(task.withOrder(number.orElse(null)));
            t.state.moveTo(Step.ASK_CLAIM_TEXT);
            t.out.say(t.say.orders().claimAskText(number.orElse(null)));
            return true;
        }

        @Override
        public void prompt(Turn t) {
            t.out.say(t.state.flow() == Flow.CLAIM ? t.say.orders().claimAskOrder() : t.say.orders().askNumber());
        }
    }

    static final class AskClaimText implements StepHandler {

        @Override
        public boolean handle(Turn t) {
            String text = t.in.text() == null ? "" : t.in.text().strip();
            if (t.replyId() != null || t.utterance().tokens().size() < 2) {
                return false;
            }
            OrderTask task = t.state.orderTask().describedAs(
                    text.length() > MAX_DESCRIPTION ? text.substring(0, MAX_DESCRIPTION) : text);
            t.state.workOnOrder(task);
            t.state.moveTo(Step.CONFIRM_CLAIM);
            new ConfirmClaim().prompt(t);
            return true;
        }

        @Override
        public void prompt(Turn t) {
            t.out.say(t.say.orders().claimAskText(t.state.orderTask().orderNumber()));
        }
    }

    static final class ConfirmClaim implements StepHandler {

        @Override
        public boolean handle(Turn t) {
            Confirmation answer = t.confirmation();
            OrderSentences say = t.say.orders();
            if (answer == Confirmation.NONE) {
                return false;
            }
            OrderTask task = t.state.orderTask();
            t.state.resetTask();
            if (answer != Confirmation.YES) {
                t.out.say(say.claimDropped());
                return true;
            }
            OrderDesk.Result<OrderDesk.Claim> claim = t.orders.createClaim(t.tenantId(), OrderAnswers.customer(t),
                    new OrderDesk.ClaimRequest(task.orderNumber(), task.description()));
            if (claim.ok()) {
                t.out.say(say.claimDone(claim.value().id() == null ? "—" : claim.value().id(),
                        claim.value().status() == null ? "—" : claim.value().status()));
            } else {
                t.out.say(claim.outcome() == OrderDesk.Outcome.NOT_CONFIGURED ? say.notConfigured() : say.claimFailed());
            }
            return true;
        }

        @Override
        public void prompt(Turn t) {
            OrderTask task = t.state.orderTask();
            t.out.say(t.say.orders().claimConfirm(task.orderNumber(), task.description()));
            Menu.yesNo(t);
        }
    }
}
