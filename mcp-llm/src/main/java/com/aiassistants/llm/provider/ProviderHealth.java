package com.aiassistants.llm.provider;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * What the last calls to each provider did, kept in memory, so health and list_models can tell a
 * failing provider without spending tokens on probes.
 */
@Component
public class ProviderHealth {

    /**
     * @param status              {@code unknown} (no call yet), {@code ok} or {@code failing}
     * @param consecutiveFailures failures since the last success
     * @param lastError           the error code of the last failure, if any
     * @param lastChangeAt        time of the last recorded call
     */
    public record Snapshot(String status, int consecutiveFailures, String lastError, Instant lastChangeAt) {
        static final Snapshot UNKNOWN = new Snapshot("unknown", 0, null, null);
    }

    private final Map<String, Snapshot> byProvider = new ConcurrentHashMap<>();
    private final Clock clock;

    public ProviderHealth(Clock clock) {
        this.clock = clock;
    }

    public void success(String provider) {
        byProvider.put(provider, new Snapshot("ok", 0, null, clock.instant()));
    }

    public void failure(String provider, String errorCode) {
        byProvider.compute(provider, (name, previous) -> new Snapshot("failing",
                (previous == null ? 0 : previous.consecutiveFailures()) + 1, errorCode, clock.instant()));
    }

    public Snapshot of(String provider) {
        return byProvider.getOrDefault(provider, Snapshot.UNKNOWN);
    }
}
