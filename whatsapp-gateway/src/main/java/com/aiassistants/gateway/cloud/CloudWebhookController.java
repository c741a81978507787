package com.aiassistants.gateway.cloud;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.aiassistants.common.channel.PhoneNumbers;
import com.aiassistants.common.web.ApiProblem;
import com.aiassistants.gateway.config.GatewayProperties;
import com.aiassistants.gateway.config.TenantDirectory;
import com.aiassistants.gateway.inbox.InboxService;
import com.aiassistants.gateway.ops.GatewayEvents;
import com.aiassistants.gateway.ops.GatewayMetrics;
import com.aiassistants.gateway.outbox.OutboxRepository;
import com.aiassistants.gateway.provider.InboundMessage;
import com.aiassistants.gateway.provider.ProviderRegistry;
import com.aiassistants.gateway.provider.ProviderType;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WhatsApp Business Cloud API webhook: one endpoint for every number, routed to the tenant by
 * {@code metadata.phone_number_id}. The signature is checked over the raw body; each message is
 * committed to the inbox (deduplicated on its wamid) before the 200; the assistant runs later.
 */
@RestController
public class CloudWebhookController {

    static final String PATH = "/webhooks/whatsapp/cloud";
    private static final Logger log = LoggerFactory.getLogger(CloudWebhookController.class);

    private final GatewayProperties properties;
    private final TenantDirectory tenants;
    private final InboxService inbox;
    private final OutboxRepository outbox;
    private final GatewayEvents events;
    private final JsonMapper json;
    private final GatewayMetrics metrics;
    private final Clock clock;
    private final ProviderRegistry providers;

    public CloudWebhookController(GatewayProperties properties, TenantDirectory tenants, InboxService inbox,
            OutboxRepository outbox, GatewayEvents events, JsonMapper json, GatewayMetrics metrics,
            ObjectProvider<Clock> clock, ProviderRegistry providers) {
        this.providers = providers;
        this.metrics = metrics;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.properties = properties;
        this.tenants = tenants;
        this.inbox = inbox;
        this.outbox = outbox;
        this.events = events;
        this.json = json;
    }

    /** Meta's verification handshake. */
    @GetMapping(path = PATH, produces = MediaType.TEXT_PLAIN_VALUE)
    public String verify(@RequestParam(name = "hub.mode", required = false) String mode,
            @RequestParam(name = "hub.verify_token", required = false) String token,
            @RequestParam(name = "hub.challenge", required = false) String challenge) {
        String expected = properties.cloud().verifyToken();
        if (!"subscribe".equals(mode) || expected == null || expected.isBlank() || token == null
                || !java.security.MessageDigest.isEqual(expected.getBytes(), token.getBytes()) || challenge == null) {
            throw ApiProblem.forbidden("verification failed");
        }
        return challenge;
    }

    /**
     * Meta's webhook. A body larger than {@code cloud.max-body-size} is refused with 413 before it is read (by its
     * Content-Length, and for a chunked body by reading at most one byte past the limit).
     */
    @PostMapping(PATH)
    public ResponseEntity<Void> receive(HttpServletRequest request,
            @RequestHeader(name = "X-Hub-Signature-256", required = false) String signature) throws IOException {
        long max = properties.cloud().maxBodySize().toBytes();
        if (request.getContentLengthLong() > max) {
            throw tooLarge(max);
        }
        String secret = properties.cloud().appSecret();
        if (signature == null || signature.isBlank()) {
            throw ApiProblem.unauthorized("missing X-Hub-Signature-256");
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (body.length > max) {
            throw tooLarge(max);
        }
        if (secret == null || secret.isBlank() || !WebhookSignature.valid(secret, body, signature)) {
            throw ApiProblem.forbidden("invalid X-Hub-Signature-256");
        }
        CloudWebhook webhook;
        try {
            webhook = json.readerFor(CloudWebhook.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(body);
        } catch (JacksonException e) {
            throw ApiProblem.badRequest("invalid-json", "webhook body is not a Cloud API notification");
        }
        if (webhook == null) {
            throw ApiProblem.badRequest("invalid-json", "webhook body is not a Cloud API notification");
        }
        for (CloudWebhook.Entry entry : webhook.entry()) {
            for (CloudWebhook.Change change : entry.changes()) {
                handle(change.value());
            }
        }
        return ResponseEntity.ok().build();
    }

    private static ApiProblem tooLarge(long max) {
        return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
                "webhook bodies are at most " + max + " bytes (cloud.max-body-size)");
    }

    private void handle(CloudWebhook.Value value) {
        String phoneNumberId = value.metadata().phoneNumberId();
        String tenantId = tenants.byPhoneNumberId(phoneNumberId).orElse(null);
        if (tenantId == null) {
            if (!value.messages().isEmpty() || !value.statuses().isEmpty()) {
                log.warn("webhook for unknown phone_number_id {}: ignored", phoneNumberId);
            }
            return;
        }
        if (providers.forTenant(tenantId) instanceof CloudProvider cloud) {
            cloud.displayPhoneNumber(value.metadata().displayPhoneNumber());
        }
        Map<String, String> names = new HashMap<>();
        for (CloudWebhook.Contact contact : value.contacts()) {
            names.put(contact.key(), contact.name());
        }
        for (CloudWebhook.Message message : value.messages()) {
            InboundMessage inbound = toInbound(tenantId, message, names);
            if (inbound != null) {
                inbox.accept(inbound);
            }
        }
        for (CloudWebhook.Status status : value.statuses()) {
            applyStatus(tenantId, status);
        }
    }

    /** The message as the inbox stores it, or null for what is not answered (reactions, unknown system events…). */
    private InboundMessage toInbound(String tenantId, CloudWebhook.Message m, Map<String, String> names) {
        String from = m.from();
        String id = m.id();
        String type = m.type();
        if (from.isEmpty()) {
            String userId = m.senderUserId();
            if (userId.isEmpty()) {
                log.warn("message {} of type {} names no sender: ignored", id, type);
                metrics.inbound(ProviderType.CLOUD, "no_sender");
                return null;
            }
            log.warn("message {} of type {} comes from a user known only by a business-scoped id ({}) and no phone number:"
                    + " not answered (replies go to phone numbers)", id, type, PhoneNumbers.mask(userId));
            metrics.inbound(ProviderType.CLOUD, "no_phone_number");
            return null;
        }
        if (!from.matches(PhoneNumbers.E164_PATTERN)) {
            // WhatsApp's "from" is the user's number; anything else could not be answered (the Graph API refuses it)
            log.warn("message {} of type {} names a sender that is not a phone number ({}): ignored", id, type,
                    PhoneNumbers.mask(from));
            metrics.inbound(ProviderType.CLOUD, "invalid_sender");
            return null;
        }
        if (id.isEmpty()) {
            log.warn("message of type {} from {} has no id: ignored", type, PhoneNumbers.mask(from));
            metrics.inbound(ProviderType.CLOUD, "no_id");
            return null;
        }
        boolean byTitle = properties.interactiveReplyAs() == GatewayProperties.InteractiveReplyAs.TITLE;
        InboundMessage.Kind kind;
        String text;
        switch (type) {
            case "text" -> {
                kind = InboundMessage.Kind.TEXT;
                text = m.body();
            }
            case "interactive" -> {
                CloudWebhook.Reply reply = m.interactive() == null ? new CloudWebhook.Reply(null, null)
                        : m.interactive().reply();
                if (reply.id().isEmpty() && reply.title().isEmpty()) {
                    kind = InboundMessage.Kind.UNREADABLE;
                    text = "";
                } else {
                    kind = InboundMessage.Kind.INTERACTIVE;
                    text = byTitle && !reply.title().isEmpty() || reply.id().isEmpty() ? reply.title() : reply.id();
                }
            }
            case "button" -> {
                CloudWebhook.Button button = m.button() == null ? new CloudWebhook.Button(null, null) : m.button();
                String payload = button.payload();
                String label = button.text();
                kind = payload.isEmpty() && label.isEmpty() ? InboundMessage.Kind.UNREADABLE : InboundMessage.Kind.INTERACTIVE;
                text = byTitle && !label.isEmpty() || payload.isEmpty() ? label : payload;
            }
            case "image", "audio", "video", "document", "sticker", "location", "contacts" -> {
                kind = InboundMessage.Kind.MEDIA;
                text = "";
            }
            case "reaction" -> {
                log.debug("reaction {} to {}: nothing to answer", id,
                        m.reaction() == null ? "" : m.reaction().messageId());
                metrics.inbound(ProviderType.CLOUD, "reaction");
                return null;
            }
            case "system" -> {
                return system(tenantId, m, id, from, names);
            }
            default -> {
                // "unsupported", "unknown" and any type newer than this code: WhatsApp could not show us the content
                log.info("message {} of type {} ({}): answered as unreadable", id, type, m.unreadableReason());
                kind = InboundMessage.Kind.UNREADABLE;
                text = "";
            }
        }
        return new InboundMessage(tenantId, ProviderType.CLOUD, id, from, names.get(from), kind, text,
                sentAt(m.timestamp()));
    }

    /**
     * {@code user_changed_number}: recorded for staff (inbox kind {@code number_changed}, listed at
     * {@code /admin/tenants/{t}/inbox/notices} and pushed on {@code /admin/ws}) and logged; the conversation, memory
     * and bookings stay under the old number. Other system messages are logged only.
     */
    private InboundMessage system(String tenantId, CloudWebhook.Message m, String id, String from,
            Map<String, String> names) {
        String systemType = m.system() == null || m.system().type() == null ? "" : m.system().type();
        if (!"user_changed_number".equals(systemType)) {
            log.info("system message {} ({}) from {}: nothing to answer", id, systemType, PhoneNumbers.mask(from));
            metrics.inbound(ProviderType.CLOUD, "system");
            return null;
        }
        return new InboundMessage(tenantId, ProviderType.CLOUD, id, from, names.get(from),
                InboundMessage.Kind.NUMBER_CHANGED, m.system().newNumber(), sentAt(m.timestamp()));
    }

    private Instant sentAt(Long epochSeconds) {
        return epochSeconds == null ? Instant.ofEpochSecond(clock.instant().getEpochSecond())
                : Instant.ofEpochSecond(epochSeconds);
    }

    private void applyStatus(String tenantId, CloudWebhook.Status status) {
        String wamid = status.id();
        String state = status.status();
        if (wamid.isEmpty() || !java.util.Set.of("sent", "delivered", "read", "failed").contains(state)) {
            return;
        }
        CloudWebhook.Error error = status.errors().isEmpty() ? null : status.errors().getFirst();
        String code = error == null ? null : error.code();
        String title = error == null ? null : error.description();
        Instant at = sentAt(status.timestamp());
        outbox.applyDeliveryStatus(wamid, state, code, title, Timestamp.from(at))
                .ifPresent(outboxId -> {
                    Map<String, Object> event = new LinkedHashMap<>();
                    event.put("type", "status");
                    event.put("tenant_id", tenantId);
                    event.put("outbox_id", outboxId);
                    event.put("provider_message_id", wamid);
                    event.put("status", state);
                    if (code != null) {
                        event.put("error_code", code);
                    }
                    events.publish(event);
                });
    }
}
