package com.aiassistants.calendar.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import com.aiassistants.calendar.booking.HoldExpiry;
import com.aiassistants.calendar.bookinglog.BookingLogRelay;

/**
 * Background work, on every instance (both jobs are safe to run concurrently: the sweeper is a
 * compare-and-set UPDATE with SKIP LOCKED, the relay claims events with a lease):
 * the hold sweeper and the booking-log outbox relay.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class CalendarScheduling implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(CalendarScheduling.class);

    private final CalendarProperties properties;
    private final HoldExpiry holds;
    private final BookingLogRelay relay;

    public CalendarScheduling(CalendarProperties properties, HoldExpiry holds, BookingLogRelay relay) {
        this.properties = properties;
        this.holds = holds;
        this.relay = relay;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(() -> guarded("hold sweeper", holds::expireStaleHolds),
                properties.sweeperInterval());
        registrar.addFixedDelayTask(() -> guarded("booking log relay", relay::deliverDue),
                properties.bookingLog().pollInterval());
    }

    private static void guarded(String name, Runnable job) {
        try {
            job.run();
        } catch (RuntimeException e) {
            log.warn("{} round failed: {}", name, e.toString());
        }
    }
}
