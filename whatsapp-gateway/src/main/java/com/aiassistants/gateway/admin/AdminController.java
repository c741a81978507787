package com.aiassistants.gateway.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.aiassistants.common.channel.OpaqueId;
import com.aiassistants.common.channel.PhoneNumbers;
import com.aiassistants.common.web.ApiProblem;
import com.aiassistants.gateway.config.TenantDirectory;
import com.aiassistants.gateway.inbox.AllowedNumbers;
import com.aiassistants.gateway.inbox.InboxRepository;
import com.aiassistants.gateway.lease.LeaseManager;
import com.aiassistants.gateway.outbox.OutboxRepository;
import com.aiassistants.gateway.outbox.OutboxRow;
import com.aiassistants.gateway.outbox.OutboxSender;
import com.aiassistants.gateway.provider.ConnectionStatus;
import com.aiassistants.gateway.provider.OutgoingMessage;
import com.aiassistants.gateway.provider.ProviderRegistry;
import com.aiassistants.gateway.provider.WhatsAppProvider;

/** What backend-api calls for the console (bearer admin token, see {@link AdminTokenFilter}). */
@RestController
@org.springframework.validation.annotation.Validated
@RequestMapping("/admin")
public class AdminController {

    /** {@code phone_number}: the number's own, E.164 with {@code +}, when the provider knows it (else null). */
    public record TenantStatus(String tenantId, String provider, String state, String detail, String qrCode,
            String pairingCode, java.time.Instant since, String phoneNumber) {
    }

    public record GatewayStatus(String instance, boolean active, String leaseHolder, long inboxPending,
            long outboxOpen, List<TenantStatus> tenants) {
    }

    /**
     * A message from backend-api: a staff reply, a reminder or a notice. Optional reply {@code buttons} (at most 3,
     * sent as interactive buttons, numbered text where a provider has none); an optional {@code template} sent in
     * its place where only a template may go (the Cloud API outside the 24-hour window; otherwise the tenant's
     * window template); an optional {@code idempotency_key}: the same key queues the message once.
     */
    public record StaffMessage(String tenantId,
            @NotBlank @Pattern(regexp = "\\+?[0-9 ()-]{6,20}", message = "must be a phone number") String to,
            @NotBlank @Size(max = 4096) @com.aiassistants.common.channel.PlainText String text,
            @Size(max = 3) List<@Valid @NotNull Button> buttons,
            @Valid Template template,
            UUID idempotencyKey) {

        OutgoingMessage message() {
            OutgoingMessage message = buttons == null || buttons.isEmpty() ? OutgoingMessage.text(text)
                    : OutgoingMessage.buttons(text, buttons.stream().map(b -> new OutgoingMessage.Button(b.id(), b.title())).toList());
            return template == null ? message
                    : message.withOwnTemplate(template.name(), template.language(), template.parameters(),
                            template.buttonPayloads());
        }
    }

    public record Button(@NotBlank @OpaqueId String id, @NotBlank @Size(max = 20) String title) {
    }

    /**
     * An approved WhatsApp template: its name, language code (absent = the project's language), body parameters
     * {{1}}, {{2}}… in order, and the payload of each of its quick-reply buttons in order.
     */
    public record Template(@NotBlank @Size(max = 512) @Pattern(regexp = "[a-z0-9_]+", message = "must be a template name (a-z, 0-9, _)") String name,
            @Size(max = 15) @Pattern(regexp = "[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})?", message = "must be a language code such as es or en_US") String language,
            @Size(max = 20) List<@NotNull @Size(max = 1024) String> parameters,
            @Size(max = 10) List<@NotNull @OpaqueId String> buttonPayloads) {
    }

    public record Queued(long outboxId, String status) {
    }

    public record PairingRequest(@NotBlank @Pattern(regexp = "\\+?[0-9 ()-]{6,20}") String phoneNumber) {
    }

    public record AllowedNumbersBody(@NotNull @Size(max = 10_000) List<@Pattern(regexp = "\\+?[0-9 ()-]{6,20}") String> numbers) {
    }

    private final ProviderRegistry providers;
    private final TenantDirectory tenants;
    private final LeaseManager lease;
    private final InboxRepository inbox;
    private final OutboxRepository outbox;
    private final OutboxSender sender;
    private final AllowedNumbers allowedNumbers;

    public AdminController(ProviderRegistry providers, TenantDirectory tenants, LeaseManager lease, InboxRepository inbox,
            OutboxRepository outbox, OutboxSender sender, AllowedNumbers allowedNumbers) {
        this.providers = providers;
        this.tenants = tenants;
        this.lease = lease;
        this.inbox = inbox;
        this.outbox = outbox;
        this.sender = sender;
        this.allowedNumbers = allowedNumbers;
    }

    @GetMapping("/status")
    public GatewayStatus status() {
        return new GatewayStatus(lease.owner(), lease.isActive(), lease.holder(), inbox.pendingCount(), outbox.openCount(),
                tenants.ids().stream().map(this::tenantStatus).toList());
    }

    /** Connection state with the QR code or pairing code while a login is pending. */
    @GetMapping("/tenants/{tenant}/connection")
    public TenantStatus connection(@PathVariable String tenant) {
        return tenantStatus(tenants.require(tenant));
    }

    @PostMapping("/tenants/{tenant}/pairing-code")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public TenantStatus pairingCode(@PathVariable String tenant, @RequestBody @Valid PairingRequest request) {
        WhatsAppProvider provider = activeProvider(tenant);
        try {
            provider.requestPairingCode(request.phoneNumber());
        } catch (UnsupportedOperationException e) {
            throw ApiProblem.badRequest("not-supported", e.getMessage());
        }
        return tenantStatus(provider.tenantId());
    }

    @PostMapping("/tenants/{tenant}/reconnect")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public TenantStatus reconnect(@PathVariable String tenant) {
        WhatsAppProvider provider = activeProvider(tenant);
        provider.reconnect();
        return tenantStatus(provider.tenantId());
    }

    @PostMapping("/tenants/{tenant}/logout")
    public TenantStatus logout(@PathVariable String tenant) {
        WhatsAppProvider provider = activeProvider(tenant);
        try {
            provider.logout();
        } catch (UnsupportedOperationException e) {
            throw ApiProblem.badRequest("not-supported", e.getMessage());
        }
        return tenantStatus(provider.tenantId());
    }

    @GetMapping("/tenants/{tenant}/allowed-numbers")
    public Map<String, Set<String>> allowedNumbers(@PathVariable String tenant) {
        return Map.of("numbers", allowedNumbers.numbers(tenants.require(tenant)));
    }

    /** Replaces the filter; an empty list lets everyone through. */
    @PutMapping("/tenants/{tenant}/allowed-numbers")
    public Map<String, Set<String>> replaceAllowedNumbers(@PathVariable String tenant,
            @RequestBody @Valid AllowedNumbersBody body) {
        return Map.of("numbers", allowedNumbers.replace(tenants.require(tenant), body.numbers()));
    }

    /** A staff reply (human take-over): queued in the outbox, sent by the single active instance. */
    @PostMapping("/messages")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Queued send(@RequestBody @Valid StaffMessage message) {
        String tenantId = tenants.require(message.tenantId());
        long id = outbox.insert(tenantId, PhoneNumbers.digits(message.to()), message.message(),
                message.idempotencyKey() == null ? UUID.randomUUID() : message.idempotencyKey());
        sender.wake();
        return new Queued(id, "pending");
    }

    /** The tenant's latest outgoing messages, newest first: send status and delivery status (sent, delivered, read, failed). */
    @GetMapping("/tenants/{tenant}/messages")
    public List<OutboxRow> recentMessages(@PathVariable String tenant,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit) {
        return outbox.recent(tenants.require(tenant), limit);
    }

    @GetMapping("/messages/{id}")
    public OutboxRow message(@PathVariable long id) {
        return outbox.find(id).orElseThrow(() -> ApiProblem.notFound("message " + id));
    }

    private WhatsAppProvider activeProvider(String tenant) {
        String tenantId = tenants.require(tenant);
        if (!providers.active()) {
            throw ApiProblem.conflict("standby", "this instance is on standby; the active one holds the connection")
                    .with("lease_holder", lease.holder());
        }
        return providers.forTenant(tenantId);
    }

    private TenantStatus tenantStatus(String tenantId) {
        ConnectionStatus status = providers.status(tenantId);
        WhatsAppProvider provider = providers.forTenant(tenantId);
        return new TenantStatus(tenantId, provider.type().id(), status.state().name().toLowerCase(),
                status.detail(), status.qrCode(), status.pairingCode(), status.since(), provider.phoneNumber());
    }
}
