package com.aiassistants.llm.chat;

import java.time.Duration;

/**
 * The moment the caller stops waiting for an answer. Providers cap every attempt's timeout to what is
 * left, and send no request (first attempt or retry) once too little is left for an answer to arrive.
 * {@link #NONE} means the caller gave no budget: the configured timeouts alone apply.
 */
public final class Deadline {

    /** Less than this left and an attempt is not worth sending. */
    public static final Duration MIN_ATTEMPT = Duration.ofMillis(100);
    public static final Deadline NONE = new Deadline(Long.MAX_VALUE);

    private final long atNanos;

    private Deadline(long atNanos) {
        this.atNanos = atNanos;
    }

    public static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos());
    }

    public boolean bounded() {
        return atNanos != Long.MAX_VALUE;
    }

    /** Time left; {@link Duration#ZERO} once passed; very long for {@link #NONE}. */
    public Duration remaining() {
        if (!bounded()) {
            return Duration.ofDays(1);
        }
        long left = atNanos - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    /** The time one attempt may take: the configured timeout, or less when the caller's budget is shorter. */
    public Duration cap(Duration configured) {
        Duration left = remaining();
        return left.compareTo(configured) < 0 ? left : configured;
    }

    /** Whether an attempt started after waiting {@code wait} could still be answered in time. */
    public boolean allows(Duration wait) {
        return remaining().compareTo(wait.plus(MIN_ATTEMPT)) >= 0;
    }

    /** Whether the budget's cap, not the configured timeout, limits an attempt. */
    public boolean shorterThan(Duration configured) {
        return remaining().compareTo(configured) < 0;
    }

    @Override
    public String toString() {
        return bounded() ? "Deadline[" + remaining().toMillis() + " ms left]" : "Deadline[none]";
    }
}
