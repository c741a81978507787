package com.aiassistants.backend.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.aiassistants.backend.BackendProperties;
import com.aiassistants.backend.simulator.PhoneMessages.PhoneMessage;
import com.aiassistants.backend.tenant.AdminUsers.Role;
import com.aiassistants.backend.tenant.Caller;
import com.aiassistants.common.web.ApiProblem;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/**
 * The console's phone page: plays a patient of the caller's project through the gateway's simulator
 * provider (never another project's: the gateway tenant comes from the caller's project).
 */
@RestController
@Validated
@Tag(name = "simulator")
public class SimulatorController {

    private final GatewaySimulator simulator;
    private final BackendProperties.Simulator settings;

    public SimulatorController(GatewaySimulator simulator, BackendProperties properties) {
        this.simulator = simulator;
        this.settings = properties.simulator();
    }

    /**
     * @param provider the gateway's provider for the project when known ({@code simulator}, {@code cloud}, {@code web})
     * @param reason   why the phone is not available: {@code disabled}, {@code unknown-gateway-tenant},
     *                 {@code not-simulator}, {@code gateway-refused}, {@code gateway-unreachable}
     */
    public record SimulatorStatus(boolean enabled, @Schema(types = {"string", "null"}) String provider,
            @Schema(types = {"string", "null"}) String reason) {
    }

    /** What the patient does: type {@code text}, or tap a button/list item ({@code reply_id} + {@code reply_title}). */
    public record PhoneInput(@Size(max = 4096) String text, @Size(max = 256) String replyId,
            @Size(max = 256) String replyTitle, @Size(max = 128) String customerName) {
    }

    public record PhoneAccepted(String messageId) {
    }

    @Operation(summary = "Whether the phone page can play this project's patients (the gateway runs its simulator)")
    @GetMapping("/v1/admin/simulator")
    public SimulatorStatus status(Caller caller) {
        GatewaySimulator.Status status = simulator.status(tenant(caller));
        return new SimulatorStatus(status.enabled(), status.provider(), status.reason());
    }

    @Operation(summary = "Send a message as the patient with this phone number")
    @PostMapping("/v1/admin/simulator/users/{phone}/messages")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public PhoneAccepted send(Caller caller, @PathVariable String phone, @Valid @RequestBody PhoneInput input) {
        String tenant = tenant(caller);
        boolean reply = input.replyId() != null && !input.replyId().isBlank();
        if (!reply && (input.text() == null || input.text().isBlank())) {
            throw ApiProblem.badRequest("empty-message", "send text, or reply_id (and reply_title) of a button or list item")
                    .with("errors", java.util.List.of(java.util.Map.of("field", "text", "message",
                            "must not be blank unless reply_id is given")));
        }
        // our id, so a retried POST is deduplicated by the gateway
        String messageId = "console-" + UUID.randomUUID();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("message_id", messageId);
        if (reply) {
            message.put("reply_id", input.replyId());
            message.put("reply_title", input.replyTitle());
        } else {
            message.put("text", input.text());
        }
        if (input.customerName() != null && !input.customerName().isBlank()) {
            message.put("customer_name", input.customerName());
        }
        simulator.send(tenant, Phones.digits(phone), message);
        return new PhoneAccepted(messageId);
    }

    @Operation(summary = "The simulated chat with this phone number, oldest first")
    @GetMapping("/v1/admin/simulator/users/{phone}/messages")
    public List<PhoneMessage> transcript(Caller caller, @PathVariable String phone) {
        JsonNode entries = simulator.transcript(tenant(caller), Phones.digits(phone));
        return entries.valueStream().map(PhoneMessages::fromTranscript).toList();
    }

    private String tenant(Caller caller) {
        return settings.gatewayTenant(caller.requireAdminOnOwnProject(Role.STAFF));
    }
}
