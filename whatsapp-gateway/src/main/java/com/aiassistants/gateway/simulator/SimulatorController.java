package com.aiassistants.gateway.simulator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.aiassistants.common.web.ApiProblem;
import com.aiassistants.gateway.config.GatewayProperties;
import com.aiassistants.gateway.config.TenantDirectory;
import com.aiassistants.gateway.inbox.InboxService;
import com.aiassistants.gateway.ops.GatewayEvents;
import com.aiassistants.gateway.provider.InboundMessage;
import com.aiassistants.gateway.provider.InboundSink;
import com.aiassistants.gateway.provider.ProviderRegistry;
import com.aiassistants.gateway.provider.ProviderType;

/**
 * Fake end users for the console's phone-like chat and for tests:
 * {@code POST /simulator/users/{phone}/messages} sends as that user (text, or a button/list reply),
 * {@code GET} the same path reads the chat, {@code /simulator/ws} streams the bot's messages.
 */
@RestController
@ConditionalOnProperty(prefix = "ai-assistants.gateway.simulator", name = "enabled", havingValue = "true", matchIfMissing = true)
public class SimulatorController {

    public record UserMessage(
            @Size(max = 4096) @com.aiassistants.common.channel.PlainText String text,
            /* Reply to an interactive message: the button or list item id, and its title. */
            @Size(max = 256) @com.aiassistants.common.channel.PlainText String replyId,
            @Size(max = 256) @com.aiassistants.common.channel.PlainText String replyTitle,
            /* Defaults to a random id; repeat one to test deduplication. */
            @Size(max = 128) String messageId,
            @Size(max = 128) String customerName,
            /* Pretend it is a photo / voice note. */
            Boolean media) {
    }

    public record Accepted(String messageId, String result) {
    }

    private final InboxService inbox;
    private final SimulatorTranscript transcript;
    private final TenantDirectory tenants;
    private final GatewayEvents events;
    private final GatewayProperties properties;
    private final ProviderRegistry providers;
    private final java.time.Clock clock;

    public SimulatorController(InboxService inbox, SimulatorTranscript transcript, TenantDirectory tenants,
            GatewayEvents events, GatewayProperties properties, ProviderRegistry providers, java.time.Clock clock) {
        this.clock = clock;
        this.providers = providers;
        this.inbox = inbox;
        this.transcript = transcript;
        this.tenants = tenants;
        this.events = events;
        this.properties = properties;
    }

    @PostMapping("/simulator/users/{phone}/messages")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Accepted send(@PathVariable String phone, @RequestParam(required = false) String tenant,
            @RequestBody @jakarta.validation.Valid UserMessage message) {
        String tenantId = simulatorTenant(tenant);
        String number = number(phone);
        boolean media = Boolean.TRUE.equals(message.media());
        boolean interactive = message.replyId() != null && !message.replyId().isBlank();
        if (!media && !interactive && (message.text() == null || message.text().isBlank())) {
            throw ApiProblem.badRequest("empty-message", "give text, reply_id or media=true");
        }
        String messageId = message.messageId() == null || message.messageId().isBlank()
                ? "simin-" + UUID.randomUUID() : message.messageId();
        InboundMessage.Kind kind = media ? InboundMessage.Kind.MEDIA
                : interactive ? InboundMessage.Kind.INTERACTIVE : InboundMessage.Kind.TEXT;
        String text = switch (kind) {
            case MEDIA, UNREADABLE, NUMBER_CHANGED -> "";
            case INTERACTIVE -> properties.interactiveReplyAs() == GatewayProperties.InteractiveReplyAs.TITLE
                    && message.replyTitle() != null ? message.replyTitle() : message.replyId();
            case TEXT -> message.text();
        };
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind.name().toLowerCase());
        body.put("text", interactive && message.replyTitle() != null ? message.replyTitle() : text);
        if (interactive) {
            body.put("reply_id", message.replyId());
        }
        if (transcript.record(tenantId, number, "in", messageId, body)) {
            Map<String, Object> event = new LinkedHashMap<>(Map.of("type", "message", "tenant_id", tenantId,
                    "phone", number, "direction", "in", "message_id", messageId));
            event.putAll(body);
            events.publish(event);
        }
        InboundSink.Result result = inbox.accept(new InboundMessage(tenantId, ProviderType.SIMULATOR, messageId, number,
                message.customerName(), kind, text, clock.instant()));
        return new Accepted(messageId, result.name().toLowerCase());
    }

    /**
     * Test mode of the WhatsApp Web login: plays the phone scanning the tenant's current QR code (or entering its
     * pairing code). 409 when no login is pending, 409 {@code standby} on an instance without the lease.
     */
    @PostMapping("/simulator/tenants/{tenant}/link")
    public Map<String, Object> link(@PathVariable String tenant) {
        String tenantId = simulatorTenant(tenant);
        if (!providers.active()) {
            throw ApiProblem.conflict("standby", "this instance is on standby; the active one holds the connection");
        }
        SimulatorProvider provider = (SimulatorProvider) providers.forTenant(tenantId);
        if (!provider.link()) {
            throw ApiProblem.conflict("no-login-pending", "tenant " + tenantId + " shows no QR or pairing code to scan")
                    .with("state", provider.status().state().name().toLowerCase());
        }
        return Map.of("tenant_id", tenantId, "state", provider.status().state().name().toLowerCase());
    }

    @GetMapping("/simulator/users/{phone}/messages")
    public List<SimulatorTranscript.Entry> conversation(@PathVariable String phone,
            @RequestParam(required = false) String tenant) {
        return transcript.conversation(simulatorTenant(tenant), number(phone));
    }

    private String simulatorTenant(String tenant) {
        String tenantId = tenants.require(tenant);
        if (tenants.get(tenantId).provider() != ProviderType.SIMULATOR) {
            throw ApiProblem.badRequest("not-a-simulator-tenant", "tenant " + tenantId + " does not use the simulator");
        }
        return tenantId;
    }

    /**
     * The user's number as WhatsApp ids have it (digits, no {@code +}). Anything but digits (and one leading
     * {@code +}) is refused rather than stripped: "54911abc" and "54911" must not become the same user.
     */
    private static String number(String phone) {
        String digits = phone != null && phone.startsWith("+") ? phone.substring(1) : phone;
        if (digits == null || !SIMULATOR_NUMBER.matcher(digits).matches()) {
            throw ApiProblem.badRequest("invalid-phone", "phone must be 6 to 15 digits, optionally after a '+'")
                    .with("errors", List.of(Map.of("field", "phone", "message", "must be 6 to 15 digits")));
        }
        return digits;
    }

    private static final java.util.regex.Pattern SIMULATOR_NUMBER = java.util.regex.Pattern.compile("[0-9]{6,15}");
}
