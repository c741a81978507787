package com.aiassistants.backend.linkaccess;

import java.time.Instant;
import java.util.Optional;

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

    /** The activation code the message is, when it is one of the profile's and comes from a known customer. */
    public Optional<ActivationCodes.Match> codeIn(TenantProfile profile, String customerId, String text) {
        if (profile.flow() == null || customerId == null || customerId.isBlank()) {
            return Optional.empty();
        }
        return ActivationCodes.match(profile.flow().activationCodes(), text);
    }

    /** Notes the access of a message that was the activation code {@code match} ({@link #codeIn}). */
    public void note(TenantProfile profile, ActivationCodes.Match match, String channel, String customerId, Instant at) {
        outbox.record(profile.tenantId(), match.code(), match.action(), channel, customerId, at);
        meters.counter("backend.link_accesses").increment();
    }
}
