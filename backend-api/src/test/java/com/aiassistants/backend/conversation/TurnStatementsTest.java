package com.aiassistants.backend.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.aiassistants.backend.BackendTestBase;
import com.aiassistants.backend.assistant.AssistantTurn;
import com.aiassistants.backend.memory.CustomerMemory;

/**
 * The statements of a turn's answer transaction: the context it reads in one statement (the conversation, its thread
 * and the customer's unexpired memory), and its closing write to the conversation, which changes no indexed column, so
 * PostgreSQL updates the row in place (a heap-only update, counted by {@code pg_stat_get_xact_tuples_hot_updated} in
 * the writing transaction) and the conversation keeps the place in the inbox the patient's message gave it.
 */
class TurnStatementsTest extends BackendTestBase {

    @Autowired
    ConversationStore store;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    CustomerMemory memory;

    @Test
    void theTurnsWriteToItsConversationIsHeapOnlyAndKeepsItsInboxPlace() {
        TestProject project = newProject();
        assertThat(web(project, "web-hot", "hola").status()).isEqualTo(200);
        Instant before = updatedAt(project);

        Long heapOnly = transactions.execute(tx -> {
            // the backend's counter also holds earlier transactions' updates until it reports them, so count the step
            long counted = heapOnlyUpdatesOfConversation();
            store.recordTurn(project.id(), "web-hot", null, "una respuesta", null, Instant.now(), "{\"step\":\"next\"}",
                    false, true, Instant.now());
            return heapOnlyUpdatesOfConversation() - counted;
        });

        assertThat(heapOnly).as("updates of conversation done in place in that transaction").isEqualTo(1);
        assertThat(updatedAt(project)).isEqualTo(before);
        assertThat(jdbc.sql("select state from conversation where project_id = ? and id = 'web-hot'")
                .param(project.id()).query(String.class).single()).isEqualTo("{\"step\":\"next\"}");
    }

    @Test
    void theTurnsContextHasTheCustomersUnexpiredMemoryInKeyOrder() {
        TestProject project = newProject();
        Response first = send("POST", "/v1/channels/web/conversations/web-memory/messages",
                Map.of("X-API-Key", project.apiKey(), "X-Customer-Id", "customer-a"), json(Map.of("text", "hola")));
        assertThat(first.status()).isEqualTo(200);
        Instant now = Instant.now();
        Duration hour = Duration.ofHours(1);
        // written out of key order, so the order read back is the query's
        memory.write(project.id(), "customer-a", Map.of("zone", "America/Bogota"), hour, now);
        memory.write(project.id(), "customer-a", Map.of("name", "Ana"), hour, now);
        memory.write(project.id(), "customer-a", Map.of("old", "expired"), hour, now.minus(hour).minusSeconds(1));
        memory.write(project.id(), "customer-b", Map.of("name", "Beto"), hour, now);
        long lastRow = jdbc.sql("select max(id) from message where project_id = ?").param(project.id())
                .query(Long.class).single();

        ConversationStore.TurnContext context = transactions.execute(
                tx -> store.turnContext(project.id(), "web-memory", "customer-a", lastRow + 1, null, 20, now));

        assertThat(context.memory()).containsExactly(Map.entry("name", "Ana"), Map.entry("zone", "America/Bogota"));
        assertThat(context.history()).extracting(AssistantTurn.HistoryEntry::role).containsExactly("user", "assistant");
        assertThat(transactions.execute(tx -> store.turnContext(project.id(), "web-memory", "customer-c", lastRow + 1,
                null, 20, now)).memory()).isEmpty();
    }

    private long heapOnlyUpdatesOfConversation() {
        return jdbc.sql("select pg_stat_get_xact_tuples_hot_updated('conversation'::regclass)").query(Long.class)
                .single();
    }

    private Instant updatedAt(TestProject project) {
        return jdbc.sql("select updated_at from conversation where project_id = ? and id = 'web-hot'")
                .param(project.id()).query(java.sql.Timestamp.class).single().toInstant();
    }
}
