package com.aiassistants.backend.realtime;

import java.time.Instant;
import java.util.List;

/**
 * One WebSocket frame. The first five fields are the old system's protocol ({@code ping}/{@code pong},
 * {@code user_message}/{@code assistant_message}, {@code error}); the rest carry our live events
 * {@code message} (role + text), {@code handoff} (paused), {@code needs_human} and {@code booking} (booking ids).
 * Every frame carries the time it was made, read from the service's {@link java.time.Clock} by the caller.
 */
public record Frame(String type, String text, String conversationId, String error, Instant timestamp, String role,
        Boolean paused, List<String> bookingIds) {

    public static Frame of(String type, String conversationId, String text, Instant at) {
        return new Frame(type, text, conversationId, null, at, null, null, null);
    }

    public static Frame error(String conversationId, String error, Instant at) {
        return new Frame("error", null, conversationId, error, at, null, null, null);
    }

    public static Frame message(String conversationId, String role, String text, Instant at) {
        return new Frame("message", text, conversationId, null, at, role, null, null);
    }

    public static Frame handoff(String conversationId, boolean paused, Instant at) {
        return new Frame("handoff", null, conversationId, null, at, null, paused, null);
    }

    /** The patient asked for a person: the console flags the conversation until staff takes over. */
    public static Frame needsHuman(String conversationId, Instant at) {
        return new Frame("needs_human", null, conversationId, null, at, null, null, null);
    }

    public static Frame booking(String conversationId, List<String> bookingIds, Instant at) {
        return new Frame("booking", null, conversationId, null, at, null, null, bookingIds);
    }
}
