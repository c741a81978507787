package com.aiassistants.gateway.simulator;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.aiassistants.gateway.config.GatewayProperties;

import com.aiassistants.gateway.ops.GatewayEvents;
import com.aiassistants.gateway.provider.ConnectionStatus;
import com.aiassistants.gateway.provider.OwnNumber;
import com.aiassistants.gateway.provider.OutboxMessage;
import com.aiassistants.gateway.provider.OutgoingMessage;
import com.aiassistants.gateway.provider.ProviderType;
import com.aiassistants.gateway.provider.SendException;
import com.aiassistants.gateway.provider.SendResult;
import com.aiassistants.gateway.provider.WhatsAppProvider;
import com.aiassistants.gateway.web.WebConnectionState;

/**
 * Plays WhatsApp for local use and tests: "sending" writes the message into the simulator transcript
 * and pushes it to {@code /simulator/ws}. Its message id is derived from our idempotency key and the
 * transcript dedupes on it, so a re-send after an unknown outcome is harmless.
 *
 * <p>Test mode of the WhatsApp Web login ({@code simulator.login}): the session goes through the same
 * {@link WebConnectionState} as {@code CobaltWebProvider}, so the console sees the same states and
 * {@code connection} events. Without a linked session it asks for a QR whose string is replaced every
 * {@code simulator.qr-rotation} (or shows a pairing code when one is asked for); {@link #link()} plays the
 * phone scanning it ({@code POST /simulator/tenants/{t}/link}). Logging out drops the session, as on
 * WhatsApp Web; sends wait (retryable {@code not-connected}) until it is linked again.
 */
public class SimulatorProvider implements WhatsAppProvider {

    private static final Logger log = LoggerFactory.getLogger(SimulatorProvider.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PAIRING_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTVWXYZ";

    private final String tenantId;
    private final SimulatorTranscript transcript;
    private final GatewayEvents events;
    private final Duration qrRotation;
    private final WebConnectionState state;
    private final ScheduledExecutorService scheduler;
    private final String configuredNumber;
    private volatile boolean linked;
    private volatile String pairingNumber;
    private volatile boolean running;
    private ScheduledFuture<?> rotation;

    /** The number a simulated session is linked to when none is configured or given with a pairing code (a fictional one). */
    public static final String TEST_NUMBER = "+15555550100";

    public SimulatorProvider(String tenantId, SimulatorTranscript transcript, GatewayEvents events,
            GatewayProperties.Simulator settings, java.time.Clock clock) {
        this(tenantId, transcript, events, settings, null, clock);
    }

    /** @param phoneNumber the tenant's configured {@code phone-number}, or null */
    public SimulatorProvider(String tenantId, SimulatorTranscript transcript, GatewayEvents events,
            GatewayProperties.Simulator settings, String phoneNumber, java.time.Clock clock) {
        this.tenantId = tenantId;
        this.configuredNumber = OwnNumber.of(phoneNumber);
        this.transcript = transcript;
        this.events = events;
        this.qrRotation = settings.qrRotation();
        this.linked = settings.login() == GatewayProperties.Simulator.Login.LINKED;
        this.state = new WebConnectionState(Duration.ofSeconds(1), Duration.ofSeconds(1),
                events.connectionChanges(tenantId, "simulated WhatsApp session"), clock);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("simulator-login-" + tenantId).daemon().factory());
    }

    @Override
    public ProviderType type() {
        return ProviderType.SIMULATOR;
    }

    @Override
    public String tenantId() {
        return tenantId;
    }

    @Override
    public ConnectionStatus status() {
        return state.status();
    }

    /**
     * Like WhatsApp Web's own JID: known only while a session is linked — the configured number, else the one a
     * pairing code was asked for, else {@link #TEST_NUMBER}; null after a logout until linked again.
     */
    @Override
    public String phoneNumber() {
        if (!linked) {
            return null;
        }
        if (configuredNumber != null) {
            return configuredNumber;
        }
        return pairingNumber != null ? pairingNumber : TEST_NUMBER;
    }

    @Override
    public synchronized void start() {
        running = true;
        state.connecting();
        if (linked) {
            state.loggedIn();
        } else {
            showQr();
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        cancelRotation();
        state.stopped();
    }

    @Override
    public synchronized void logout() {
        linked = false;
        pairingNumber = null;
        running = false;
        cancelRotation();
        state.disconnected(WebConnectionState.Reason.LOGGED_OUT);
    }

    /** Like WhatsApp Web: a linked session just connects; otherwise the QR gives way to a pairing code. */
    @Override
    public synchronized void requestPairingCode(String phoneNumber) {
        running = true;
        if (linked) {
            state.loggedIn();
            return;
        }
        cancelRotation();
        pairingNumber = OwnNumber.of(phoneNumber);
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            code.append(PAIRING_ALPHABET.charAt(RANDOM.nextInt(PAIRING_ALPHABET.length())));
        }
        state.pairingCode(code.toString());
    }

    /**
     * Plays the phone scanning the QR code or entering the pairing code. False when no login is pending
     * (already connected, logged out, stopped).
     */
    public synchronized boolean link() {
        ConnectionStatus.State now = state.status().state();
        if (!running || (now != ConnectionStatus.State.NEEDS_QR && now != ConnectionStatus.State.NEEDS_PAIRING_CODE)) {
            return false;
        }
        cancelRotation();
        linked = true;
        state.loggedIn();
        return true;
    }

    private void showQr() {
        state.qrCode(qrString());
        rotation = scheduler.scheduleAtFixedRate(this::rotate, qrRotation.toMillis(), qrRotation.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private synchronized void rotate() {
        if (running && state.status().state() == ConnectionStatus.State.NEEDS_QR) {
            state.qrCode(qrString());
        }
    }

    private void cancelRotation() {
        if (rotation != null) {
            rotation.cancel(false);
            rotation = null;
        }
    }

    /** Shaped like WhatsApp Web's: a reference, then the device's public keys and secret, comma-separated. */
    private static String qrString() {
        return "2@" + random(24) + "," + random(32) + "," + random(32) + "," + random(32);
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    @Override
    public boolean idempotentResend() {
        return true;
    }

    @Override
    public SendResult send(OutboxMessage message) throws SendException {
        if (!state.status().up()) {
            throw SendException.retryable("not-connected", "the simulated WhatsApp session is not connected",
                    Duration.ofSeconds(2));
        }
        String messageId = "sim-" + message.idempotencyKey();
        Map<String, Object> body = body(message.message());
        if (transcript.record(tenantId, message.toNumber(), "out", messageId, body)) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("type", "message");
            event.put("tenant_id", tenantId);
            event.put("phone", message.toNumber());
            event.put("direction", "out");
            event.put("message_id", messageId);
            event.putAll(body);
            events.publish(event);
        }
        return new SendResult(messageId, message.message().kind());
    }

    static Map<String, Object> body(OutgoingMessage m) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", m.kind().name().toLowerCase());
        if (m.text() != null) {
            body.put("text", m.text());
        }
        if (m.buttons() != null) {
            body.put("buttons", m.buttons().stream().map(b -> Map.of("id", b.id(), "title", b.title())).toList());
        }
        if (m.listItems() != null) {
            body.put("list_title", m.listTitle());
            body.put("list_items", m.listItems().stream().map(i -> {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("id", i.id());
                item.put("title", i.title());
                if (i.description() != null) {
                    item.put("description", i.description());
                }
                return item;
            }).toList());
        }
        if (m.kind() == OutgoingMessage.Kind.TEMPLATE) {
            body.put("template_name", m.templateName());
            body.put("template_parameters", m.templateParameters());
        }
        return body;
    }
}
