package com.aiassistants.backend.whatsapp;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What the console's WhatsApp page reads and sends (snake_case on the wire, like the gateway's). */
public final class WhatsAppViews {

    private WhatsAppViews() {
    }

    static final String PHONE = "\\+?[0-9 ()-]{6,20}";

    /**
     * The project's WhatsApp connection. {@code state}: connected, connecting, needs_qr, needs_pairing_code,
     * disconnected, logged_out, banned or standby. {@code qr_code} (the string to draw as a QR) and
     * {@code pairing_code} are only given to owners and admins, and only while a login is pending;
     * {@code can_manage} says whether the caller may change the connection. {@code phone_number}: the clinic's own
     * number as the gateway knows it (E.164 with {@code +}; null while a WhatsApp Web number is not linked), for the
     * Flows page's {@code wa.me} links.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Connection(String provider, String state, String detail, String qrCode, String pairingCode,
            Instant since, Boolean canManage, String phoneNumber) {

        Connection forViewer(boolean manager) {
            return new Connection(provider, state, detail, manager ? qrCode : null, manager ? pairingCode : null, since,
                    manager, phoneNumber);
        }
    }

    public record PairingRequest(
            @NotNull @Pattern(regexp = PHONE, message = "must be a phone number with country code") String phoneNumber) {
    }

    public record AllowedNumbers(
            @NotNull @Size(max = 10_000) List<@NotNull @Pattern(regexp = PHONE, message = "must be a phone number") String> numbers) {
    }

    /** An inbound message the gateway gave up on (the patient got a polite "could not process it"). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FailedMessage(long id, String fromNumber, String kind, String text, Instant receivedAt, int attempts,
            String lastError) {
    }

    public record RetryRequest(@Size(max = 1000) List<@NotNull Long> ids) {
    }

    public record Requeued(List<Long> requeued) {
    }

    /** A recent outgoing message: the gateway's send status and WhatsApp's delivery status (sent, delivered, read, failed). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RecentMessage(long id, String toNumber, String kind, String status, String deliveryStatus,
            String errorCode, int attempts, Instant createdAt, Instant sentAt) {
    }
}
