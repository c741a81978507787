package com.aiassistants.backend.simulator;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import com.aiassistants.backend.BackendProperties;
import com.aiassistants.common.cache.ExpiringCache;
import com.aiassistants.common.retry.Backoffs;
import com.aiassistants.common.retry.HttpAttempt;
import com.aiassistants.common.retry.TransientFailure;
import com.aiassistants.common.web.ApiProblem;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whatsapp-gateway's simulator, as the console's phone page needs it: whether a tenant runs the
 * simulator ({@code GET /admin/tenants/{t}/connection}, admin token), a fake user's message
 * ({@code POST /simulator/users/{phone}/messages?tenant=}) and chat ({@code GET} the same path).
 * Timeout per call, bounded retries with backoff on 5xx / I/O errors (sends carry a message id, so
 * the gateway deduplicates a retried one), metric {@code backend.simulator.calls}.
 */
@Component
public class GatewaySimulator {

    private static final Logger log = LoggerFactory.getLogger(GatewaySimulator.class);

    private final BackendProperties.Gateway gateway;
    private final BackendProperties.Simulator settings;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final RestClient http;
    private final ExpiringCache<String, Status> statuses;
    /** 5xx and I/O errors: {@code retries} more attempts, 200 ms doubling between them. */
    private final RetryTemplate retries;

    /** Whether the gateway plays this tenant with the simulator; {@code reason} says why not. */
    public record Status(boolean enabled, String provider, String reason) {
    }

    /** An answer of the gateway: its HTTP status and JSON body. */
    record Answer(int status, JsonNode body) {
    }

    public GatewaySimulator(BackendProperties properties, JsonMapper json, MeterRegistry meters) {
        this.gateway = properties.gateway();
        this.settings = properties.simulator();
        this.json = json;
        this.meters = meters;
        this.http = HttpAttempt.client(settings.timeout());
        this.statuses = ExpiringCache.of(settings.statusTtl(), 10_000);
        this.retries = Backoffs.retryTemplate(settings.retries(), Duration.ofMillis(200), Duration.ofHours(1),
                TransientFailure.class::isInstance);
    }

    public Status status(String tenant) {
        if (!settings.enabled()) {
            return new Status(false, null, "disabled");
        }
        return statuses.get(tenant, this::askStatus);
    }

    private Status askStatus(String tenant) {
        Status status;
        try {
            Answer answer = call("status", "GET", "/admin/tenants/" + encode(tenant) + "/connection", null, true);
            if (answer.status() == 404) {
                status = new Status(false, null, "unknown-gateway-tenant");
            } else if (answer.status() != 200) {
                status = new Status(false, null, "gateway-refused");
            } else {
                String provider = answer.body().path("provider").asString(null);
                
                status = new Status("simulator".equalsIgnoreCase(provider), provider,
                        "simulator".equalsIgnoreCase(provider) ? null : "not-simulator");
            }
        } catch (ApiProblem unreachable) {
            status = new Status(false, null, "gateway-unreachable");
        }
        return status;
    }

    public JsonNode send(String tenant, String phone, Map<String, Object> message) {
        requireSimulator(tenant);
        Answer answer = call("send", "POST", userPath(tenant, phone), json.writeValueAsBytes(message), false);
        return answer.body();
    }

    public JsonNode transcript(String tenant, String phone) {
        requireSimulator(tenant);
        return call("transcript", "GET", userPath(tenant, phone), null, false).body();
    }

    /** The gateway's simulator event stream, {@code ws(s)://…/simulator/ws}. */
    public URI eventStream() {
        String base = base();
        return URI.create(base.replaceFirst("^http", "ws") + "/simulator/ws");
    }

    public Duration timeout() {
        return settings.timeout();
    }

    private void requireSimulator(String tenant) {
        Status status = status(tenant);
        if (!status.enabled()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "simulator-disabled",
                    "the WhatsApp gateway does not run the simulator for this project (" + status.reason() + ")");
        }
    }

    private static String userPath(String tenant, String phone) {
        return "/simulator/users/" + encode(phone) + "/messages?tenant=" + encode(tenant);
    }

    private String base() {
        String url = settings.gatewayUrl() == null || settings.gatewayUrl().isBlank() ? gateway.url() : settings.gatewayUrl();
        if (url == null || url.isBlank()) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "gateway-not-configured",
                    "ai-assistants.backend.gateway.url is not set");
        }
        return url.replaceAll("/+$", "");
    }

    /**
     * One call with retries on 5xx and I/O errors. 4xx answers: a 400 is the caller's mistake (passed
     * on as a 400 problem); others are returned when {@code returnClientErrors}, else a 502 problem.
     */
    private Answer call(String operation, String method, String path, byte[] body, boolean returnClientErrors) {
        RestClient.RequestBodySpec spec = http.method(HttpMethod.valueOf(body != null ? "POST" : method))
                .uri(URI.create(base() + path))
                .accept(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + gateway.adminToken());
        RestClient.RequestHeadersSpec<?> request = body == null ? spec
                : spec.contentType(MediaType.APPLICATION_JSON).body(body);
        Timer.Sample sample = Timer.start(meters);
        String outcome = "error";
        AtomicInteger attempts = new AtomicInteger();
        try {
            HttpAttempt response;
            try {
                response = retries.execute(() -> {
                    attempts.incrementAndGet();
                    return HttpAttempt.of(request);
                });
            } catch (RetryException e) {
                String failure = e.getCause() == null ? "interrupted" : e.getCause().getMessage();
                log.warn("gateway simulator {} failed after {} attempts: {}", operation, attempts.get(), failure);
                throw new ApiProblem(HttpStatus.BAD_GATEWAY, "gateway-unavailable",
                        "the WhatsApp gateway did not answer (" + failure + ")");
            }
            int status = response.status();
            JsonNode parsed = response.body().length == 0 ? json.nullNode() : json.readTree(response.body());
            if (status < 300) {
                outcome = "ok";
                return new Answer(status, parsed);
            }
            outcome = "rejected";
            if (returnClientErrors) {
                return new Answer(status, parsed);
            }
            if (status == 400) {
                String type = parsed.path("type").asString("invalid-request");
                throw ApiProblem.badRequest(type.substring(type.lastIndexOf('/') + 1),
                        parsed.path("detail").asString("the simulator refused the request"));
            }
            throw new ApiProblem(HttpStatus.BAD_GATEWAY, "gateway-rejected",
                    "the WhatsApp gateway's simulator answered HTTP " + status);
        } finally {
            sample.stop(meters.timer("backend.simulator.calls", "operation", operation, "outcome", outcome));
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
