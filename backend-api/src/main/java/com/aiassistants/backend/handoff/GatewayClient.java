package com.aiassistants.backend.handoff;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import com.aiassistants.backend.BackendProperties;
import com.aiassistants.common.channel.PhoneNumbers;
import com.aiassistants.common.retry.Backoffs;
import com.aiassistants.common.retry.HttpAttempt;
import com.aiassistants.common.retry.TransientFailure;
import com.aiassistants.common.web.ApiProblem;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends staff replies, reminders and notices to WhatsApp users through the gateway: {@code POST
 * {gateway-url}/admin/messages {to, text, …}} with {@code Authorization: Bearer <gateway.admin-token>}; timeout per call, bounded
 * retries with backoff on 5xx / I/O errors, metric {@code backend.gateway.calls}.
 */
@Component
public class GatewayClient {

    private static final Logger log = LoggerFactory.getLogger(GatewayClient.class);

    private final BackendProperties.Gateway settings;
    private final BackendProperties.Simulator tenants;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final RestClient http;
    /** 5xx and I/O errors: {@code retries} more attempts, 200 ms doubling between them. */
    private final RetryTemplate retries;

    public GatewayClient(BackendProperties properties, JsonMapper json, MeterRegistry meters) {
        this.settings = properties.gateway();
        this.tenants = properties.simulator();
        this.json = json;
        this.meters = meters;
        this.http = HttpAttempt.client(settings.timeout());
        this.retries = Backoffs.retryTemplate(settings.retries(), Duration.ofMillis(200), Duration.ofHours(1),
                TransientFailure.class::isInstance);
    }


    /**
     * A message with optional reply buttons, the approved template to send instead outside WhatsApp's 24-hour
     * window, and an idempotency key (the gateway queues one message per key, so a retry never sends twice).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Message(String tenantId, String to, String text, List<Button> buttons, Template template,
            UUID idempotencyKey) {
    }

    public record Button(String id, String title) {
    }

    /** @param language null = the project's language */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Template(String name, String language, List<String> parameters, List<String> buttonPayloads) {
    }

    record Queued(long outboxId, String status) {
    }

    /**
     * Sends a text to a WhatsApp user of the project, through the gateway tenant the project is mapped to
     * ({@code simulator.gateway-tenants}; its own id otherwise).
     */
    public void send(String projectId, String to, String text) {
        post(new Message(tenants.gatewayTenant(projectId), to, text, null, null, null), to);
    }

    /** Queues the message in the gateway's outbox; returns its outbox id. Same errors as {@link #send(String, String, String)}. */
    public long send(Message message) {
        byte[] answer = post(message, message.to());
        try {
            return json.readValue(answer, Queued.class).outboxId();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private byte[] post(Object body, String to) {
        HttpAttempt response = call("/admin/messages", body, to);
        if (response.status() >= 300) {
            throw new ApiProblem(HttpStatus.BAD_GATEWAY, "gateway-rejected",
                    "the WhatsApp gateway refused the message (HTTP " + response.status() + ")");
        }
        return response.body();
    }

    /** What the gateway erased of a patient: {@code erased}, or why nothing was (no gateway, tenant not on it). */
    public enum ErasureOutcome { ERASED, NOT_ON_GATEWAY, NOT_CONFIGURED }

    /**
     * Erases the gateway's copies of a patient's messages ({@code POST /admin/tenants/{tenant}/customers/erase}).
     * A project the gateway does not serve (404) has nothing there; any other refusal or outage is a 502 problem.
     */
    public ErasureOutcome eraseCustomer(String projectId, String number) {
        if (settings.url() == null || settings.url().isBlank()) {
            return ErasureOutcome.NOT_CONFIGURED;
        }
        String tenant = java.net.URLEncoder.encode(tenants.gatewayTenant(projectId), java.nio.charset.StandardCharsets.UTF_8);
        HttpAttempt response = call("/admin/tenants/" + tenant + "/customers/erase",
                java.util.Map.of("number", number), number);
        if (response.status() == 404) {
            return ErasureOutcome.NOT_ON_GATEWAY;
        }
        if (response.status() >= 300) {
            throw new ApiProblem(HttpStatus.BAD_GATEWAY, "gateway-rejected",
                    "the WhatsApp gateway refused the erasure (HTTP " + response.status() + ")");
        }
        return ErasureOutcome.ERASED;
    }

    /** POSTs to the gateway, retrying 5xx and I/O errors; answers any response below 500. */
    private HttpAttempt call(String path, Object body, String to) {
        if (settings.url() == null || settings.url().isBlank()) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "gateway-not-configured",
                    "ai-assistants.backend.gateway.url is not set");
        }
        RestClient.RequestHeadersSpec<?> request = http.post()
                .uri(URI.create(settings.url().replaceAll("/+$", "") + path))
                .contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + settings.adminToken())
                .body(json.writeValueAsBytes(body));
        Timer.Sample sample = Timer.start(meters);
        String outcome = "error";
        AtomicInteger attempts = new AtomicInteger();
        try {
            HttpAttempt response = retries.execute(() -> {
                attempts.incrementAndGet();
                return HttpAttempt.of(request);
            });
            outcome = response.status() < 300 ? "ok" : "rejected";
            return response;
        } catch (RetryException e) {
            String failure = e.getCause() == null ? "interrupted" : e.getCause().getMessage();
            log.warn("gateway call for {} failed after {} attempts: {}", PhoneNumbers.mask(to), attempts.get(), failure);
            throw new ApiProblem(HttpStatus.BAD_GATEWAY, "gateway-unavailable",
                    "the WhatsApp gateway did not answer (" + failure + ")");
        } finally {
            sample.stop(meters.timer("backend.gateway.calls", "outcome", outcome));
        }
    }
}
