package com.aiassistants.gateway.provider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.aiassistants.gateway.lease.LeaseListener;

/**
 * One {@link WhatsAppProvider} per tenant, built at start-up from configuration. Connections are opened
 * only while this instance holds the lease.
 */
public class ProviderRegistry implements LeaseListener {

    private static final Logger log = LoggerFactory.getLogger(ProviderRegistry.class);

    private final Map<String, WhatsAppProvider> byTenant = new LinkedHashMap<>();
    private final java.time.Clock clock;
    private volatile boolean active;

    public ProviderRegistry(List<WhatsAppProvider> providers, java.time.Clock clock) {
        this.clock = clock;
        providers.forEach(p -> byTenant.put(p.tenantId(), p));
    }

    public WhatsAppProvider forTenant(String tenantId) {
        WhatsAppProvider provider = byTenant.get(tenantId);
        if (provider == null) {
            throw new IllegalArgumentException("no provider for tenant " + tenantId);
        }
        return provider;
    }

    public Map<String, WhatsAppProvider> all() {
        return byTenant;
    }

    public boolean active() {
        return active;
    }

    /** Status as the console should see it: {@code STANDBY} on the instance that does not hold the lease. */
    public ConnectionStatus status(String tenantId) {
        return active ? forTenant(tenantId).status()
                : ConnectionStatus.of(ConnectionStatus.State.STANDBY, "another instance holds the connection",
                        clock.instant());
    }

    @Override
    public void onActive() {
        active = true;
        byTenant.values().forEach(p -> {
            try {
                p.start();
            } catch (RuntimeException e) {
                log.error("could not start the {} provider of {}", p.type().id(), p.tenantId(), e);
            }
        });
    }

    @Override
    public void onStandby() {
        active = false;
        byTenant.values().forEach(p -> {
            try {
                p.stop();
            } catch (RuntimeException e) {
                log.warn("could not stop the {} provider of {}: {}", p.type().id(), p.tenantId(), e.toString());
            }
        });
    }
}
