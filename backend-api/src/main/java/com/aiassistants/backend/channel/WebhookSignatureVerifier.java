package com.aiassistants.backend.channel;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.aiassistants.backend.BackendProperties;
import com.aiassistants.backend.tenant.Project;
import com.aiassistants.common.channel.GatewayContract;
import com.aiassistants.common.channel.HmacSignatures;
import com.aiassistants.common.web.ApiProblem;

/**
 * Gateway webhooks carry {@code X-Webhook-Timestamp} (epoch seconds) and {@code X-Webhook-Signature}
 * ({@link GatewayContract}, {@link HmacSignatures}) signed with the project's webhook secret; the timestamp may drift at most
 * {@code ai-assistants.backend.webhook.max-drift}; signatures are compared in constant time.
 */
@Component
public class WebhookSignatureVerifier {

    private final Duration maxDrift;
    private final Clock clock;

    public WebhookSignatureVerifier(BackendProperties properties, ObjectProvider<Clock> clock) {
        this.maxDrift = properties.webhook().maxDrift();
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public void verify(Project project, String timestamp, String signature, byte[] body) {
        if (timestamp == null || timestamp.isBlank() || signature == null || signature.isBlank()) {
            throw reject("signature-missing", "X-Webhook-Timestamp and X-Webhook-Signature are required");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw reject("signature-invalid", "X-Webhook-Timestamp must be epoch seconds");
        }
        long drift = Math.abs(clock.instant().getEpochSecond() - seconds);
        if (drift > maxDrift.toSeconds()) {
            throw reject("signature-expired", "X-Webhook-Timestamp is more than " + maxDrift.toSeconds() + " s away from now");
        }
        if (!HmacSignatures.matches(project.webhookSecret(), timestamp.trim(), body, signature)) {
            throw reject("signature-invalid", "X-Webhook-Signature does not match the body");
        }
    }

    private static ApiProblem reject(String slug, String detail) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, slug, detail);
    }
}
