package com.aiassistants.backend.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import com.aiassistants.backend.BackendTestBase;
import com.aiassistants.common.testsupport.JdbcRoundTrips;

/**
 * The round trips to PostgreSQL of a turn, counted at the JDBC driver's interface on the thread that runs the turn
 * ({@link JdbcRoundTrips}: statements and commits): a WhatsApp message (it always has a message id) is claimed and
 * stored in one statement committed on its own, and answered under the conversation's lock with one read and one
 * write before the commit; a repeat of its id gets the stored reply, interactive part included.
 */
@Import(JdbcRoundTrips.class)
class TurnRoundTripsTest extends BackendTestBase {

    @Autowired
    TurnService turns;

    @Test
    void aMessageWithAnIdIsStoredInOneStatementAndAnsweredWithOneReadAndOneWrite() {
        TestProject project = newProject();
        turns.handle(message(project, "hola", "wamid.first"));

        JdbcRoundTrips.Counted<TurnResult> answered =
                JdbcRoundTrips.during(() -> turns.handle(message(project, "menu", "wamid.second")));

        assertThat(answered.value().text()).isEqualTo("Elegí una opción");
        assertThat(answered.value().duplicate()).isFalse();
        // store the message; then lock, read the context, record the turn (reply, state and the kept reply)
        assertThat(answered.statements()).isEqualTo(4);
        assertThat(answered.commits()).isEqualTo(1);

        JdbcRoundTrips.Counted<TurnResult> repeated =
                JdbcRoundTrips.during(() -> turns.handle(message(project, "menu", "wamid.second")));

        assertThat(repeated.value().duplicate()).isTrue();
        assertThat(repeated.value().text()).isEqualTo("Elegí una opción");
        assertThat(repeated.value().interactive().options()).hasSize(4);
        // the claim finds the id taken and stores nothing; then lock and read the stored reply
        assertThat(repeated.statements()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from message where project_id = ? and message_id = 'wamid.second'")
                .param(project.id()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aMessageWithoutAnIdIsStoredWithoutACommitOfItsOwn() {
        TestProject project = newProject();
        turns.handle(message(project, "hola", null));

        JdbcRoundTrips.Counted<TurnResult> answered =
                JdbcRoundTrips.during(() -> turns.handle(message(project, "otra vez", null)));

        assertThat(answered.value().text()).isEqualTo("echo 2: otra vez");
        assertThat(answered.statements()).isEqualTo(4);
        assertThat(answered.commits()).isEqualTo(1);
    }

    private static InboundMessage message(TestProject project, String text, String messageId) {
        return new InboundMessage(project.id(), "wa-round-trips", "whatsapp", "+5491155550101", "Ana", text, null,
                messageId);
    }
}
