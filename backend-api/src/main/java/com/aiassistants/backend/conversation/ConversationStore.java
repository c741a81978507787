package com.aiassistants.backend.conversation;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.aiassistants.backend.assistant.AssistantReply;
import com.aiassistants.backend.assistant.AssistantTurn;
import com.aiassistants.backend.memory.CustomerMemory;
import com.aiassistants.backend.support.Signatures;

import tools.jackson.databind.json.JsonMapper;

/**
 * The one owner of the {@code conversation}, {@code message} and {@code processed_message} SQL of a turn and of
 * staff's replies: the statements {@link TurnService} runs in its two transactions and {@code HandoffService} runs
 * for take-over and staff messages. Every method runs in the caller's transaction.
 */
@Repository
public class ConversationStore {

    /** A conversation's dialogue state and whether the bot is paused in it. */
    public record ConversationRow(String state, boolean paused) {
    }

    /** Where a conversation came from: its channel and its customer. */
    public record Origin(String channel, String customerId) {
    }

    /** One row of a thread as the console shows it. */
    public record MessageRow(long id, String role, String kind, String text, Instant createdAt, List<String> bookingIds) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public ConversationStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The turn lock of one conversation: a 64-bit hash of (project, conversation) for {@code pg_advisory_xact_lock}. */
    public static long lockKey(String projectId, String conversationId) {
        byte[] digest = Signatures.sha256(projectId + "\u0000" + conversationId);
        return java.nio.ByteBuffer.wrap(digest).getLong();
    }

    /** Waits for the conversation's turn lock (FIFO across instances), held until the transaction ends. */
    void lock(String projectId, String conversationId) {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(lockKey(projectId, conversationId)).query((rs, n) -> 1).list();
    }

    /**
     * Stores the patient's message in one statement (one round trip, and its own transaction when the caller has
     * none): claims its message id in {@code processed_message} when it has one, creates its conversation or touches
     * it, and inserts the message; the message's row id, or null when the id was claimed before (a duplicate: nothing
     * is written). A concurrent claim of the same id waits on the unique key until the first commits, then finds it.
     * A conversation row locked by a turn that is committing its update is not waited for: row-lock waiters are woken
     * in no particular order, which would let a later message overtake an earlier one (the turn touches the row too),
     * so a locked row is skipped instead. The message's foreign key is checked at the end of the statement, when the
     * conversation created by the same statement exists.
     */
    Long receive(InboundMessage in, Instant at) {
        return jdbc.sql("""
                with claim as (
                  insert into processed_message (project_id, message_id, conversation_id)
                  select :project, cast(:messageId as text), :conversation where cast(:messageId as text) is not null
                  on conflict (project_id, message_id) do nothing
                  returning 1),
                fresh as (select 1 where cast(:messageId as text) is null or exists (select 1 from claim)),
                created as (
                  insert into conversation (project_id, id, channel, customer_id, customer_name)
                  select :project, :conversation, :channel, :customer, :customerName where exists (select 1 from fresh)
                  on conflict (project_id, id) do nothing
                  returning 1),
                touched as (
                  update conversation set updated_at = now(), customer_name = coalesce(:customerName, customer_name)
                  where exists (select 1 from fresh) and not exists (select 1 from created)
                    and (project_id, id) in (select project_id, id from conversation where project_id = :project
                                             and id = :conversation for no key update skip locked)
                  returning 1)
                insert into message (project_id, conversation_id, role, text, message_id, reply_id, created_at)
                select :project, :conversation, 'user', :text, :messageId, :replyId, :at where exists (select 1 from fresh)
                returning id""")
                .param("project", in.projectId()).param("conversation", in.conversationId())
                .param("channel", in.channel()).param("customer", in.customerId())
                .param("customerName", in.customerName(), java.sql.Types.VARCHAR)
                .param("text", in.text()).param("messageId", in.messageId(), java.sql.Types.VARCHAR)
                .param("replyId", in.replyId(), java.sql.Types.VARCHAR).param("at", Timestamp.from(at))
                .query(Long.class).optional().orElse(null);
    }

    /** Creates the conversation of a message the assistant sends on its own, or touches it; its state. */
    String openOutboundConversation(String projectId, String conversationId, String customerId) {
        return jdbc.sql("""
                insert into conversation (project_id, id, channel, customer_id) values (?, ?, 'whatsapp', ?)
                on conflict (project_id, id) do update set updated_at = now()
                returning state""")
                .params(projectId, conversationId, customerId).query((rs, n) -> rs.getString(1)).list().getFirst();
    }

    /** Stores a message of the assistant or staff; its row id. */
    public long insertMessage(String projectId, String conversationId, String role, String text, Instant at) {
        return jdbc.sql("""
                insert into message (project_id, conversation_id, role, text, created_at) values (?, ?, ?, ?, ?)
                returning id""")
                .params(projectId, conversationId, role, text, Timestamp.from(at)).query(Long.class).single();
    }

    /** The bookings a turn made or changed, as a {@code system} row of kind {@code booking} in the thread. */
    void insertBookingEvent(String projectId, String conversationId, List<String> bookingIds, Instant at) {
        jdbc.sql("""
                insert into message (project_id, conversation_id, role, kind, text, booking_ids, created_at)
                values (?, ?, 'system', 'booking', '', ?, ?)""")
                .params(projectId, conversationId, bookingIds.toArray(String[]::new), Timestamp.from(at)).update();
    }

    void deleteMessage(String projectId, long rowId) {
        jdbc.sql("delete from message where project_id = ? and id = ?").params(projectId, rowId).update();
    }

    /** The stored reply of an answered message id ({@code response_text} is set when its turn committed). */
    Optional<TurnResult> storedReply(String projectId, String messageId, boolean duplicate) {
        return jdbc.sql("""
                select conversation_id, response_text, interactive::text as interactive from processed_message
                where project_id = ? and message_id = ? and response_text is not null""")
                .params(projectId, messageId)
                .query((rs, n) -> new TurnResult(rs.getString("conversation_id"), messageId, rs.getString("response_text"),
                        interactive(rs.getString("interactive")), duplicate))
                .optional();
    }

    /** A reply's interactive part as {@code processed_message.interactive} keeps it, and back. */
    private String stored(AssistantReply.Interactive interactive) {
        return interactive == null ? null : json.writeValueAsString(interactive);
    }

    private AssistantReply.Interactive interactive(String stored) {
        return stored == null ? null : json.readValue(stored, AssistantReply.Interactive.class);
    }

    /** Keeps a message id's reply, so a repeated id gets it (a turn that replied does this in {@link #recordTurn}). */
    void storeReply(String projectId, String messageId, String text, AssistantReply.Interactive interactive) {
        jdbc.sql("update processed_message set response_text = ?, interactive = ?::jsonb where project_id = ? and message_id = ?")
                .params(text, stored(interactive), projectId, messageId)
                .update();
    }

    /** The stored patient message of a claimed id whose first turn failed (its retry answers it now). */
    long storedUserRow(InboundMessage in) {
        return jdbc.sql("""
                select id from message where project_id = ? and conversation_id = ? and role = 'user' and message_id = ?
                order by id limit 1""")
                .params(in.projectId(), in.conversationId(), in.messageId()).query(Long.class).single();
    }

    /** A conversation's channel and customer, if it exists. */
    public Optional<Origin> origin(String projectId, String conversationId) {
        return jdbc.sql("select channel, customer_id from conversation where project_id = ? and id = ?")
                .params(projectId, conversationId)
                .query((rs, n) -> new Origin(rs.getString("channel"), rs.getString("customer_id")))
                .optional();
    }

    public boolean exists(String projectId, String conversationId) {
        return jdbc.sql("select count(*) from conversation where project_id = ? and id = ?")
                .params(projectId, conversationId).query(Integer.class).single() > 0;
    }

    /**
     * What a turn reads under the conversation's lock: its row, the thread as the assistant sees it, what is
     * remembered about the customer and, for a message id another turn has answered meanwhile (a duplicate that got
     * the lock first), that answer.
     */
    record TurnContext(ConversationRow conversation, List<AssistantTurn.HistoryEntry> history,
            Map<String, String> memory, Optional<TurnResult> answered) {
    }

    private static final String TURN_CONTEXT = """
            select c.state, c.paused, h.role, h.text, h.created_at, %s as memory,
              a.response_text as answer, a.interactive::text as answer_interactive
            from conversation c
            left join processed_message a on a.project_id = c.project_id and a.message_id = cast(:messageId as text)
              and a.response_text is not null
            left join lateral (
              select m.id, m.role, m.text, m.created_at from message m
              where m.project_id = c.project_id and m.conversation_id = c.id and m.role <> 'system'
                and not (m.role = 'user' and m.id >= :row)
              order by m.id desc limit :size) h on true
            where c.project_id = :project and c.id = :conversation
            order by h.id""".formatted(CustomerMemory.UNEXPIRED_AS_JSON);

    /**
     * The conversation's state and pause, the last {@code size} messages of its thread as the assistant saw it when
     * the message in row {@code messageRow} arrived (every reply so far, and the patient's messages before that one:
     * later ones, stored while an earlier turn ran, wait for their own turn; oldest first), the customer's unexpired
     * memory ({@link CustomerMemory#UNEXPIRED_AS_JSON}) and the stored answer of {@code messageId} (null: none), in
     * one round trip.
     */
    TurnContext turnContext(String projectId, String conversationId, String customerId, long messageRow,
            String messageId, int size, Instant now) {
        List<AssistantTurn.HistoryEntry> history = new ArrayList<>();
        List<Map<String, String>> memory = new ArrayList<>(1);
        List<TurnResult> answered = new ArrayList<>(1);
        List<ConversationRow> conversation = jdbc.sql(TURN_CONTEXT)
                .param("project", projectId).param("conversation", conversationId)
                .param("row", messageRow).param("size", size).param("messageId", messageId, java.sql.Types.VARCHAR)
                .param("customer", customerId).param("now", Timestamp.from(now))
                .query((rs, n) -> {
                    if (n == 0) {
                        memory.add(CustomerMemory.fromJson(rs.getString("memory")));
                        if (rs.getString("answer") != null) {
                            answered.add(new TurnResult(conversationId, messageId, rs.getString("answer"),
                                    interactive(rs.getString("answer_interactive")), false));
                        }
                    }
                    if (rs.getString("role") != null) {
                        history.add(new AssistantTurn.HistoryEntry(rs.getString("role"), rs.getString("text"),
                                rs.getTimestamp("created_at").toInstant()));
                    }
                    return new ConversationRow(rs.getString("state"), rs.getBoolean("paused"));
                })
                .list();
        if (conversation.isEmpty()) {
            throw new org.springframework.dao.EmptyResultDataAccessException("no conversation " + conversationId, 1);
        }
        return new TurnContext(conversation.getFirst(), List.copyOf(history), memory.getFirst(),
                answered.stream().findFirst());
    }

    /** A thread's messages before {@code beforeId} (all when null), newest first. */
    public List<MessageRow> messagesNewestFirst(String projectId, String conversationId, int limit, Long beforeId) {
        return jdbc.sql("""
                select id, role, kind, text, created_at, booking_ids from message
                where project_id = ? and conversation_id = ? and id < ?
                order by id desc limit ?""")
                .params(projectId, conversationId, beforeId == null ? Long.MAX_VALUE : beforeId, limit)
                .query((rs, n) -> new MessageRow(rs.getLong("id"), rs.getString("role"), rs.getString("kind"),
                        rs.getString("text"), rs.getTimestamp("created_at").toInstant(),
                        rs.getArray("booking_ids") == null ? null
                                : List.of((String[]) rs.getArray("booking_ids").getArray())))
                .list();
    }

    /**
     * After a turn, in one statement: the assistant's reply stored as a message at {@code repliedAt} (none when
     * {@code reply} is empty) and, with a {@code messageId}, kept for a repeat of that id (with its
     * {@code interactive} part), the new dialogue state, a pause the assistant asked for, and a patient's request for
     * a person. It leaves {@code updated_at} (the inbox's order) as the patient's message set it: with no indexed
     * column changed, PostgreSQL can update the row in place (a heap-only update, see the {@code V10} migration), so a
     * turn's second write to its conversation adds no index entries.
     */
    void recordTurn(String projectId, String conversationId, String messageId, String reply,
            AssistantReply.Interactive interactive, Instant repliedAt, String state, boolean handoff, boolean needsHuman,
            Instant at) {
        jdbc.sql("""
                with reply as (
                  insert into message (project_id, conversation_id, role, text, created_at)
                  select :project, :conversation, 'assistant', :reply, cast(:repliedAt as timestamptz) where :reply <> ''
                  returning 1),
                kept as (
                  update processed_message set response_text = :reply, interactive = cast(:interactive as jsonb)
                  where project_id = :project and message_id = cast(:messageId as text)
                  returning 1)
                update conversation set state = :state, paused = paused or :handoff,
                  paused_by = case when :handoff then 'assistant' else paused_by end,
                  needs_human_since = case when :needsHuman then coalesce(needs_human_since, :at) else needs_human_since end
                where project_id = :project and id = :conversation""")
                .param("project", projectId).param("conversation", conversationId)
                .param("messageId", messageId, java.sql.Types.VARCHAR)
                .param("reply", reply).param("repliedAt", Timestamp.from(repliedAt))
                .param("interactive", stored(interactive), java.sql.Types.VARCHAR)
                .param("state", state, java.sql.Types.VARCHAR).param("handoff", handoff).param("needsHuman", needsHuman)
                .param("at", Timestamp.from(at))
                .update();
    }

    void setState(String projectId, String conversationId, String state) {
        jdbc.sql("update conversation set state = ? where project_id = ? and id = ?")
                .params(state, projectId, conversationId).update();
    }

    public void touch(String projectId, String conversationId) {
        jdbc.sql("update conversation set updated_at = now() where project_id = ? and id = ?")
                .params(projectId, conversationId).update();
    }

    /** Staff take over ({@code paused}) or hand back; answers a patient's request for a person. False: no such conversation. */
    public boolean setPaused(String projectId, String conversationId, boolean paused, String by) {
        return jdbc.sql("""
                update conversation set paused = ?, paused_by = ?, needs_human_since = null, updated_at = now()
                where project_id = ? and id = ?""")
                .params(paused, paused ? by : null, projectId, conversationId).update() == 1;
    }

    /** Forgets message ids claimed longer ago than {@code window} (their {@code created_at} is the database's now()). */
    void forgetMessageIdsOlderThan(Duration window) {
        jdbc.sql("delete from processed_message where created_at < now() - make_interval(secs => ?)")
                .param(window.toSeconds()).update();
    }
}
