package com.aiassistants.gateway.ops;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import com.aiassistants.gateway.lease.LeaseManager;
import com.aiassistants.gateway.provider.ProviderRegistry;

/**
 * Reports lease and connection state in {@code /health} details without ever failing readiness: a
 * standby instance, or a session waiting for a QR scan, is healthy (the gauge
 * {@code whatsapp.connection.up} is what alarms watch).
 */
@Component("gateway")
public class GatewayHealthIndicator implements HealthIndicator {

    private final LeaseManager lease;
    private final ProviderRegistry providers;

    public GatewayHealthIndicator(LeaseManager lease, ProviderRegistry providers) {
        this.lease = lease;
        this.providers = providers;
    }

    @Override
    public Health health() {
        Map<String, Object> connections = new LinkedHashMap<>();
        providers.all().forEach((tenant, provider) -> connections.put(tenant,
                provider.type().id() + ":" + providers.status(tenant).state().name().toLowerCase()));
        return Health.up()
                .withDetail("lease", lease.isActive() ? "active" : "standby")
                .withDetail("instance", lease.owner())
                .withDetail("connections", connections)
                .build();
    }
}
