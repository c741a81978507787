package com.aiassistants.gateway.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Which WhatsApp Web messages reach the inbox: one-to-one chats only (groups, broadcasts, status and
 * newsletters ignored), never our own, and only if sent within {@code maxAge} (messages queued while
 * the session was offline are older and are dropped rather than answered hours late).
 */
public class WebInboundFilter {

    public enum Decision { ACCEPT, OWN_MESSAGE, NOT_A_PRIVATE_CHAT, TOO_OLD }

    private final Duration maxAge;
    private final Clock clock;

    public WebInboundFilter(Duration maxAge, Clock clock) {
        this.maxAge = maxAge;
        this.clock = clock;
    }

    public Decision decide(boolean fromMe, boolean privateChat, Instant sentAt) {
        if (fromMe) {
            return Decision.OWN_MESSAGE;
        }
        if (!privateChat) {
            return Decision.NOT_A_PRIVATE_CHAT;
        }
        if (sentAt != null && sentAt.isBefore(clock.instant().minus(maxAge))) {
            return Decision.TOO_OLD;
        }
        return Decision.ACCEPT;
    }
}
