package com.aiassistants.backend.assistant.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.assertj.core.api.SoftAssertions;
import org.opentest4j.TestAbortedException;

/** Plays one {@link GoldenDialogue} through a {@link GoldenDriver} and checks every expectation. */
public final class GoldenRunner {

    private GoldenRunner() {
    }

    public static void run(GoldenDriver driver, GoldenDialogue dialogue) {
        assertThat(dialogue.turns()).as("turns of %s", dialogue.name()).isNotEmpty();
        StringBuilder transcript = new StringBuilder();
        try (GoldenDriver.Session session = driver.open(dialogue)) {
            if (dialogue.fixtures() != null && dialogue.fixtures().bookings() != null) {
                dialogue.fixtures().bookings().forEach(session.scheduling()::book);
            }
            int number = 0;
            for (GoldenDialogue.Turn turn : dialogue.turns()) {
                number++;
                if (turn.before() != null) {
                    if (turn.before().take() != null) {
                        session.scheduling().book(turn.before().take());
                        transcript.append("   (another customer books ").append(turn.before().take().start()).append(")\n");
                    }
                    if (turn.before().outage() != null) {
                        try {
                            session.setOutage(turn.before().outage());
                        } catch (UnsupportedOperationException e) {
                            throw new TestAbortedException(e.getMessage());
                        }
                        transcript.append("   (scheduling ").append(turn.before().outage() ? "down" : "back").append(")\n");
                    }
                }
                GoldenDriver.Observed reply = session.send(turn.user(), turn.replyId());
                transcript.append("#").append(number).append(" user: ").append(turn.user())
                        .append(turn.replyId() != null ? " [tap " + turn.replyId() + "]" : "").append('\n')
                        .append("   bot: ").append(reply.text().replace("\n", "\n        "))
                        .append(reply.interactive() != null ? "\n   " + reply.interactive() + ": " + reply.optionIds() : "")
                        .append('\n');
                check(session, dialogue, number, turn, reply, transcript.toString());
            }
        }
    }

    private static void check(GoldenDriver.Session session, GoldenDialogue dialogue, int number, GoldenDialogue.Turn turn,
            GoldenDriver.Observed reply, String transcript) {
        GoldenDialogue.Expect expect = turn.expect();
        if (expect == null) {
            return;
        }
        String where = dialogue.name() + " turn " + number + "\n--- transcript ---\n" + transcript;
        String text = reply.text().toLowerCase(Locale.ROOT);
        SoftAssertions soft = new SoftAssertions();
        for (String wanted : nonNull(expect.contains())) {
            soft.assertThat(text).as("reply contains '%s' in %s", wanted, where).contains(wanted.toLowerCase(Locale.ROOT));
        }
        for (String unwanted : nonNull(expect.notContains())) {
            soft.assertThat(text).as("reply does not contain '%s' in %s", unwanted, where)
                    .doesNotContain(unwanted.toLowerCase(Locale.ROOT));
        }
        if (expect.interactive() != null) {
            String actual = reply.interactive() == null ? "none" : reply.interactive();
            soft.assertThat(actual).as("interactive in %s", where).isEqualTo(expect.interactive());
        }
        for (String option : nonNull(expect.options())) {
            boolean found = reply.optionIds().stream().anyMatch(id -> id.contains(option))
                    || reply.optionTitles().stream().anyMatch(t -> t != null && t.toLowerCase(Locale.ROOT).contains(option.toLowerCase(Locale.ROOT)));
            soft.assertThat(found).as("option '%s' offered in %s", option, where).isTrue();
        }
        if (expect.handoff() != null) {
            soft.assertThat(reply.handoff()).as("handoff in %s", where).isEqualTo(expect.handoff());
        }
        if (expect.bookingStatus() != null) {
            String status = session.scheduling().latestStatus().orElse("NONE");
            soft.assertThat(status).as("latest booking status in %s", where).isEqualTo(expect.bookingStatus());
        }
        soft.assertAll();
    }

    private static List<String> nonNull(List<String> list) {
        return list == null ? List.of() : list;
    }
}
