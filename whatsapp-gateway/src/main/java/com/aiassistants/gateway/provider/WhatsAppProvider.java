package com.aiassistants.gateway.provider;

/**
 * One tenant's WhatsApp connection. Started only on the instance holding the lease; inbound messages
 * are handed to the {@link com.aiassistants.gateway.inbox.InboxService}, outbound ones come from the
 * outbox sender.
 */
public interface WhatsAppProvider {

    ProviderType type();

    String tenantId();

    ConnectionStatus status();

    /**
     * The number this connection sends from, in E.164 with its {@code +} (for {@code wa.me} links to the clinic), or
     * null while the provider does not know it (a WhatsApp Web session not linked yet).
     */
    default String phoneNumber() {
        return null;
    }

    /** Connect (called when this instance becomes the active one). Must not block for long. */
    void start();

    /** Disconnect without logging out (standby, shutdown). */
    void stop();

    SendResult send(OutboxMessage message) throws SendException;

    /**
     * Whether re-sending a message whose outcome is unknown is safe because the provider dedupes on our
     * idempotency key. When false the sender makes an at-most-once decision instead.
     */
    boolean idempotentResend();

    default void reconnect() {
        stop();
        start();
    }

    /** Drop the session (a new QR / pairing code is needed afterwards). */
    default void logout() {
        throw new UnsupportedOperationException(type().id() + " has no session to log out of");
    }

    /** Ask for a pairing code for {@code phoneNumber} instead of a QR (WhatsApp Web only). */
    default void requestPairingCode(String phoneNumber) {
        throw new UnsupportedOperationException(type().id() + " does not log in with a pairing code");
    }
}
