package com.aiassistants.backend.assistant;

import java.util.concurrent.Callable;

import org.springframework.context.MessageSource;

import com.aiassistants.backend.assistant.nlu.Language;
import com.aiassistants.backend.assistant.replies.Replies;

/**
 * A turn run for the console's "try it" panel: staff chat with an unsaved flow draft. It reads the real catalogue and
 * free slots, but must never change a booking. While a sandbox turn runs, every scheduling write (hold, confirm,
 * cancel, reschedule — from the deterministic engine or a tool call of the LLM agent) throws {@link Refused} before it
 * reaches mcp-calendar; the conversation layer turns that into a plain reply saying what would have happened.
 *
 * <p>A {@link ScopedValue}: bound for the duration of {@link #run}, invisible to any other turn, never leaking into a
 * pooled thread. Code that hands the turn to another thread passes {@link #active()} on and binds it again there.
 */
public final class Sandbox {

    private static final ScopedValue<Boolean> ACTIVE = ScopedValue.newInstance();
    private static final MessageSource BUNDLES = Replies.bundles();

    private Sandbox() {
    }

    /** True inside a sandbox turn. */
    public static boolean active() {
        return ACTIVE.isBound() && ACTIVE.get();
    }

    /** Runs {@code work} as a sandbox turn when {@code sandbox} is true, else as it is. */
    public static <T> T run(boolean sandbox, Callable<T> work) throws Exception {
        if (!sandbox) {
            return work.call();
        }
        return ScopedValue.where(ACTIVE, Boolean.TRUE).call(work::call);
    }

    /** Throws {@link Refused} inside a sandbox turn: called before every scheduling write. */
    public static void refuseWrite(String operation) {
        if (active()) {
            throw new Refused(operation);
        }
    }

    /** The reply of a turn whose write was refused: what the assistant would have done, in the project's language. */
    public static String explain(Refused refused, String locale) {
        return Replies.in(BUNDLES, Language.fromCode(locale, Language.ES)).sandboxRefused(refused.operation());
    }

    /** A scheduling write attempted in a sandbox turn; nothing was sent to the calendar. */
    public static final class Refused extends RuntimeException {

        private final String operation;

        public Refused(String operation) {
            super("sandbox turn: " + operation + " was not sent to the calendar");
            this.operation = operation;
        }

        /** The write that was refused, e.g. {@code hold_slot}. */
        public String operation() {
            return operation;
        }
    }
}
