package com.aiassistants.backend.orders;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import com.aiassistants.backend.assistant.orders.OrderDesk;
import com.aiassistants.common.channel.HmacSignatures;
import com.aiassistants.common.retry.Backoffs;
import com.aiassistants.common.retry.HttpAttempt;
import com.aiassistants.common.retry.TransientFailure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls a project's orders hook: {@code POST <url>} of {@code {action, payload}}, signed like job callbacks
 * ({@code X-Hook-Timestamp}, {@code X-Hook-Signature} = base64(HMAC-SHA256(secret, timestamp + "." + body)), the
 * one scheme of {@link HmacSignatures}), with {@code orders.timeout} per attempt and {@code orders.retries} retries
 * on 5xx, timeouts and I/O errors; a 4xx (a refused signature, a bad request) is not retried. Every call is one
 * {@code backend.order_hook.calls} timer sample tagged with the action and the outcome (never the tenant).
 */
@Component
public class OrderHookClient {

    /** The hook's answer. */
    public record HookResponse(Boolean ok, OrderDesk.Order order, List<OrderDesk.Order> orders,
            OrderDesk.Shipment shipment, OrderDesk.Claim claim, String error) {
    }

    /** What a call came to: the answer (any 2xx or 404 body), else why not. */
    public record Outcome(HookResponse response, String failure) {
    }

    private static final Logger log = LoggerFactory.getLogger(OrderHookClient.class);

    private final OrderHookProperties settings;
    private final MeterRegistry meters;
    private final Clock clock;
    private final RestClient http;
    private final RetryTemplate retries;
    private final JsonMapper json;

    public OrderHookClient(OrderHookProperties settings, MeterRegistry meters, Clock clock, JsonMapper json) {
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        // HTTP/1.1: no h2c upgrade on a plain-http hook (the local profile's), which some small servers mishandle
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build());
        requests.setReadTimeout(settings.timeout());
        this.http = RestClient.builder().requestFactory(requests).build();
        this.retries = Backoffs.retryTemplate(settings.retries(), settings.backoff(), Duration.ofSeconds(5),
                TransientFailure.class::isInstance);
    }

    public Outcome call(OrderHooks.Hook hook, String action, Map<String, Object> payload) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "failed";
        try {
            String refused = OrderHookUrl.refusal(hook.url(), settings.allowLocal());
            if (refused != null) {
                outcome = "refused";
                log.warn("order hook not called ({}): {}", action, refused);
                return new Outcome(null, "refused");
            }
            Map<String, Object> envelope = new LinkedHashMap<>();
            envelope.put("action", action);
            envelope.put("payload", payload);
            byte[] body = json.writeValueAsBytes(envelope);
            String timestamp = Long.toString(clock.instant().getEpochSecond());
            String delivery = UUID.randomUUID().toString();
            RestClient.RequestHeadersSpec<?> request = http.post().uri(URI.create(hook.url()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .header("X-Hook-Action", action)
                    .header("X-Hook-Delivery-Id", delivery)
                    .header("X-Hook-Timestamp", timestamp)
                    .header("X-Hook-Signature", HmacSignatures.sign(hook.secret(), timestamp, body))
                    .body(body);
            AtomicInteger attempts = new AtomicInteger();
            HttpAttempt answer;
            try {
                answer = retries.execute(() -> {
                    attempts.incrementAndGet();
                    return HttpAttempt.of(request);
                });
            } catch (RetryException e) {
                String failure = e.getCause() == null ? "interrupted" : e.getCause().getMessage();
                outcome = failure.startsWith("HTTP") ? "server_error" : "unreachable";
                log.warn("order hook {} failed after {} attempts: {}", action, attempts.get(), failure);
                return new Outcome(null, failure);
            }
            if (answer.status() >= 300 && answer.status() != 404) {
                outcome = "rejected";
                log.warn("order hook {} answered HTTP {} (not retried; 401/403: check the hook secret)", action,
                        answer.status());
                return new Outcome(null, "HTTP " + answer.status());
            }
            HookResponse response;
            try {
                response = json.readValue(answer.body(), HookResponse.class);
            } catch (RuntimeException e) {
                outcome = "bad_answer";
                log.warn("order hook {} answered HTTP {} with a body that is not the hook's JSON", action, answer.status());
                return new Outcome(null, "unreadable answer");
            }
            outcome = response != null && Boolean.TRUE.equals(response.ok()) ? "ok" : "not_ok";
            return new Outcome(response, null);
        } finally {
            sample.stop(meters.timer("backend.order_hook.calls", "action", action, "outcome", outcome));
        }
    }
}
