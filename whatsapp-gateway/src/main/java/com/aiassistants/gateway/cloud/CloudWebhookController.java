package com.aiassistants.gateway.cloud;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.aiassistants.common.web.ApiProblem;
import com.aiassistants.gateway.config.GatewayProperties;
import com.aiassistants.gateway.config.TenantDirectory;
import com.aiassistants.gateway.inbox.InboxService;
import com.aiassistants.gateway.ops.GatewayEvents;
import com.aiassistants.gateway.outbox.OutboxRepository;
import com.aiassistants.gateway.provider.InboundMessage;
import com.aiassistants.gateway.provider.ProviderType;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
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

    public CloudWebhookController(GatewayProperties properties, TenantDirectory tenants, InboxService inbox,
            OutboxRepository outbox, GatewayEvents events, JsonMapper json) {
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

    @PostMapping(PATH)
    public ResponseEntity<Void> receive(@RequestBody(required = false) byte[] body,
            @RequestHeader(name = "X-Hub-Signature-256", required = false) String signature) {
        String secret = properties.cloud().appSecret();
        if (signature == null || signature.isBlank()) {
            throw ApiProblem.unauthorized("missing X-Hub-Signature-256");
        }
        if (secret == null || secret.isBlank() || body == null || !WebhookSignature.valid(secret, body, signature)) {
            throw ApiProblem.forbidden("invalid X-Hub-Signature-256");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw ApiProblem.badRequest("invalid-json", "webhook body is not JSON");
        }
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                handle(change.path("value"));
            }
        }
        return ResponseEntity.ok().build();
    }

    private void handle(JsonNode value) {
        String phoneNumberId = value.path("metadata").path("phone_number_id").asString("");
        String tenantId = tenants.byPhoneNumberId(phoneNumberId).orElse(null);
        if (tenantId == null) {
            if (!value.path("messages").isEmpty() || !value.path("statuses").isEmpty()) {
                log.warn("webhook for unknown phone_number_id {}: ignored", phoneNumberId);
            }
            return;
        }
        Map<String, String> names = new HashMap<>();
        for (JsonNode contact : value.path("contacts")) {
            names.put(contact.path("wa_id").asString(""), contact.path("profile").path("name").asString(null));
        }
        for (JsonNode message : value.path("messages")) {
            InboundMessage inbound = toInbound(tenantId, message, names);
            if (inbound != null) {
                inbox.accept(inbound);
            }
        }
        for (JsonNode status : value.path("statuses")) {
            applyStatus(tenantId, status);
        }
    }

    private InboundMessage toInbound(String tenantId, JsonNode m, Map<String, String> names) {
        String from = m.path("from").asString("");
        String id = m.path("id").asString("");
        if (from.isEmpty() || id.isEmpty()) {
            return null;
        }
        String type = m.path("type").asString("");
        boolean byTitle = properties.interactiveReplyAs() == GatewayProperties.InteractiveReplyAs.TITLE;
        InboundMessage.Kind kind;
        String text;
        switch (type) {
            case "text" -> {
                kind = InboundMessage.Kind.TEXT;
                text = m.path("text").path("body").asString("");
            }
            case "interactive" -> {
                JsonNode interactive = m.path("interactive");
                JsonNode reply = interactive.path(interactive.path("type").asString(""));
                kind = InboundMessage.Kind.INTERACTIVE;
                text = byTitle ? reply.path("title").asString("") : reply.path("id").asString("");
            }
            case "button" -> {
                kind = InboundMessage.Kind.INTERACTIVE;
                text = byTitle ? m.path("button").path("text").asString("") : m.path("button").path("payload").asString("");
            }
            case "reaction", "system", "ephemeral", "request_welcome" -> {
                return null;
            }
            default -> {
                kind = InboundMessage.Kind.MEDIA;
                text = "";
            }
        }
        long epoch = m.path("timestamp").asLong(Instant.now().getEpochSecond());
        return new InboundMessage(tenantId, ProviderType.CLOUD, id, from, names.get(from), kind, text,
                Instant.ofEpochSecond(epoch));
    }

    private void applyStatus(String tenantId, JsonNode status) {
        String wamid = status.path("id").asString("");
        String state = status.path("status").asString("");
        if (wamid.isEmpty() || !java.util.Set.of("sent", "delivered", "read", "failed").contains(state)) {
            return;
        }
        JsonNode error = status.path("errors").path(0);
        String code = error.isMissingNode() ? null : error.path("code").asString(null);
        String title = error.isMissingNode() ? null
                : error.path("title").asString("") + " " + error.path("error_data").path("details").asString("");
        Instant at = Instant.ofEpochSecond(status.path("timestamp").asLong(Instant.now().getEpochSecond()));
        outbox.applyDeliveryStatus(wamid, state, code, title == null ? null : title.trim(), Timestamp.from(at))
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
