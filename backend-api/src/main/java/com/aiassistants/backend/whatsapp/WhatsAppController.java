package com.aiassistants.backend.whatsapp;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.aiassistants.backend.tenant.AdminUsers.Role;
import com.aiassistants.backend.tenant.Caller;
import com.aiassistants.backend.whatsapp.WhatsAppViews.AllowedNumbers;
import com.aiassistants.backend.whatsapp.WhatsAppViews.Connection;
import com.aiassistants.backend.whatsapp.WhatsAppViews.FailedMessage;
import com.aiassistants.backend.whatsapp.WhatsAppViews.PairingRequest;
import com.aiassistants.backend.whatsapp.WhatsAppViews.RecentMessage;
import com.aiassistants.backend.whatsapp.WhatsAppViews.Requeued;
import com.aiassistants.backend.whatsapp.WhatsAppViews.RetryRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The console's WhatsApp page: the project's connection on the gateway, through backend-api (which holds the
 * gateway's admin token). Every role reads; owners and admins change the connection, the allowed numbers and
 * re-queue failed messages. The project is always the caller's.
 */
@RestController
@Validated
@Tag(name = "whatsapp")
public class WhatsAppController {

    private final WhatsAppGateway gateway;

    public WhatsAppController(WhatsAppGateway gateway) {
        this.gateway = gateway;
    }

    @Operation(summary = "Provider and honest state of the project's WhatsApp connection; the QR string or pairing code while a login is pending (admin)")
    @GetMapping("/v1/admin/whatsapp/connection")
    public Connection connection(Caller caller) {
        String project = caller.requireAdminOnOwnProject(Role.STAFF);
        return gateway.call(project, "GET", "/connection", null, Connection.class).forViewer(manager(caller));
    }

    @Operation(summary = "Log in with a pairing code for this phone number instead of a QR (WhatsApp Web; admin)")
    @PostMapping("/v1/admin/whatsapp/pairing-code")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Connection pairingCode(Caller caller, @RequestBody @Valid PairingRequest request) {
        String project = caller.requireAdminOnOwnProject(Role.ADMIN);
        return gateway.call(project, "POST", "/pairing-code", Map.of("phone_number", request.phoneNumber()),
                Connection.class).forViewer(true);
    }

    @Operation(summary = "Reconnect the project's WhatsApp session (a new QR when it has none; admin)")
    @PostMapping("/v1/admin/whatsapp/reconnect")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Connection reconnect(Caller caller) {
        String project = caller.requireAdminOnOwnProject(Role.ADMIN);
        return gateway.call(project, "POST", "/reconnect", null, Connection.class).forViewer(true);
    }

    @Operation(summary = "Log the project's WhatsApp session out (a new QR or pairing code is needed; admin)")
    @PostMapping("/v1/admin/whatsapp/logout")
    public Connection logout(Caller caller) {
        String project = caller.requireAdminOnOwnProject(Role.ADMIN);
        return gateway.call(project, "POST", "/logout", null, Connection.class).forViewer(true);
    }

    @Operation(summary = "Numbers the assistant answers (empty = everyone)")
    @GetMapping("/v1/admin/whatsapp/allowed-numbers")
    public AllowedNumbers allowedNumbers(Caller caller) {
        return gateway.call(caller.requireAdminOnOwnProject(Role.STAFF), "GET", "/allowed-numbers", null,
                AllowedNumbers.class);
    }

    @Operation(summary = "Replace the allowed numbers (empty = everyone; admin)")
    @PutMapping("/v1/admin/whatsapp/allowed-numbers")
    public AllowedNumbers replaceAllowedNumbers(Caller caller, @RequestBody @Valid AllowedNumbers body) {
        String project = caller.requireAdminOnOwnProject(Role.ADMIN);
        return gateway.call(project, "PUT", "/allowed-numbers", Map.of("numbers", body.numbers()), AllowedNumbers.class);
    }

    @Operation(summary = "Inbound messages that failed for good, newest first")
    @GetMapping("/v1/admin/whatsapp/failed-messages")
    public List<FailedMessage> failedMessages(Caller caller,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        String project = caller.requireAdminOnOwnProject(Role.STAFF);
        return Arrays.asList(gateway.call(project, "GET", "/inbox/failed?limit=" + limit, null, FailedMessage[].class));
    }

    @Operation(summary = "Re-queue failed inbound messages (the given ids, or all of them when none are given; admin)")
    @PostMapping("/v1/admin/whatsapp/failed-messages/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Requeued retry(Caller caller, @RequestBody(required = false) @Valid RetryRequest request) {
        String project = caller.requireAdminOnOwnProject(Role.ADMIN);
        List<Long> ids = request == null || request.ids() == null ? List.of() : request.ids();
        return gateway.call(project, "POST", "/inbox/failed/retry", Map.of("ids", ids), Requeued.class);
    }

    @Operation(summary = "The latest outgoing WhatsApp messages with their send and delivery status, newest first")
    @GetMapping("/v1/admin/whatsapp/messages")
    public List<RecentMessage> recentMessages(Caller caller,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit) {
        String project = caller.requireAdminOnOwnProject(Role.STAFF);
        return Arrays.asList(gateway.call(project, "GET", "/messages?limit=" + limit, null, RecentMessage[].class));
    }

    private static boolean manager(Caller caller) {
        return caller.superadmin() || (caller.role() != null && caller.role().ordinal() <= Role.ADMIN.ordinal());
    }
}
