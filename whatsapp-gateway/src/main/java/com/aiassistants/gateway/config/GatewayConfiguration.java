package com.aiassistants.gateway.config;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;

import com.aiassistants.gateway.cloud.CloudProvider;
import com.aiassistants.gateway.cloud.CustomerWindow;
import com.aiassistants.gateway.cloud.GraphApiClient;
import com.aiassistants.gateway.inbox.AllowedNumbers;
import com.aiassistants.gateway.inbox.InboxForwarder;
import com.aiassistants.gateway.inbox.InboxService;
import com.aiassistants.gateway.inbox.ProjectLanguages;
import com.aiassistants.gateway.lease.LeaseListener;
import com.aiassistants.gateway.lease.LeaseManager;
import com.aiassistants.gateway.ops.GatewayEvents;
import com.aiassistants.gateway.outbox.OutboxSender;
import com.aiassistants.gateway.provider.ProviderRegistry;
import com.aiassistants.gateway.provider.WhatsAppProvider;
import com.aiassistants.gateway.simulator.SimulatorProvider;
import com.aiassistants.gateway.simulator.SimulatorTranscript;
import com.aiassistants.gateway.web.CobaltWebProvider;
import com.aiassistants.gateway.web.DirectoryWebSessionStore;
import com.aiassistants.gateway.web.PostgresWebSessionStore;
import com.aiassistants.gateway.web.WebSessionStore;

/** Wires the lease, one provider per tenant, and the start/stop order. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class GatewayConfiguration {

    @Bean
    LeaseManager leaseManager(JdbcClient jdbc, GatewayProperties properties) {
        GatewayProperties.Lease lease = properties.lease();
        return new LeaseManager(jdbc, lease.name(), lease.instanceId(), lease.ttl(), lease.heartbeat());
    }

    @Bean
    WebSessionStore webSessionStore(GatewayProperties properties, JdbcClient jdbc, TransactionTemplate transactions) {
        GatewayProperties.Web web = properties.web();
        return web.sessionStore() == GatewayProperties.Web.SessionStoreKind.DIRECTORY
                ? new DirectoryWebSessionStore(web.sessionDirectory())
                : new PostgresWebSessionStore(jdbc, transactions, web.sessionDirectory());
    }

    @Bean
    ProviderRegistry providerRegistry(GatewayProperties properties, SimulatorTranscript transcript, GatewayEvents events,
            GraphApiClient graph, CustomerWindow window, WebSessionStore sessions, ObjectProvider<InboxService> inbox,
            ProjectLanguages languages, java.time.Clock clock) {
        List<WhatsAppProvider> providers = new ArrayList<>();
        properties.tenants().forEach((id, tenant) -> providers.add(switch (tenant.provider()) {
            case SIMULATOR -> new SimulatorProvider(id, transcript, events, properties.simulator(), tenant.phoneNumber(),
                    clock);
            case CLOUD -> new CloudProvider(id, tenant, graph, window, languages::of, clock);
            case WEB -> new CobaltWebProvider(id, properties, sessions, message -> inbox.getObject().accept(message), events,
                    clock);
        }));
        return new ProviderRegistry(providers, clock);
    }

    /**
     * Starts the lease heartbeat once the application is up (after the web server), and on shutdown
     * stops the workers and connections, then releases the lease so a successor takes over at once.
     */
    @Bean
    SmartLifecycle gatewayLifecycle(LeaseManager lease, ProviderRegistry providers, InboxForwarder forwarder,
            OutboxSender sender, AllowedNumbers allowedNumbers) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                lease.addListener(new LeaseListener() {
                    @Override
                    public void onActive() {
                        allowedNumbers.reload();
                    }

                    @Override
                    public void onStandby() {
                    }
                });
                lease.addListener(providers);
                lease.addListener(sender);
                lease.addListener(forwarder);
                lease.start();
                running = true;
            }

            @Override
            public void stop() {
                lease.close();
                forwarder.close();
                sender.close();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return Integer.MAX_VALUE - 1000;
            }
        };
    }
}
