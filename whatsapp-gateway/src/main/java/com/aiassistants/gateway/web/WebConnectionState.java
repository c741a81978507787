package com.aiassistants.gateway.web;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

import com.aiassistants.gateway.provider.ConnectionStatus;
import com.aiassistants.gateway.provider.ConnectionStatus.State;

/**
 * The honest status of a WhatsApp Web session, driven by Cobalt's callbacks, plus the reconnect policy
 * (capped exponential backoff; never after a logout or a ban).
 */
public class WebConnectionState {

    /** Why Cobalt reports a disconnection (mirrors its {@code DisconnectReason}). */
    public enum Reason { DISCONNECTED, RECONNECTING, LOGGED_OUT, BANNED }

    private final Duration reconnectMin;
    private final Duration reconnectMax;
    private final Consumer<ConnectionStatus> onChange;
    private final Clock clock;
    private volatile ConnectionStatus status;
    private volatile int failedAttempts;

    public WebConnectionState(Duration reconnectMin, Duration reconnectMax, Consumer<ConnectionStatus> onChange,
            Clock clock) {
        this.clock = clock;
        this.status = ConnectionStatus.of(State.DISCONNECTED, "not started", clock.instant());
        this.reconnectMin = reconnectMin;
        this.reconnectMax = reconnectMax;
        this.onChange = onChange;
    }

    public ConnectionStatus status() {
        return status;
    }

    public void connecting() {
        set(ConnectionStatus.of(State.CONNECTING, "opening the WhatsApp Web session", clock.instant()));
    }

    public void qrCode(String qr) {
        set(new ConnectionStatus(State.NEEDS_QR, "scan the QR code with WhatsApp > Linked devices", qr, null,
                clock.instant()));
    }

    public void pairingCode(String code) {
        set(new ConnectionStatus(State.NEEDS_PAIRING_CODE, "enter the pairing code in WhatsApp > Linked devices", null,
                code, clock.instant()));
    }

    public void loggedIn() {
        failedAttempts = 0;
        set(ConnectionStatus.of(State.CONNECTED, "WhatsApp Web session open", clock.instant()));
    }

    public void stopped() {
        set(ConnectionStatus.of(State.DISCONNECTED, "stopped", clock.instant()));
    }

    /**
     * Applies a disconnection and says whether (and after how long) to reconnect; {@code null} = do not.
     */
    public Duration disconnected(Reason reason) {
        return switch (reason) {
            case RECONNECTING -> {
                set(ConnectionStatus.of(State.CONNECTING, "reconnecting", clock.instant()));
                yield null;
            }
            case LOGGED_OUT -> {
                set(ConnectionStatus.of(State.LOGGED_OUT, "the session was logged out: a new QR or pairing code is needed",
                        clock.instant()));
                yield null;
            }
            case BANNED -> {
                set(ConnectionStatus.of(State.BANNED, "WhatsApp banned this number", clock.instant()));
                yield null;
            }
            case DISCONNECTED -> {
                Duration delay = backoff(++failedAttempts);
                set(ConnectionStatus.of(State.DISCONNECTED, "connection lost; reconnecting in " + delay.toSeconds() + " s",
                        clock.instant()));
                yield delay;
            }
        };
    }

    Duration backoff(int attempt) {
        return com.aiassistants.common.retry.Backoffs.delay(reconnectMin, reconnectMax, attempt);
    }

    private void set(ConnectionStatus next) {
        ConnectionStatus previous = status;
        status = next;
        if (previous.state() != next.state() || !java.util.Objects.equals(previous.qrCode(), next.qrCode())
                || !java.util.Objects.equals(previous.pairingCode(), next.pairingCode())) {
            onChange.accept(next);
        }
    }
}
