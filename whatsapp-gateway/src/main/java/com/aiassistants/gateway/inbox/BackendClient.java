package com.aiassistants.gateway.inbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import com.aiassistants.common.channel.ChannelProfile;
import com.aiassistants.common.tracing.Traces;
import com.aiassistants.common.channel.GatewayContract;
import com.aiassistants.common.channel.GatewayInbound;
import com.aiassistants.common.channel.GatewayNotice;
import com.aiassistants.common.channel.GatewayReply;
import com.aiassistants.common.channel.HmacSignatures;
import com.aiassistants.gateway.config.GatewayProperties;
import com.aiassistants.gateway.config.TenantDirectory;
import com.aiassistants.gateway.ops.GatewayMetrics;

import io.micrometer.core.instrument.Timer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls backend-api's gateway webhook ({@link GatewayContract}: {@code X-API-Key}, {@code X-Webhook-Timestamp},
 * {@code X-Webhook-Signature} by {@link HmacSignatures}). Retries are the forwarder's (the backend dedupes on message_id, so a
 * repeated call returns the first reply).
 */
@Component
public class BackendClient {

    private final TenantDirectory tenants;
    private final JsonMapper json;
    private final GatewayMetrics metrics;
    private final Duration timeout;
    private final RestClient http;
    private final Traces traces;
    private final java.time.Clock clock;

    public BackendClient(TenantDirectory tenants, JsonMapper json, GatewayMetrics metrics, GatewayProperties properties,
            Traces traces, java.time.Clock clock) {
        this.clock = clock;
        this.traces = traces;
        this.tenants = tenants;
        this.json = json;
        this.metrics = metrics;
        this.timeout = properties.workers().backendTimeout();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // backend-api is plain HTTP in the VPC: no h2c upgrade attempt
                .connectTimeout(Duration.ofSeconds(2)).build());
        requests.setReadTimeout(timeout);
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    /** Thrown for a failed call; {@code retryable} false for 4xx answers other than 401/403/408/429. */
    public static class BackendException extends Exception {
        private final boolean retryable;

        BackendException(String message, boolean retryable, Throwable cause) {
            super(message, cause);
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    public GatewayReply forward(String tenantId, GatewayInbound request) throws BackendException {
        return traces.call("backend-api inbound", traceHeaders -> forward(tenantId, request, traceHeaders));
    }

    private GatewayReply forward(String tenantId, GatewayInbound request, java.util.Map<String, String> traceHeaders)
            throws BackendException {
        byte[] reply = post(tenantId, GatewayContract.INBOUND_PATH, request, traceHeaders);
        try {
            return json.readValue(reply, GatewayReply.class);
        } catch (tools.jackson.core.JacksonException e) {
            throw new BackendException("backend reply unreadable: " + e.getOriginalMessage(), true, e);
        }
    }

    /** A notice (a user changed their number): backend-api records it for staff, once per message id. */
    public void notice(String tenantId, GatewayNotice notice) throws BackendException {
        traces.call("backend-api notice", traceHeaders -> post(tenantId, GatewayContract.NOTICE_PATH, notice, traceHeaders));
    }

    /** A signed POST; the answer's body when it is 2xx. */
    private byte[] post(String tenantId, String path, Object request, java.util.Map<String, String> traceHeaders)
            throws BackendException {
        GatewayProperties.Backend backend = tenants.get(tenantId).backend();
        byte[] body = json.writeValueAsBytes(request);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        RestClient.RequestBodySpec spec = http.post().uri(URI.create(stripSlash(backend.baseUrl()) + path))
                .contentType(MediaType.APPLICATION_JSON)
                .header(GatewayContract.TIMESTAMP, timestamp);
        traceHeaders.forEach(spec::header);
        if (backend.apiKey() != null && !backend.apiKey().isBlank()) {
            spec.header(GatewayContract.API_KEY, backend.apiKey());
        }
        if (backend.hmacSecret() != null && !backend.hmacSecret().isBlank()) {
            spec.header(GatewayContract.SIGNATURE, HmacSignatures.sign(backend.hmacSecret(), timestamp, body));
        }
        Timer.Sample sample = Timer.start();
        String outcome = "error";
        try {
            Answer response = exchange(spec.body(body));
            int status = response.status();
            outcome = Integer.toString(status / 100) + "xx";
            if (status / 100 == 2) {
                return response.body();
            }
            // 401/403: backend-api refused our key or signature (a rotation, a typo): our configuration, not the
            // message, is wrong, so keep retrying with backoff until someone fixes it instead of dropping it
            boolean retryable = status >= 500 || status == 429 || status == 408 || status == 401 || status == 403;
            throw new BackendException("backend answered " + status + ": "
                    + InboxRepository.truncate(new String(response.body(), StandardCharsets.UTF_8)), retryable, null);
        } catch (ResourceAccessException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            outcome = cause instanceof java.net.http.HttpTimeoutException ? "timeout" : "io_error";
            throw new BackendException("backend unreachable: " + cause, true, cause);
        } finally {
            sample.stop(metrics.backendTimer(outcome));
        }
    }

    /** The project's profile (language, time zone) from backend-api. */
    public ChannelProfile profile(String tenantId) throws BackendException {
        GatewayProperties.Backend backend = tenants.get(tenantId).backend();
        RestClient.RequestHeadersSpec<?> request = http.get()
                .uri(URI.create(stripSlash(backend.baseUrl()) + GatewayContract.PROFILE_PATH));
        if (backend.apiKey() != null && !backend.apiKey().isBlank()) {
            request.header(GatewayContract.API_KEY, backend.apiKey());
        }
        try {
            Answer response = exchange(request);
            if (response.status() / 100 != 2) {
                throw new BackendException("backend answered " + response.status() + " for the profile", true, null);
            }
            return json.readValue(response.body(), ChannelProfile.class);
        } catch (ResourceAccessException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new BackendException("profile unavailable: " + cause, true, cause);
        } catch (tools.jackson.core.JacksonException e) {
            throw new BackendException("profile unavailable: " + e, true, e);
        }
    }

    /** An answer's status and body, whatever the status. */
    private record Answer(int status, byte[] body) {
    }

    private static Answer exchange(RestClient.RequestHeadersSpec<?> request) {
        return request.exchange((sent, response) -> new Answer(response.getStatusCode().value(),
                response.getBody().readAllBytes()));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
