package com.aiassistants.backend.assistant.replies;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** A shop's orders, shipments and claims, as the orders hook returned them. See {@link Replies}. */
public final class OrderSentences {

    private final Bundle b;

    OrderSentences(Bundle bundle) {
        this.b = bundle;
    }

    public String notConfigured() {
        return b.m("orders.not-configured");
    }

    public String askNumber() {
        return b.m("orders.ask-number");
    }

    public String notFound(String number) {
        return b.m("orders.not-found", number);
    }

    public String failed() {
        return b.m("orders.failed");
    }

    public String none() {
        return b.m("orders.none");
    }

    public String listHeader() {
        return b.m("orders.list.header");
    }

    public String listLine(String number, String placedAt, String status) {
        return b.m("orders.list.line", number, date(placedAt), status);
    }

    public String order(String number) {
        return b.m("orders.order", number);
    }

    public String status(String status) {
        return b.m("orders.status", status);
    }

    public String placed(String placedAt) {
        return b.m("orders.placed", date(placedAt));
    }

    public String item(int quantity, String name) {
        return b.m("orders.item", String.valueOf(quantity), name);
    }

    public String total(BigDecimal amount, String currency) {
        return b.m("orders.total", Formats.price(amount, currency, b.language()));
    }

    public String shipment(String status, String carrier) {
        return carrier == null ? b.m("orders.shipment", status) : b.m("orders.shipment.carrier", status, carrier);
    }

    public String tracking(String number) {
        return b.m("orders.tracking", number);
    }

    public String trackingUrl(String url) {
        return b.m("orders.tracking-url", url);
    }

    public String eta(String date) {
        return b.m("orders.eta", date(date));
    }

    public String noShipment() {
        return b.m("orders.no-shipment");
    }

    public String claimHint() {
        return b.m("orders.claim-hint");
    }

    public String claimAskOrder() {
        return b.m("claim.ask-order");
    }

    public String claimAskText(String order) {
        return order == null ? b.m("claim.ask-text") : b.m("claim.ask-text.order", order);
    }

    public String claimConfirm(String order, String description) {
        return order == null ? b.m("claim.confirm", description) : b.m("claim.confirm.order", order, description);
    }

    public String claimDone(String id, String status) {
        return b.m("claim.done", id, status);
    }

    public String claimFailed() {
        return b.m("claim.failed");
    }

    public String claimDropped() {
        return b.m("claim.dropped");
    }

    /** An ISO date (or date-time) from the hook as "jueves 15/01"; anything else as the hook wrote it. */
    private String date(String iso) {
        if (iso == null || iso.length() < 10) {
            return iso == null ? "—" : iso;
        }
        try {
            return Formats.day(LocalDate.parse(iso.substring(0, 10)), b.language());
        } catch (DateTimeParseException e) {
            return iso;
        }
    }
}
