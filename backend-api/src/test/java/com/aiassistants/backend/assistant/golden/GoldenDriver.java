package com.aiassistants.backend.assistant.golden;

import java.util.List;

/**
 * Runs golden dialogues against some assistant deployment. The in-process driver calls the
 * {@code Assistant} interface with a fake MCP server; an HTTP driver can post the same turns to the
 * API and use the real MCP services.
 */
public interface GoldenDriver {

    Session open(GoldenDialogue dialogue);

    interface Session extends AutoCloseable {

        Observed send(String text, String replyId);

        /** Calendar access (over MCP) for fixtures and booking-status checks. */
        SchedulingFixtures scheduling();

        /** Makes the scheduling services unreachable for this dialogue, or reachable again. */
        default void setOutage(boolean down) {
            throw new UnsupportedOperationException("this driver cannot simulate an outage");
        }

        @Override
        default void close() {
        }
    }

    /** What the customer received for one message. */
    record Observed(String text, String interactive, List<String> optionIds, List<String> optionTitles, boolean handoff) {
    }
}
