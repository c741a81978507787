package com.aiassistants.backend.linkaccess;

import java.time.Instant;

import org.springframework.stereotype.Service;

import com.aiassistants.backend.assistant.ActivationCodes;
import com.aiassistants.backend.assistant.TenantProfile;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Notes a patient's message that is one of the project's activation codes (a {@code wa.me/<number>?text=CODE} link
 * opened, see {@link ActivationCodes}) as a link access, in the caller's transaction (the one that stores the
 * message): one row in {@link LinkAccessOutbox}, nothing over the network, so the turn is neither slowed nor failed by
 * mcp-booking-log. Messages without a customer id (web chats that send none) are not noted: there is no one to
 * follow to a booking. Metric {@code backend.link_accesses} (no tenant tag).
 */
@Service
public class LinkAccesses {

    private final LinkAccessOutbox outbox;
    private final MeterRegistry meters;

    public LinkAccesses(LinkAccessOutbox outbox, MeterRegistry meters) {
        this.outbox = outbox;
        this.meters = meters;
    }

    /** True when the message is one of the profile's activation codes from a known customer: {@link #noteIfCode} writes. */
    public boolean isCode(TenantProfile profile, String customerId, String text) {
        return profile.flow() != null && customerId != null && !customerId.isBlank()
                && ActivationCodes.match(profile.flow().activationCodes(), text).isPresent();
    }

    /** True when the message was an activation code and its access was noted. */
    public boolean noteIfCode(TenantProfile profile, String channel, String customerId, String text, Instant at) {
        if (profile.flow() == null || customerId == null || customerId.isBlank()) {
            return false;
        }
        return ActivationCodes.match(profile.flow().activationCodes(), text).map(match -> {
            outbox.record(profile.tenantId(), match.code(), match.action(), channel, customerId, at);
            meters.counter("backend.link_accesses").increment();
            return true;
        }).orElse(false);
    }
}
