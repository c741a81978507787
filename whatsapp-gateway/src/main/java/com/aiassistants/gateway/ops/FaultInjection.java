package com.aiassistants.gateway.ops;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.aiassistants.gateway.config.GatewayProperties;

/**
 * Crash points for the crash-recovery tests: when {@code ai-assistants.gateway.halt-at} names a point,
 * reaching it halts the JVM at once ({@link Runtime#halt}: no shutdown hooks, no commit, the same as
 * {@code kill -9}). Empty, and so inert, unless set.
 */
@Component
public class FaultInjection {

    private static final Logger log = LoggerFactory.getLogger(FaultInjection.class);

    public enum Point {
        /** An inbox row is claimed; nothing forwarded yet. */
        AFTER_INBOX_CLAIM,
        /** The reply is committed and claimed for sending; the provider not called yet. */
        AFTER_OUTBOX_CLAIM,
        /** The provider accepted the message; the outbox row not yet marked sent. */
        AFTER_PROVIDER_SEND
    }

    private final Set<Point> haltAt;

    public FaultInjection(GatewayProperties properties) {
        this.haltAt = properties.haltAt();
        if (!haltAt.isEmpty()) {
            log.warn("fault injection armed: the process halts at {}", haltAt);
        }
    }

    public void reached(Point point) {
        if (haltAt.contains(point)) {
            log.warn("fault injection: halting at {}", point);
            Runtime.getRuntime().halt(137);
        }
    }
}
