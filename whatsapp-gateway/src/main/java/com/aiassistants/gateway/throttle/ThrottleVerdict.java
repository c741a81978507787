package com.aiassistants.gateway.throttle;

import java.time.Duration;

/** Send now ({@link #granted()}), or wait {@code retryIn} because {@code refusedBy} is empty. */
public record ThrottleVerdict(ThrottleReason refusedBy, Duration retryIn) {

    public static final ThrottleVerdict GRANTED = new ThrottleVerdict(null, Duration.ZERO);

    public static ThrottleVerdict refused(ThrottleReason reason, Duration retryIn) {
        return new ThrottleVerdict(reason, retryIn);
    }

    public boolean granted() {
        return refusedBy == null;
    }
}
