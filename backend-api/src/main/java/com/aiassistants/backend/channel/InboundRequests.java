package com.aiassistants.backend.channel;

import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

import com.aiassistants.backend.conversation.InboundMessage;
import com.aiassistants.backend.ratelimit.RateLimiter;
import com.aiassistants.backend.support.Inputs;
import com.aiassistants.backend.tenant.Caller;
import com.aiassistants.backend.tenant.Project;
import com.aiassistants.backend.tenant.Projects;
import com.aiassistants.common.channel.GatewayInbound;
import com.aiassistants.common.channel.GatewayNotice;
import com.aiassistants.common.web.ApiProblem;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Turns web and WhatsApp requests into checked {@link InboundMessage}s (shared by the sync and async endpoints). */
@Component
public class InboundRequests {

    private final Projects projects;
    private final WebhookSignatureVerifier signatures;
    private final RateLimiter rateLimiter;
    private final JsonMapper json;
    private final Validator validator;
    private final boolean callbackAllowLocal;

    public InboundRequests(Projects projects, WebhookSignatureVerifier signatures, RateLimiter rateLimiter,
            JsonMapper json, Validator validator, com.aiassistants.backend.BackendProperties properties) {
        this.callbackAllowLocal = properties.jobs().callbackAllowLocal();
        this.projects = projects;
        this.signatures = signatures;
        this.rateLimiter = rateLimiter;
        this.json = json;
        this.validator = validator;
    }

    public record Checked(InboundMessage message, String callbackUrl) {
    }

    public Checked whatsapp(Caller caller, String timestamp, String signature, byte[] body) {
        Project project = gatewayProject(caller, timestamp, signature, body);
        GatewayInbound inbound = read(body, GatewayInbound.class);
        boolean noText = inbound.text() == null || inbound.text().isBlank();
        if (noText && inbound.replyId() == null) {
            throw ApiProblem.badRequest("invalid-text", "text must not be blank unless reply_id is given");
        }
        String phone = Inputs.phone(inbound.fromNumber());
        rateLimiter.checkEndUser(project, phone);
        String customerId = inbound.customerId() == null ? phone : inbound.customerId();
        return new Checked(new InboundMessage(project.id(), "whatsapp:" + phone, "whatsapp", customerId,
                inbound.customerName(), inbound.text() == null ? "" : inbound.text(), inbound.replyId(),
                inbound.messageId()), callback(project, inbound.callbackUrl()));
    }

    /** A signed notice from the gateway (a user changed their number), checked like a message. */
    public GatewayNotice notice(Caller caller, String timestamp, String signature, byte[] body) {
        gatewayProject(caller, timestamp, signature, body);
        return read(body, GatewayNotice.class);
    }

    private Project gatewayProject(Caller caller, String timestamp, String signature, byte[] body) {
        if (caller.kind() != Caller.Kind.API_KEY) {
            throw ApiProblem.forbidden("the gateway webhook takes the project's X-API-Key");
        }
        Project project = projects.require(caller.projectId());
        signatures.verify(project, timestamp, signature, body);
        return project;
    }

    private <T> T read(byte[] body, Class<T> type) {
        T value;
        try {
            value = json.readValue(body, type);
        } catch (JacksonException e) {
            throw ApiProblem.badRequest("malformed-json", "the body is not the expected JSON object");
        }
        if (value == null) {
            throw ApiProblem.badRequest("malformed-json", "the body is empty");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw ApiProblem.badRequest("validation-failed", "Request validation failed").with("errors",
                    violations.stream().map(v -> java.util.Map.of("field",
                            v.getPropertyPath().toString().replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT),
                            "message", v.getMessage())).toList());
        }
        return value;
    }

    public Checked web(Caller caller, String conversationId, String customerIdHeader, WebMessage body) {
        Inputs.id("conversation_id", conversationId);
        if (conversationId.startsWith("whatsapp:")) {
            throw ApiProblem.badRequest("invalid-conversation_id", "whatsapp: conversations take messages through the gateway webhook");
        }
        if (conversationId.startsWith("sandbox:")) {
            throw ApiProblem.badRequest("invalid-conversation_id", "sandbox: conversations belong to the console's try-it panel");
        }
        String customerId = Inputs.optionalOpaqueId("customer_id", customerIdHeader);
        Project project = projects.require(caller.projectId());
        String endUser = customerId == null ? "web:" + conversationId : customerId;
        rateLimiter.checkEndUser(project, endUser);
        return new Checked(new InboundMessage(project.id(), conversationId, "web", endUser, body.customerName(),
                Inputs.text(body.text(), false), null, Inputs.optionalOpaqueId("message_id", body.messageId())),
                callback(project, body.callbackUrl()));
    }

    private String callback(Project project, String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        return com.aiassistants.backend.job.CallbackUrls.check(url, callbackAllowLocal,
                project.settings().callbackHostsOrEmpty());
    }
}
