package com.aiassistants.gateway.provider;

import java.time.Instant;

/**
 * Honest connection state of one tenant's WhatsApp link. {@code qrCode} / {@code pairingCode} are set
 * only while {@link State#NEEDS_QR} / {@link State#NEEDS_PAIRING_CODE}.
 */
public record ConnectionStatus(State state, String detail, String qrCode, String pairingCode, Instant since) {

    public enum State { CONNECTED, CONNECTING, NEEDS_QR, NEEDS_PAIRING_CODE, DISCONNECTED, LOGGED_OUT, BANNED, STANDBY }

    public static ConnectionStatus of(State state, String detail, Instant since) {
        return new ConnectionStatus(state, detail, null, null, since);
    }

    public boolean up() {
        return state == State.CONNECTED;
    }
}
