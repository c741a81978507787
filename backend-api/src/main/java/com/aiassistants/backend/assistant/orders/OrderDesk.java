package com.aiassistants.backend.assistant.orders;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the assistant may ask about a shop's orders: the project's orders and claims hook (an HTTPS endpoint of the
 * shop, see backend-api's README, "Orders and claims hook"). Tenant and customer always come from the authenticated
 * turn, never from the message. Every call answers; a hook that is not configured, does not answer, refuses or
 * fails is an {@link Outcome}, never an exception.
 */
public interface OrderDesk {

    /** No hook anywhere: the assistant says it cannot look orders up. */
    OrderDesk NONE = new OrderDesk() {
        @Override
        public boolean configured(String tenantId) {
            return false;
        }

        @Override
        public Result<Order> order(String tenantId, Customer customer, String orderNumber) {
            return Result.of(Outcome.NOT_CONFIGURED);
        }

        @Override
        public Result<List<Order>> orders(String tenantId, Customer customer) {
            return Result.of(Outcome.NOT_CONFIGURED);
        }

        @Override
        public Result<Shipment> shipment(String tenantId, Customer customer, String orderNumber) {
            return Result.of(Outcome.NOT_CONFIGURED);
        }

        @Override
        public Result<Claim> createClaim(String tenantId, Customer customer, ClaimRequest claim) {
            return Result.of(Outcome.NOT_CONFIGURED);
        }
    };

    /** The project has a hook URL and secret. */
    boolean configured(String tenantId);

    /** {@code get_order}. */
    Result<Order> order(String tenantId, Customer customer, String orderNumber);

    /** {@code list_orders}: the customer's recent orders, newest first. */
    Result<List<Order>> orders(String tenantId, Customer customer);

    /** {@code track_shipment}. */
    Result<Shipment> shipment(String tenantId, Customer customer, String orderNumber);

    /** {@code create_claim}; a claim the hook accepted is also stored (the customer's page in the console lists it). */
    Result<Claim> createClaim(String tenantId, Customer customer, ClaimRequest claim);

    enum Outcome {
        OK, NOT_FOUND, NOT_CONFIGURED, FAILED
    }

    /** An answer: the value when {@link Outcome#OK}, else null. */
    record Result<T>(Outcome outcome, T value) {

        public static <T> Result<T> of(Outcome outcome) {
            return new Result<>(outcome, null);
        }

        public static <T> Result<T> ok(T value) {
            return new Result<>(Outcome.OK, value);
        }

        public boolean ok() {
            return outcome == Outcome.OK && value != null;
        }
    }

    /** Who asks: the conversation's customer id (E.164 phone on WhatsApp), their phone when known, their name. */
    record Customer(String id, String phone, String name, String conversationId) {

        /** The customer of a turn: {@code phone} is the id when the id is a phone number (WhatsApp), else null. */
        public static Customer of(String id, String name, String conversationId) {
            String phone = id != null && id.matches("\\+?[0-9]{6,15}") ? id : null;
            return new Customer(id, phone, name, conversationId);
        }
    }

    record Item(String name, Integer quantity) {
    }

    record Shipment(String status, String carrier, String trackingNumber, String trackingUrl, String estimatedDelivery) {
    }

    record Order(String id, String status, String placedAt, BigDecimal total, String currency, List<Item> items,
            Shipment shipment) {
    }

    record Claim(String id, String status, String orderId) {
    }

    record ClaimRequest(String orderId, String description) {
    }
}
