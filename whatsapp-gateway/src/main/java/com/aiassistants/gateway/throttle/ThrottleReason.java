package com.aiassistants.gateway.throttle;

import java.util.Optional;

/** Which bucket held a send back; {@link #tag()} is the metric tag. */
public enum ThrottleReason {
    /** The business number's throughput (Meta error 130429). */
    NUMBER("130429"),
    /** The business number → user pair rate (Meta error 131056). */
    PAIR("131056");

    private final String metaErrorCode;

    ThrottleReason(String metaErrorCode) {
        this.metaErrorCode = metaErrorCode;
    }

    public String tag() {
        return name().toLowerCase();
    }

    /** The bucket Meta says we overran, from a Graph API error code. */
    public static Optional<ThrottleReason> forErrorCode(String errorCode) {
        for (ThrottleReason reason : values()) {
            if (reason.metaErrorCode.equals(errorCode)) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }
}
