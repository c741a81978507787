package com.aiassistants.backend.job;

import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.aiassistants.backend.channel.InboundRequests;
import com.aiassistants.backend.channel.WebMessage;
import com.aiassistants.backend.tenant.Caller;
import com.aiassistants.common.channel.GatewayContract;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Async message endpoints (202 + job id) and job status, scoped to the caller's project. */
@RestController
@Tag(name = "jobs")
public class JobController {

    /** A client's key for one async submit without {@code message_id}: a retry with it gets the same job. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final InboundRequests requests;
    private final JobService jobs;

    public JobController(InboundRequests requests, JobService jobs) {
        this.requests = requests;
        this.jobs = jobs;
    }

    public record Accepted(String jobId) {
    }

    @Operation(summary = "Queue a web message; the reply comes from GET /v1/jobs/{id} or the signed callback")
    @PostMapping("/v1/async/conversations/{conversationId}/messages")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Accepted webAsync(Caller caller, @PathVariable String conversationId,
            @RequestHeader(value = "X-Customer-Id", required = false) String customerId,
            @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @Valid @RequestBody WebMessage body) {
        return new Accepted(jobs.submit(requests.web(caller, conversationId, customerId, body), idempotencyKey).toString());
    }

    @Operation(summary = "Queue a WhatsApp gateway message (same key and signature as the sync webhook)")
    @PostMapping(GatewayContract.ASYNC_INBOUND_PATH)
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Accepted whatsappAsync(Caller caller,
            @RequestHeader(value = GatewayContract.TIMESTAMP, required = false) String timestamp,
            @RequestHeader(value = GatewayContract.SIGNATURE, required = false) String signature,
            @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @RequestBody byte[] body) {
        return new Accepted(jobs.submit(requests.whatsapp(caller, timestamp, signature, body), idempotencyKey).toString());
    }

    @GetMapping("/v1/jobs/{jobId}")
    public JobView job(Caller caller, @PathVariable UUID jobId) {
        return jobs.find(caller.projectId(), jobId);
    }
}
