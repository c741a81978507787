package com.aiassistants.backend.assistant.dialogue;

import java.util.List;
import java.util.Optional;

import com.aiassistants.backend.assistant.nlu.Intent;
import com.aiassistants.backend.assistant.nlu.OrderNumber;
import com.aiassistants.backend.assistant.orders.OrderDesk;
import com.aiassistants.backend.assistant.orders.OrderDesk.Order;
import com.aiassistants.backend.assistant.orders.OrderDesk.Result;
import com.aiassistants.backend.assistant.orders.OrderDesk.Shipment;
import com.aiassistants.backend.assistant.replies.OrderSentences;

/**
 * Questions about a shop's orders, answered from the project's orders hook ({@link OrderDesk}): the customer's
 * purchases ("¿qué compré?"), one order ("¿dónde está mi pedido 1234?": where it is when the message asks where or
 * about shipping, else its status) and the start of a claim. Without a hook the assistant says it cannot look
 * orders up; a hook that fails gets an apology, never a guess.
 */
final class OrderAnswers {

    /** The message asks where the order is: a shipment look-up. */
    private static final List<String> WHERE = List.of("donde", "where", "envio", "enviaron", "despacharon",
            "seguimiento", "tracking", "track", "llega", "llego", "paquete", "package", "parcel", "shipment",
            "shipping", "shipped", "arrive", "arrived", "arriving", "delivery");

    private OrderAnswers() {
    }

    /** An order intent read at any step; true when it left the current task (the caller asks nothing more). */
    static boolean start(Turn t, Intent intent) {
        OrderSentences say = t.say.orders();
        if (!t.orders.configured(t.tenantId())) {
            t.out.say(say.notConfigured());
            return false;
        }
        Optional<String> number = OrderNumber.of(t.utterance());
        boolean where = t.utterance().hasAny(WHERE);
        switch (intent) {
            case MY_ORDERS -> {
                list(t);
                return false;
            }
            case ORDER_STATUS -> {
                if (number.isPresent()) {
                    lookUp(t, number.get(), where);
                    return false;
                }
                Holds.abandon(t);
                t.state.startTask(Flow.ORDER);
                t.state.workOnOrder(OrderTask.lookUp(null, where));
                t.state.moveTo(Step.ASK_ORDER_NUMBER);
                t.out.say(say.askNumber());
                return true;
            }
            default -> {
                Holds.abandon(t);
                t.state.startTask(Flow.CLAIM);
                t.state.workOnOrder(OrderTask.claim(number.orElse(null)));
                t.state.moveTo(number.isPresent() ? Step.ASK_CLAIM_TEXT : Step.ASK_ORDER_NUMBER);
                t.out.say(number.isPresent() ? say.claimAskText(number.get()) : say.claimAskOrder());
                return true;
            }
        }
    }

    static OrderDesk.Customer customer(Turn t) {
        String name = t.state.customerName() != null ? t.state.customerName() : t.in.customerName();
        return OrderDesk.Customer.of(t.customerId(), name, t.in.conversationId());
    }

    static void list(Turn t) {
        OrderSentences say = t.say.orders();
        Result<List<Order>> found = t.orders.orders(t.tenantId(), customer(t));
        if (!found.ok()) {
            t.out.say(found.outcome() == OrderDesk.Outcome.NOT_CONFIGURED ? say.notConfigured() : say.failed());
            return;
        }
        if (found.value().isEmpty()) {
            t.out.say(say.none());
            return;
        }
        t.out.say(say.listHeader());
        for (Order order : found.value().subList(0, Math.min(10, found.value().size()))) {
            t.out.say(say.listLine(order.id(), order.placedAt(), order.status() == null ? "—" : order.status()));
        }
        t.out.say(say.claimHint());
    }

    /** One order: its shipment when {@code where}, else the order (with its shipment when the hook sent one). */
    static void lookUp(Turn t, String number, boolean where) {
        OrderSentences say = t.say.orders();
        if (where) {
            Result<Shipment> shipment = t.orders.shipment(t.tenantId(), customer(t), number);
            if (shipment.ok()) {
                t.out.say(say.order(number));
                shipment(t, shipment.value());
                return;
            }
            if (shipment.outcome() != OrderDesk.Outcome.NOT_FOUND) {
                t.out.say(shipment.outcome() == OrderDesk.Outcome.NOT_CONFIGURED ? say.notConfigured() : say.failed());
                return;
            }
        }
        Result<Order> order = t.orders.order(t.tenantId(), customer(t), number);
        switch (order.outcome()) {
            case OK -> order(t, order.value(), number);
            case NOT_FOUND -> t.out.say(say.notFound(number));
            case NOT_CONFIGURED -> t.out.say(say.notConfigured());
            default -> t.out.say(say.failed());
        }
    }

    private static void order(Turn t, Order order, String number) {
        OrderSentences say = t.say.orders();
        t.out.say(say.order(order.id() == null ? number : order.id()));
        if (order.status() != null) {
            t.out.say(say.status(order.status()));
        }
        if (order.placedAt() != null) {
            t.out.say(say.placed(order.placedAt()));
        }
        if (order.items() != null) {
            order.items().stream().limit(10).filter(i -> i.name() != null)
                    .forEach(i -> t.out.say(say.item(i.quantity() == null ? 1 : i.quantity(), i.name())));
        }
        if (order.total() != null) {
            t.out.say(say.total(order.total(), order.currency()));
        }
        if (order.shipment() != null) {
            shipment(t, order.shipment());
        }
    }

    private static void shipment(Turn t, Shipment shipment) {
        OrderSentences say = t.say.orders();
        if (shipment.status() == null && shipment.trackingNumber() == null) {
            t.out.say(say.noShipment());
            return;
        }
        t.out.say(say.shipment(shipment.status() == null ? "—" : shipment.status(), shipment.carrier()));
        if (shipment.trackingNumber() != null) {
            t.out.say(say.tracking(shipment.trackingNumber()));
        }
        if (shipment.estimatedDelivery() != null) {
            t.out.say(say.eta(shipment.estimatedDelivery()));
        }
        if (shipment.trackingUrl() != null) {
            t.out.say(say.trackingUrl(shipment.trackingUrl()));
        }
    }
}
