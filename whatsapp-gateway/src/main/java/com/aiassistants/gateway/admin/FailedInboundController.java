package com.aiassistants.gateway.admin;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.aiassistants.gateway.config.TenantDirectory;
import com.aiassistants.gateway.inbox.InboxForwarder;
import com.aiassistants.gateway.inbox.InboxRepository;
import com.aiassistants.gateway.inbox.InboxRepository.FailedInbound;

/**
 * Inbound messages that failed for good (the backend refused them as invalid, or stayed down past
 * {@code workers.max-attempts}; the user got a polite "could not process it"): listed for the console and
 * re-queued by staff once the cause is fixed. Also the users who changed their number ({@code /notices}).
 */
@RestController
@Validated
@RequestMapping("/admin/tenants/{tenant}/inbox")
public class FailedInboundController {

    public record RetryRequest(@Size(max = 1000) List<Long> ids) {
    }

    public record Requeued(List<Long> requeued) {
    }

    private final TenantDirectory tenants;
    private final InboxRepository inbox;
    private final InboxForwarder forwarder;

    public FailedInboundController(TenantDirectory tenants, InboxRepository inbox, InboxForwarder forwarder) {
        this.tenants = tenants;
        this.inbox = inbox;
        this.forwarder = forwarder;
    }

    @GetMapping("/failed")
    public List<FailedInbound> list(@PathVariable String tenant,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return inbox.failed(tenants.require(tenant), limit);
    }

    /** Users who told WhatsApp they changed their number (text = the new number), newest first. */
    @GetMapping("/notices")
    public List<FailedInbound> notices(@PathVariable String tenant,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return inbox.notices(tenants.require(tenant), limit);
    }

    /** Re-queues the given failed messages, or all of the tenant's when {@code ids} is absent or empty. */
    @PostMapping("/failed/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Requeued retry(@PathVariable String tenant, @RequestBody(required = false) RetryRequest request) {
        List<Long> ids = request == null || request.ids() == null ? List.of() : request.ids();
        List<Long> requeued = inbox.requeueFailed(tenants.require(tenant), ids);
        if (!requeued.isEmpty()) {
            forwarder.wake();
        }
        return new Requeued(requeued);
    }
}
