package com.aiassistants.calendar.google;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import com.aiassistants.common.retry.Backoffs;
import com.aiassistants.common.retry.HttpAttempt;
import com.aiassistants.common.retry.TransientFailure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every call to Google: the configured timeout, {@code retries} more attempts (200 ms doubling) on 5xx, 429 and I/O
 * errors, and the timer {@code calendar.google.calls{operation, outcome}}. Never logs a token or a body.
 */
@Component
class GoogleHttp {

    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Google did not answer usefully after the retries (5xx, 429, timeout, connection refused). */
    static final class GoogleUnavailableException extends RuntimeException {
        GoogleUnavailableException(String operation, String failure) {
            super("Google " + operation + " failed: " + failure, null, false, false);
        }
    }

    private final RestClient http;
    private final RetryTemplate retries;
    private final MeterRegistry meters;

    GoogleHttp(GoogleProperties properties, MeterRegistry meters) {
        this.http = HttpAttempt.client(properties.timeout());
        this.retries = Backoffs.retryTemplate(properties.retries(), Duration.ofMillis(200), Duration.ofSeconds(2),
                TransientFailure.class::isInstance);
        this.meters = meters;
    }

    /** The answer (any status below 500 but 429), or {@link GoogleUnavailableException}. */
    HttpAttempt send(String operation, Function<RestClient, RestClient.RequestHeadersSpec<?>> request) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "unavailable";
        AtomicInteger attempts = new AtomicInteger();
        try {
            HttpAttempt answer = retries.execute(() -> {
                attempts.incrementAndGet();
                HttpAttempt attempt = HttpAttempt.of(request.apply(http));
                if (attempt.status() == 429) {
                    throw new TransientFailure("HTTP 429");
                }
                return attempt;
            });
            outcome = answer.status() < 300 ? "ok" : "http_" + answer.status();
            return answer;
        } catch (RetryException e) {
            String failure = e.getCause() == null ? "interrupted" : e.getCause().getMessage();
            throw new GoogleUnavailableException(operation, failure + " after " + attempts.get() + " attempts");
        } finally {
            sample.stop(meters.timer("calendar.google.calls", "operation", operation, "outcome", outcome));
        }
    }

    static <T> T read(HttpAttempt answer, Class<T> type) {
        return JSON.readValue(answer.body(), type);
    }

    static byte[] write(Object body) {
        return JSON.writeValueAsBytes(body);
    }
}
