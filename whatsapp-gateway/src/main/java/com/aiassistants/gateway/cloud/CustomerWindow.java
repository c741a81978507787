package com.aiassistants.gateway.cloud;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import com.aiassistants.gateway.config.GatewayProperties;

/**
 * The Cloud API's 24-hour customer service window: free-form messages may be sent only within 24 h of
 * the user's last message (recorded in {@code customer_window} with every inbox insert and read with each
 * outbox claim); outside it only templates.
 */
@Component
public class CustomerWindow {

    private final Duration window;
    private final java.time.Clock clock;

    public CustomerWindow(GatewayProperties properties, java.time.Clock clock) {
        this.clock = clock;
        this.window = properties.cloud().serviceWindow();
    }

    /** Whether a free-form message may be sent to a user whose latest message arrived at {@code lastInboundAt}. */
    public boolean isOpen(Instant lastInboundAt) {
        return lastInboundAt != null && lastInboundAt.isAfter(clock.instant().minus(window));
    }
}
