package com.aiassistants.gateway.cloud;

import java.util.List;
import java.util.function.Function;

import com.aiassistants.gateway.config.GatewayProperties;
import com.aiassistants.gateway.provider.ConnectionStatus;
import com.aiassistants.gateway.provider.OutboxMessage;
import com.aiassistants.gateway.provider.OutgoingMessage;
import com.aiassistants.gateway.provider.OwnNumber;
import com.aiassistants.gateway.provider.ProviderType;
import com.aiassistants.gateway.provider.SendException;
import com.aiassistants.gateway.provider.SendResult;
import com.aiassistants.gateway.provider.WhatsAppLimits;
import com.aiassistants.gateway.provider.WhatsAppProvider;

/**
 * A tenant's number on the WhatsApp Business Cloud API. Stateless (webhooks come in over HTTP), so
 * "connected" means configured. Outside the 24-hour window a free-form message is replaced by the
 * message's own template when it names one (a reminder), else the tenant's window template (in the project's
 * language unless one is configured, the reply as its sanitised body parameter), also when the Graph API reports
 * 131047. The Graph API offers no
 * idempotency key for messages, so a send with an unknown outcome is never repeated (at-most-once).
 */
public class CloudProvider implements WhatsAppProvider {

    private final String tenantId;
    private final GatewayProperties.Tenant tenant;
    private final GraphApiClient graph;
    private final CustomerWindow window;
    private final Function<String, String> projectLanguage;
    private final java.time.Clock clock;
    private volatile boolean started;
    /** The display_phone_number of the latest webhook, when the number is not configured. */
    private volatile String seenNumber;

    /** @param projectLanguage tenant id → the project's language ({@code es} / {@code en}) */
    public CloudProvider(String tenantId, GatewayProperties.Tenant tenant, GraphApiClient graph, CustomerWindow window,
            Function<String, String> projectLanguage, java.time.Clock clock) {
        this.clock = clock;
        this.tenantId = tenantId;
        this.projectLanguage = projectLanguage;
        this.tenant = tenant;
        this.graph = graph;
        this.window = window;
    }

    @Override
    public ProviderType type() {
        return ProviderType.CLOUD;
    }

    @Override
    public String tenantId() {
        return tenantId;
    }

    @Override
    public ConnectionStatus status() {
        if (tenant.phoneNumberId() == null || tenant.accessToken() == null) {
            return ConnectionStatus.of(ConnectionStatus.State.DISCONNECTED, "phone-number-id or access-token missing",
                    clock.instant());
        }
        return started ? ConnectionStatus.of(ConnectionStatus.State.CONNECTED, "Cloud API", clock.instant())
                : ConnectionStatus.of(ConnectionStatus.State.DISCONNECTED, "stopped", clock.instant());
    }

    /** The configured {@code phone-number}, else the {@code display_phone_number} its webhooks carry (null before one came). */
    @Override
    public String phoneNumber() {
        String configured = OwnNumber.of(tenant.phoneNumber());
        return configured != null ? configured : seenNumber;
    }

    /** A webhook for this number named its {@code metadata.display_phone_number}. */
    public void displayPhoneNumber(String number) {
        String normalized = OwnNumber.of(number);
        if (normalized != null) {
            seenNumber = normalized;
        }
    }

    @Override
    public void start() {
        started = true;
    }

    @Override
    public void stop() {
        started = false;
    }

    @Override
    public boolean idempotentResend() {
        return false;
    }

    @Override
    public SendResult send(OutboxMessage message) throws SendException {
        OutgoingMessage outgoing = message.message();
        if (outgoing.kind() != OutgoingMessage.Kind.TEMPLATE && !window.isOpen(message.lastInboundAt())) {
            outgoing = windowTemplate(outgoing, "the 24-hour window is closed");
        }
        try {
            return new SendResult(send(message.toNumber(), outgoing), outgoing.kind());
        } catch (GraphApiClient.WindowClosedException e) {
            if (outgoing.kind() == OutgoingMessage.Kind.TEMPLATE) {
                throw SendException.permanent("131047", e.getMessage());
            }
            OutgoingMessage template = windowTemplate(outgoing, e.getMessage());
            try {
                return new SendResult(send(message.toNumber(), template), template.kind());
            } catch (GraphApiClient.WindowClosedException again) {
                throw SendException.permanent("131047", again.getMessage());
            }
        }
    }

    private String send(String to, OutgoingMessage outgoing) throws SendException, GraphApiClient.WindowClosedException {
        return graph.send(tenant.phoneNumberId(), tenant.accessToken(), to, outgoing);
    }

    private OutgoingMessage windowTemplate(OutgoingMessage original, String why) throws SendException {
        if (original.hasOwnTemplate()) {
            return original.ownTemplate(original.templateLanguage() == null || original.templateLanguage().isBlank()
                    ? projectLanguage.apply(tenantId) : original.templateLanguage());
        }
        GatewayProperties.WindowTemplate template = tenant.windowTemplate();
        if (template == null || template.name() == null || template.name().isBlank()) {
            throw SendException.permanent("131047", why + " and no window template is configured");
        }
        List<String> parameters = template.textAsParameter()
                ? List.of(WhatsAppLimits.templateParameter(original.asPlainText())) : List.of();
        String language = template.language() == null || template.language().isBlank()
                ? projectLanguage.apply(tenantId) : template.language();
        return OutgoingMessage.template(template.name(), language, parameters);
    }
}
