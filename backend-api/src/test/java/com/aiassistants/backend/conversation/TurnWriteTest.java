package com.aiassistants.backend.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.aiassistants.backend.BackendTestBase;

/**
 * A turn's closing write to its conversation changes no indexed column, so PostgreSQL updates the row in place (a
 * heap-only update, counted by {@code pg_stat_get_xact_tuples_hot_updated} in the writing transaction), and the
 * conversation keeps the place in the inbox the patient's message gave it.
 */
class TurnWriteTest extends BackendTestBase {

    @Autowired
    ConversationStore store;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void theTurnsWriteToItsConversationIsHeapOnlyAndKeepsItsInboxPlace() {
        TestProject project = newProject();
        assertThat(web(project, "web-hot", "hola").status()).isEqualTo(200);
        Instant before = updatedAt(project);

        Long heapOnly = transactions.execute(tx -> {
            store.recordTurn(project.id(), "web-hot", "una respuesta", Instant.now(), "{\"step\":\"next\"}", false, true,
                    Instant.now());
            return jdbc.sql("select pg_stat_get_xact_tuples_hot_updated('conversation'::regclass)").query(Long.class)
                    .single();
        });

        assertThat(heapOnly).as("updates of conversation done in place in that transaction").isEqualTo(1);
        assertThat(updatedAt(project)).isEqualTo(before);
        assertThat(jdbc.sql("select state from conversation where project_id = ? and id = 'web-hot'")
                .param(project.id()).query(String.class).single()).isEqualTo("{\"step\":\"next\"}");
    }

    private Instant updatedAt(TestProject project) {
        return jdbc.sql("select updated_at from conversation where project_id = ? and id = 'web-hot'")
                .param(project.id()).query(java.sql.Timestamp.class).single().toInstant();
    }
}
