package com.aiassistants.gateway.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.aiassistants.common.channel.PhoneNumbers;
import com.aiassistants.gateway.config.GatewayProperties;
import com.aiassistants.gateway.ops.GatewayEvents;
import com.aiassistants.gateway.provider.ConnectionStatus;
import com.aiassistants.gateway.provider.OwnNumber;
import com.aiassistants.gateway.provider.InboundMessage;
import com.aiassistants.gateway.provider.InboundSink;
import com.aiassistants.gateway.provider.OutboxMessage;
import com.aiassistants.gateway.provider.ProviderType;
import com.aiassistants.gateway.provider.SendException;
import com.aiassistants.gateway.provider.SendResult;
import com.aiassistants.gateway.provider.WhatsAppProvider;

import it.auties.whatsapp.api.DisconnectReason;
import it.auties.whatsapp.api.PairingCodeHandler;
import it.auties.whatsapp.api.QrHandler;
import it.auties.whatsapp.api.WebHistorySetting;
import it.auties.whatsapp.api.Whatsapp;
import it.auties.whatsapp.controller.ControllerSerializer;
import it.auties.whatsapp.model.info.ChatMessageInfo;
import it.auties.whatsapp.model.jid.Jid;
import it.auties.whatsapp.model.jid.JidServer;
import it.auties.whatsapp.model.message.button.ButtonsResponseMessage;
import it.auties.whatsapp.model.message.button.ListResponseMessage;
import it.auties.whatsapp.model.message.model.Message;
import it.auties.whatsapp.model.message.standard.TextMessage;

/**
 * WhatsApp Web multi-device through Cobalt ({@code com.github.auties00:cobalt}), the Java counterpart
 * of Baileys. Session files go through a {@link WebSessionStore} (PostgreSQL or an EFS directory), so
 * a restart reconnects without a new QR. Interactive messages are sent as numbered text: linked-device
 * clients do not render buttons/lists reliably. Message ids are assigned by Cobalt on send, so a send
 * with an unknown outcome is not repeated (at-most-once).
 */
public class CobaltWebProvider implements WhatsAppProvider {

    private static final Logger log = LoggerFactory.getLogger(CobaltWebProvider.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(20);

    private final String tenantId;
    private final GatewayProperties.Web settings;
    private final WebSessionStore sessions;
    private final InboundSink inbox;
    private final GatewayProperties.InteractiveReplyAs replyAs;
    private final WebInboundFilter filter;
    private final WebConnectionState state;
    private final java.time.Clock clock;
    private final ScheduledExecutorService scheduler;
    private volatile Whatsapp api;
    private volatile boolean running;
    private volatile String pairingPhoneNumber;
    private volatile ScheduledFuture<?> snapshots;

    public CobaltWebProvider(String tenantId, GatewayProperties properties, WebSessionStore sessions, InboundSink inbox,
            GatewayEvents events, java.time.Clock clock) {
        this.clock = clock;
        this.tenantId = tenantId;
        this.settings = properties.web();
        this.sessions = sessions;
        this.inbox = inbox;
        this.replyAs = properties.interactiveReplyAs();
        this.pairingPhoneNumber = settings.pairingPhoneNumber();
        this.filter = new WebInboundFilter();
        this.state = new WebConnectionState(settings.reconnectMin(), settings.reconnectMax(),
                events.connectionChanges(tenantId, "WhatsApp Web session"), clock);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("whatsapp-web-" + tenantId).daemon().factory());
    }

    @Override
    public ProviderType type() {
        return ProviderType.WEB;
    }

    @Override
    public String tenantId() {
        return tenantId;
    }

    @Override
    public ConnectionStatus status() {
        return state.status();
    }

    /** The linked account's own JID as a number; null before a QR scan or pairing code linked a session. */
    @Override
    public String phoneNumber() {
        Whatsapp whatsapp = api;
        if (whatsapp == null) {
            return null;
        }
        try {
            return whatsapp.store().jid().map(jid -> OwnNumber.of(jid.user())).orElse(null);
        } catch (RuntimeException e) {
            log.debug("own number of {} unknown: {}", tenantId, e.toString());
            return null;
        }
    }

    @Override
    public boolean idempotentResend() {
        return false;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        state.connecting();
        scheduler.execute(this::connect);
        snapshots = scheduler.scheduleWithFixedDelay(this::snapshot, settings.snapshotInterval().toMillis(),
                settings.snapshotInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void connect() {
        if (!running) {
            return;
        }
        try {
            Path dir = sessions.prepare(tenantId);
            var options = Whatsapp.webBuilder()
                    .serializer(ControllerSerializer.toProtobuf(dir))
                    .newConnection(sessionUuid(tenantId))
                    .name("ai-assistants")
                    .historySetting(WebHistorySetting.discard(false))
                    .automaticMessageReceipts(true);
            String phone = pairingPhoneNumber;
            Whatsapp whatsapp = phone == null || phone.isBlank()
                    ? options.unregistered(QrHandler.toPlainString(state::qrCode))
                    : options.unregistered(Long.parseLong(PhoneNumbers.digits(phone)), (PairingCodeHandler) state::pairingCode);
            whatsapp.addLoggedInListener(() -> {
                state.loggedIn();
                snapshot();
            });
            whatsapp.addDisconnectedListener(this::onDisconnected);
            whatsapp.addNewChatMessageListener(this::onMessage);
            api = whatsapp;
            whatsapp.connect().exceptionally(error -> {
                log.warn("WhatsApp Web connect of {} failed: {}", tenantId, error.toString());
                scheduleReconnect(state.disconnected(WebConnectionState.Reason.DISCONNECTED));
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("WhatsApp Web session of {} could not be opened: {}", tenantId, e.toString());
            scheduleReconnect(state.disconnected(WebConnectionState.Reason.DISCONNECTED));
        }
    }

    private void onDisconnected(DisconnectReason reason) {
        if (!running) {
            return;
        }
        Duration delay = state.disconnected(WebConnectionState.Reason.valueOf(reason.name()));
        if (reason == DisconnectReason.LOGGED_OUT) {
            sessions.delete(tenantId);
        }
        scheduleReconnect(delay);
    }

    private void scheduleReconnect(Duration delay) {
        if (delay != null && running) {
            scheduler.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void onMessage(ChatMessageInfo info) {
        try {
            Jid chat = info.chatJid();
            boolean privateChat = chat != null && (chat.hasServer(JidServer.user()) || chat.hasServer(JidServer.lid()));
            Instant sentAt = info.timestampSeconds().isPresent() ? Instant.ofEpochSecond(info.timestampSeconds().getAsLong())
                    : clock.instant();
            WebInboundFilter.Decision decision = filter.decide(info.fromMe(), privateChat);
            if (decision != WebInboundFilter.Decision.ACCEPT) {
                log.debug("WhatsApp Web message {} ignored: {}", info.id(), decision);
                return;
            }
            Message content = info.message().content();
            InboundMessage.Kind kind;
            String text;
            if (content instanceof TextMessage t) {
                kind = InboundMessage.Kind.TEXT;
                text = t.text();
            } else if (content instanceof ButtonsResponseMessage b) {
                kind = InboundMessage.Kind.INTERACTIVE;
                text = replyAs == GatewayProperties.InteractiveReplyAs.TITLE ? b.buttonText().orElse(b.buttonId()) : b.buttonId();
            } else if (content instanceof ListResponseMessage l) {
                kind = InboundMessage.Kind.INTERACTIVE;
                text = l.title();
            } else {
                kind = InboundMessage.Kind.MEDIA;
                text = "";
            }
            String from = chat.user();
            inbox.accept(new InboundMessage(tenantId, ProviderType.WEB, info.id(), from, info.pushName().orElse(null), kind,
                    text, sentAt));
        } catch (RuntimeException e) {
            // Cobalt does not redeliver: log loudly; the user will write again.
            log.error("WhatsApp Web message {} could not be stored", info.id(), e);
        }
    }

    @Override
    public SendResult send(OutboxMessage message) throws SendException {
        Whatsapp whatsapp = api;
        if (whatsapp == null || state.status().state() != ConnectionStatus.State.CONNECTED) {
            throw SendException.retryable("not-connected", "WhatsApp Web session is " + state.status().state(), null);
        }
        try {
            var sent = whatsapp.sendMessage(Jid.of(PhoneNumbers.digits(message.toNumber())), message.message().asPlainText())
                    .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return new SendResult(sent.id(), com.aiassistants.gateway.provider.OutgoingMessage.Kind.TEXT);
        } catch (TimeoutException e) {
            throw SendException.unknown("WhatsApp Web send timed out", e);
        } catch (ExecutionException e) {
            throw SendException.unknown("WhatsApp Web send failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SendException.unknown("interrupted while sending", e);
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (snapshots != null) {
            snapshots.cancel(false);
        }
        Whatsapp whatsapp = api;
        api = null;
        if (whatsapp != null) {
            try {
                whatsapp.disconnect().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.warn("WhatsApp Web disconnect of {}: {}", tenantId, e.toString());
            }
            snapshot();
        }
        state.stopped();
    }

    @Override
    public void logout() {
        Whatsapp whatsapp = api;
        if (whatsapp != null) {
            try {
                whatsapp.logout().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.warn("WhatsApp Web logout of {}: {}", tenantId, e.toString());
            }
        }
        stop();
        sessions.delete(tenantId);
        state.disconnected(WebConnectionState.Reason.LOGGED_OUT);
    }

    @Override
    public void requestPairingCode(String phoneNumber) {
        pairingPhoneNumber = PhoneNumbers.digits(phoneNumber);
        reconnect();
    }

    private void snapshot() {
        try {
            sessions.persist(tenantId);
        } catch (RuntimeException e) {
            log.warn("could not persist the WhatsApp Web session of {}: {}", tenantId, e.toString());
        }
    }

    static UUID sessionUuid(String tenantId) {
        return UUID.nameUUIDFromBytes(("ai-assistants-web:" + tenantId).getBytes(StandardCharsets.UTF_8));
    }
}
