package com.aiassistants.backend.agent;

/**
 * The agent gives up on a turn; the deterministic engine answers the same message instead.
 * {@link #reason()} is a short, bounded metric tag ({@code timeout}, {@code provider_error}, {@code guardrail_time}…).
 */
public class AgentFallback extends RuntimeException {

    private final String reason;

    public AgentFallback(String reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public AgentFallback(String reason, String detail, Throwable cause) {
        super(detail, cause, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
