package com.aiassistants.backend.handoff;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.aiassistants.backend.BackendProperties;
import com.aiassistants.common.channel.PhoneNumbers;
import com.aiassistants.common.web.ApiProblem;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends staff replies to WhatsApp users through the gateway: {@code POST {gateway-url}/admin/messages
 * {to, text}} with {@code Authorization: Bearer <gateway.admin-token>}; timeout per call, bounded
 * retries with backoff on 5xx / I/O errors, metric {@code backend.gateway.calls}.
 */
@Component
public class GatewayClient {

    private static final Logger log = LoggerFactory.getLogger(GatewayClient.class);

    private final BackendProperties.Gateway settings;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final HttpClient http;

    public GatewayClient(BackendProperties properties, JsonMapper json, MeterRegistry meters) {
        this.settings = properties.gateway();
        this.json = json;
        this.meters = meters;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    record OutboundMessage(String to, String text) {
    }

    public void send(String to, String text) {
        if (settings.url() == null || settings.url().isBlank()) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "gateway-not-configured",
                    "ai-assistants.backend.gateway.url is not set");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.url().replaceAll("/+$", "") + "/admin/messages"))
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + settings.adminToken())
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(new OutboundMessage(to, text))))
                .build();
        Timer.Sample sample = Timer.start(meters);
        String outcome = "error";
        try {
            for (int attempt = 0; ; attempt++) {
                String failure;
                try {
                    int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status >= 200 && status < 300) {
                        outcome = "ok";
                        return;
                    }
                    if (status < 500) {
                        outcome = "rejected";
                        throw new ApiProblem(HttpStatus.BAD_GATEWAY, "gateway-rejected",
                                "the WhatsApp gateway refused the message (HTTP " + status + ")");
                    }
                    failure = "HTTP " + status;
                } catch (IOException e) {
                    failure = e.getClass().getSimpleName();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = "interrupted";
                }
                if (attempt >= settings.retries()) {
                    log.warn("gateway send to {} failed after {} attempts: {}", PhoneNumbers.mask(to), attempt + 1, failure);
                    throw new ApiProblem(HttpStatus.BAD_GATEWAY, "gateway-unavailable",
                            "the WhatsApp gateway did not take the message (" + failure + ")");
                }
                sleep(Duration.ofMillis(200L << attempt));
            }
        } finally {
            sample.stop(meters.timer("backend.gateway.calls", "outcome", outcome));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
