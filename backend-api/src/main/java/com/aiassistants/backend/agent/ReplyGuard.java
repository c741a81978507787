package com.aiassistants.backend.agent;

import java.util.Optional;

/**
 * The check every agent reply passes before it is sent: it must be plain text for a patient (no tool-call
 * markup, JSON, tags or template placeholders: {@link Markup}); each time, date and booking code it states
 * must come from a tool result of this turn, and it may only say a booking is confirmed (or cancelled) when
 * the tools say so. A violation sends the turn to the deterministic engine.
 */
final class ReplyGuard {

    /** Why a reply was refused; {@code reason} is a metric tag. */
    record Violation(String reason, String detail) {
    }

    private ReplyGuard() {
    }

    static Optional<Violation> check(String text, Evidence evidence) {
        Optional<String> markup = Markup.find(text);
        if (markup.isPresent()) {
            return Optional.of(new Violation("guardrail_markup", "the reply contains " + markup.get()));
        }
        Mentions mentions = Mentions.of(text);
        for (Mentions.Time time : mentions.times()) {
            if (!evidence.hasTime(time)) {
                return Optional.of(new Violation("guardrail_time", "time " + time + " was not returned by a tool"));
            }
        }
        for (Mentions.Date date : mentions.dates()) {
            if (!evidence.hasDate(date)) {
                return Optional.of(new Violation("guardrail_date", "date " + date + " was not returned by a tool"));
            }
        }
        for (String code : mentions.codes()) {
            if (!evidence.hasIdentifier(code)) {
                return Optional.of(new Violation("guardrail_booking_id",
                        "booking code " + code + " was not returned by a tool"));
            }
        }
        if (mentions.claimsConfirmation() && !evidence.mayClaimConfirmation()) {
            return Optional.of(new Violation("guardrail_confirmation",
                    "the reply says confirmed but confirm_booking did not succeed"));
        }
        if (mentions.claimsCancellation() && !evidence.mayClaimCancellation()) {
            return Optional.of(new Violation("guardrail_cancellation",
                    "the reply says cancelled but no tool cancelled a booking"));
        }
        return Optional.empty();
    }
}
