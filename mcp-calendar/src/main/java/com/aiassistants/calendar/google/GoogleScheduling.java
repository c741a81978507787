package com.aiassistants.calendar.google;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The integration's background work on every instance (both claim rows with a lease, so instances share the work):
 * due busy-time syncs and the event writes, each every {@code poll-interval}; nothing runs while the integration
 * is off.
 */
@Configuration(proxyBeanMethods = false)
class GoogleScheduling implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(GoogleScheduling.class);

    private final GoogleProperties properties;
    private final GoogleKeys keys;
    private final BusySync sync;
    private final GoogleEventRelay relay;

    GoogleScheduling(GoogleProperties properties, GoogleKeys keys, BusySync sync, GoogleEventRelay relay) {
        this.properties = properties;
        this.keys = keys;
        this.sync = sync;
        this.relay = relay;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!keys.enabled()) {
            log.info("Google Calendar integration off (no ai-assistants.calendar.google client id, secret and token key)");
            return;
        }
        registrar.addFixedDelayTask(() -> guarded("google calendar sync", sync::syncDue), properties.pollInterval());
        registrar.addFixedDelayTask(() -> guarded("google calendar writes", relay::writeDue), properties.pollInterval());
    }

    private static void guarded(String name, Runnable job) {
        try {
            job.run();
        } catch (RuntimeException e) {
            log.warn("{} round failed: {}", name, e.toString());
        }
    }
}
