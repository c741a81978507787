package com.aiassistants.backend.assistant.dialogue;

/**
 * The order task between turns: which order (null until the customer says it or says they have none), whether
 * they asked where it is (a shipment look-up), and the claim's description while a claim is written.
 */
public record OrderTask(String orderNumber, boolean track, String description, boolean noOrderNumber) {

    static OrderTask lookUp(String orderNumber, boolean track) {
        return new OrderTask(orderNumber, track, null, false);
    }

    static OrderTask claim(String orderNumber) {
        return new OrderTask(orderNumber, false, null, false);
    }

    OrderTask withOrder(String number) {
        return new OrderTask(number, track, description, number == null);
    }

    OrderTask describedAs(String text) {
        return new OrderTask(orderNumber, track, text, noOrderNumber);
    }
}
