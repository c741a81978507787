package com.aiassistants.backend.assistant.dialogue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.aiassistants.common.mcp.client.McpToolError;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.CalendarTools.Booking;
import com.aiassistants.common.scheduling.CalendarTools.HoldSlotInput;

/** The calendar writes of a booking: hold a slot, confirm the hold, give a hold back. */
final class Holds {

    private static final Logger log = LoggerFactory.getLogger(Holds.class);

    private Holds() {
    }

    /** Holds the slot for the customer; the state moves to CONFIRM_HOLD. A refusal is thrown as {@link McpToolError}. */
    static BookingRef hold(Turn t, OfferedSlot slot) {
        DialogueState s = t.state;
        Booking booking = t.gateway.hold(t.tenantId(), new HoldSlotInput(s.serviceId(), slot.professionalId(), slot.start(),
                t.customerId(), s.customerName(), null, t.in.channel(), idempotencyKey(t, slot)));
        BookingRef held = BookingRef.of(booking).withDefaults(s.serviceName(), slot.professionalName(), slot.localStart());
        s.held(held);
        t.out.touched(booking.id());
        return held;
    }

    /** Confirms the current hold; a refusal (or a hold that did not become CONFIRMED) is thrown as {@link McpToolError}. */
    static BookingRef confirm(Turn t) {
        BookingRef hold = t.state.hold();
        Booking booking = t.gateway.confirm(t.tenantId(), hold.id(), t.customerId());
        if (booking.status() != null && booking.status() != CalendarTools.BookingStatus.CONFIRMED) {
            throw new McpToolError(CalendarTools.CONFIRM_BOOKING, CalendarTools.INVALID_TRANSITION,
                    "booking is " + booking.status(), Map.of());
        }
        t.out.touched(booking.id());
        return BookingRef.of(booking).withDefaults(hold.serviceName(), hold.professionalName(), hold.localStart());
    }

    /** Gives a hold back (best effort: holds also expire on their own) so a new attempt starts clean. */
    static void release(Turn t) {
        BookingRef hold = t.state.hold();
        if (hold == null) {
            return;
        }
        try {
            t.gateway.cancel(t.tenantId(), hold.id(), t.customerId(), "released by the customer");
        } catch (RuntimeException e) {
            log.info("could not release hold {}: {}", hold.id(), e.toString());
        }
        t.state.dropHold();
    }

    /** Releases any hold and forgets the task in progress. */
    static void abandon(Turn t) {
        release(t);
        t.state.resetTask();
    }

    /**
     * conversation + per-conversation random seed + attempt number + slot: a retried turn (same stored
     * state) sends the same key and gets the same hold; a new attempt after a release gets a new one.
     */
    static String idempotencyKey(Turn t, OfferedSlot slot) {
        String material = t.in.conversationId() + "|" + t.state.nonceSeed() + "|" + t.state.flowSeq() + "|"
                + slot.professionalId() + "|" + slot.start();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return "asst-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
