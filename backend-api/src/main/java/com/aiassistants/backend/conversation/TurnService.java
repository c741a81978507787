package com.aiassistants.backend.conversation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.aiassistants.backend.BackendProperties;
import com.aiassistants.backend.assistant.Assistant;
import com.aiassistants.backend.assistant.AssistantReply;
import com.aiassistants.backend.assistant.AssistantTurn;
import com.aiassistants.backend.assistant.ReminderAnswer;
import com.aiassistants.backend.assistant.Sandbox;
import com.aiassistants.backend.assistant.TenantProfile;
import com.aiassistants.backend.memory.CustomerMemory;
import com.aiassistants.backend.realtime.Frame;
import com.aiassistants.backend.realtime.LiveEvents;
import com.aiassistants.backend.tenant.Project;
import com.aiassistants.backend.tenant.Projects;
import com.aiassistants.common.channel.PhoneNumbers;
import com.aiassistants.common.web.ApiProblem;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The turn pipeline, in two PostgreSQL transactions so staff see the patient's message while the
 * assistant is still thinking:
 * <ol>
 * <li>receive — claim (project, message_id) in {@code processed_message} (a concurrent duplicate blocks
 * on the unique key until the claim commits, then waits for the answer below), create or touch the
 * conversation and store the patient's message; commit and publish it on the live stream;</li>
 * <li>answer — {@code pg_advisory_xact_lock} on a 64-bit hash of (project, conversation): turns of one
 * conversation run one at a time, across instances, granted in arrival order (the lock manager's
 * wait queue is FIFO, unlike row-lock waiters, which race when the holder commits); a message whose
 * claim already holds a reply (a duplicate) gets that reply; otherwise load state, memory, history
 * (as it stood when the message arrived) and the tenant profile, call the {@link Assistant}, persist
 * the reply, the new state, memory updates and the stored reply; commit and publish the reply's events.</li>
 * </ol>
 * When answering fails the patient's message stays stored and its claim stays open, so the channel's
 * retry of the same message id answers it (once); a message without an id is removed again, because
 * its retry could not be told apart from a new message.
 */
@Service
public class TurnService {

    private static final Logger log = LoggerFactory.getLogger(TurnService.class);

    private final Assistant assistant;
    private final Projects projects;
    private final CustomerMemory memory;
    private final LiveEvents events;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final BackendProperties.Conversation settings;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ApplicationEventPublisher publisher;

    public TurnService(Assistant assistant, Projects projects, CustomerMemory memory, LiveEvents events, JdbcClient jdbc,
            TransactionTemplate transactions, JsonMapper json, BackendProperties properties,
            ObjectProvider<Clock> clock, MeterRegistry meters, ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.assistant = assistant;
        this.projects = projects;
        this.memory = memory;
        this.events = events;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.settings = properties.conversation();
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.meters = meters;
    }

    private record ConversationRow(String state, boolean paused) {
    }

    /** The patient's message as stored by the first transaction; {@code rowId} null for a duplicate. */
    private record Received(Long rowId, Instant at) {
        boolean duplicate() {
            return rowId == null;
        }
    }

    /** The channel of the console's "try it" conversations ({@link #handleSandbox}); their ids start with {@code sandbox:}. */
    public static final String SANDBOX_CHANNEL = "sandbox";

    public TurnResult handle(InboundMessage in) {
        return handle(in, null);
    }

    /**
     * A turn of the console's "try it" sandbox: this same pipeline, with {@code draft} (the project with an unsaved
     * flow) instead of the saved profile, run as a {@link Sandbox} turn (every calendar write refused; the reply then
     * says what the assistant would have done and the dialogue state stays as it was), and nothing published live:
     * no inbox frames, no needs-human alerts, no reminder answers. The conversation is on {@link #SANDBOX_CHANNEL}.
     */
    public TurnResult handleSandbox(InboundMessage in, TenantProfile draft) {
        if (!SANDBOX_CHANNEL.equals(in.channel()) || !in.conversationId().startsWith(SANDBOX_CHANNEL + ":")) {
            throw new IllegalArgumentException("sandbox turns run in sandbox conversations only");
        }
        return handle(in, draft);
    }

    private TurnResult handle(InboundMessage in, TenantProfile draft) {
        boolean sandbox = draft != null;
        Project project = projects.require(in.projectId());
        TenantProfile profile = sandbox ? draft : project.profile();
        Timer.Sample sample = Timer.start(meters);
        String outcome = "error";
        MDC.put("tenantId", in.projectId());
        MDC.put("conversationId", PhoneNumbers.maskConversation(in.conversationId()));
        Received received = null;
        try {
            received = transactions.execute(tx -> receive(in));
            if (!received.duplicate() && !sandbox) {
                events.publish(in.projectId(), in.conversationId(),
                        Frame.message(in.conversationId(), "user", in.text(), received.at()));
            }
            Received stored = received;
            List<Frame> published = new ArrayList<>();
            TurnResult result = transactions.execute(tx -> answer(project, profile, sandbox, in, stored, published));
            outcome = result.duplicate() ? "duplicate" : "ok";
            if (!sandbox) {
                published.forEach(frame -> events.publish(in.projectId(), in.conversationId(), frame));
            }
            return result;
        } catch (ApiProblem problem) {
            throw problem;
        } catch (RuntimeException e) {
            if (received == null) {
                log.error("turn failed; nothing was stored", e);
                throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "turn-failed",
                        "the message could not be processed; nothing was stored, retry it").header("Retry-After", "1");
            }
            if (in.messageId() == null && !received.duplicate()) {
                forget(in, received.rowId());
                log.error("turn failed; the message was removed again", e);
                throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "turn-failed",
                        "the message could not be processed; nothing was stored, retry it").header("Retry-After", "1");
            }
            log.error("turn failed; the message is stored unanswered", e);
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "turn-failed",
                    "the message was stored but not answered; retry it with the same message_id to get the answer")
                    .header("Retry-After", "1");
        } finally {
            sample.stop(meters.timer("backend.turns", "channel", in.channel(), "outcome", outcome));
            MDC.remove("conversationId");
        }
    }

    /** First transaction: claim the message id, store the patient's message. */
    private Received receive(InboundMessage in) {
        String projectId = in.projectId();
        if (in.messageId() != null) {
            int claimed = jdbc.sql("""
                    insert into processed_message (project_id, message_id, conversation_id) values (?, ?, ?)
                    on conflict (project_id, message_id) do nothing""")
                    .params(projectId, in.messageId(), in.conversationId()).update();
            if (claimed == 0) {
                log.info("duplicate message id: answering with the first reply");
                return new Received(null, null);
            }
        }
        int created = jdbc.sql("""
                insert into conversation (project_id, id, channel, customer_id, customer_name) values (?, ?, ?, ?, ?)
                on conflict (project_id, id) do nothing""")
                .params(projectId, in.conversationId(), in.channel(), in.customerId(), in.customerName()).update();
        if (created == 0) {
            // never wait for a turn that is committing its update of the row: row-lock waiters are woken in no
            // particular order, which would let a later message overtake an earlier one (the turn touches it too)
            jdbc.sql("""
                    update conversation set updated_at = now(), customer_name = coalesce(?, customer_name)
                    where (project_id, id) in (select project_id, id from conversation where project_id = ? and id = ?
                                               for no key update skip locked)""")
                    .params(in.customerName(), projectId, in.conversationId()).update();
        }
        Instant now = clock.instant();
        long rowId = jdbc.sql("""
                insert into message (project_id, conversation_id, role, text, message_id, reply_id, created_at)
                values (?, ?, 'user', ?, ?, ?, ?) returning id""")
                .params(projectId, in.conversationId(), in.text(), in.messageId(), in.replyId(), Timestamp.from(now))
                .query(Long.class).single();
        return new Received(rowId, now);
    }

    /** Second transaction: the conversation's turn, one at a time, unless the message was answered already. */
    private TurnResult answer(Project project, TenantProfile profile, boolean sandbox, InboundMessage in,
            Received received, List<Frame> published) {
        String projectId = project.id();
        // FIFO per conversation across instances: advisory-lock waiters are granted in queue order
        jdbc.sql("select pg_advisory_xact_lock(?)").param(lockKey(projectId, in.conversationId()))
                .query((rs, n) -> 1).list();
        long rowId;
        if (in.messageId() != null) {
            Optional<TurnResult> answered = previous(projectId, in.messageId(), received.duplicate());
            if (answered.isPresent()) {
                return answered.get();
            }
            rowId = received.duplicate() ? storedRow(projectId, in) : received.rowId();
        } else {
            rowId = received.rowId();
        }
        ConversationRow conversation = jdbc.sql("select state, paused from conversation where project_id = ? and id = ?")
                .params(projectId, in.conversationId())
                .query((rs, n) -> new ConversationRow(rs.getString("state"), rs.getBoolean("paused")))
                .single();
        Instant now = clock.instant();
        List<AssistantTurn.HistoryEntry> history = history(projectId, in.conversationId(), rowId);

        String text = "";
        AssistantReply.Interactive interactive = null;
        if (conversation.paused()) {
            log.info("conversation paused for the bot: message stored, no reply");
        } else {
            Map<String, String> remembered = memory.read(projectId, in.customerId(), now);
            AssistantTurn turn = new AssistantTurn(profile, in.conversationId(), in.customerId(), in.customerName(),
                    in.channel(), in.text(), in.replyId(), conversation.state(), remembered, history, now);
            AssistantReply reply = sandbox ? sandboxReply(turn) : assistant.reply(turn);
            if (reply == null) {
                throw new IllegalStateException("the assistant returned no reply");
            }
            text = reply.text() == null ? "" : reply.text();
            interactive = reply.interactive();
            Instant repliedAt = clock.instant();
            if (!text.isEmpty()) {
                insertMessage(projectId, in.conversationId(), "assistant", text, null, null, repliedAt);
                published.add(Frame.message(in.conversationId(), "assistant", text, repliedAt));
            }
            boolean needsHuman = reply.handoff() || HumanRequests.asksForPerson(in.text());
            jdbc.sql("""
                    update conversation set state = ?, paused = paused or ?, updated_at = now(),
                      paused_by = case when ? then 'assistant' else paused_by end,
                      needs_human_since = case when ? then coalesce(needs_human_since, ?) else needs_human_since end
                    where project_id = ? and id = ?""")
                    .params(reply.state(), reply.handoff(), reply.handoff(), needsHuman, Timestamp.from(now), projectId,
                            in.conversationId())
                    .update();
            memory.write(projectId, in.customerId(), reply.memoryUpdates(), project.memoryTtl(settings.memoryTtl()), now);
            if (reply.handoff()) {
                published.add(Frame.handoff(in.conversationId(), true, clock.instant()));
            }
            if (needsHuman) {
                published.add(Frame.needsHuman(in.conversationId(), clock.instant()));
            }
            if (!sandbox && reply.reminderAnswers() != null && !reply.reminderAnswers().isEmpty()) {
                publisher.publishEvent(new ReminderAnswer.Given(projectId, in.customerId(), reply.reminderAnswers(), now));
            }
            if (reply.bookingIds() != null && !reply.bookingIds().isEmpty()) {
                insertBookingEvent(projectId, in.conversationId(), reply.bookingIds(), repliedAt);
                published.add(Frame.booking(in.conversationId(), List.copyOf(reply.bookingIds()), clock.instant()));
            }
        }
        if (in.messageId() != null) {
            jdbc.sql("update processed_message set response_text = ?, interactive = ?::jsonb where project_id = ? and message_id = ?")
                    .params(text, interactive == null ? null : json.writeValueAsString(interactive), projectId, in.messageId())
                    .update();
        }
        return new TurnResult(in.conversationId(), in.messageId(), text, interactive, false);
    }

    /** The assistant's reply inside a {@link Sandbox} turn; a refused calendar write answers what would have happened. */
    private AssistantReply sandboxReply(AssistantTurn turn) {
        try {
            return Sandbox.run(true, () -> assistant.reply(turn));
        } catch (Sandbox.Refused refused) {
            log.info("sandbox turn: {} refused", refused.operation());
            return AssistantReply.text(Sandbox.explain(refused, turn.tenant().locale()), turn.state());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A message without an id whose turn failed: removed, so the caller's retry does not store it twice. */
    private void forget(InboundMessage in, long rowId) {
        try {
            jdbc.sql("delete from message where project_id = ? and id = ?").params(in.projectId(), rowId).update();
        } catch (RuntimeException e) {
            log.warn("could not remove the unanswered message: {}", e.getMessage());
        }
    }

    /**
     * A message the assistant sends on its own (a reminder, a notice): stored in the conversation as an
     * {@code assistant} message and, with {@code stateUpdate} (current state JSON, possibly null → new state), the
     * dialogue state changed so the patient's answer is read in its context; under the conversation's turn lock,
     * in one transaction, then published live.
     */
    public void recordOutbound(String projectId, String conversationId, String customerId, String text,
            java.util.function.UnaryOperator<String> stateUpdate) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(lockKey(projectId, conversationId)).query((rs, n) -> 1).list();
            String state = jdbc.sql("""
                    insert into conversation (project_id, id, channel, customer_id) values (?, ?, 'whatsapp', ?)
                    on conflict (project_id, id) do update set updated_at = now()
                    returning state""")
                    .params(projectId, conversationId, customerId).query((rs, n) -> rs.getString(1)).list().getFirst();
            insertMessage(projectId, conversationId, "assistant", text, null, null, now);
            if (stateUpdate != null) {
                jdbc.sql("update conversation set state = ? where project_id = ? and id = ?")
                        .params(stateUpdate.apply(state), projectId, conversationId).update();
            }
        });
        events.publish(projectId, conversationId, Frame.message(conversationId, "assistant", text, now));
    }

    public static long lockKey(String projectId, String conversationId) {
        byte[] digest = com.aiassistants.backend.support.Signatures.sha256(projectId + "\u0000" + conversationId);
        return java.nio.ByteBuffer.wrap(digest).getLong();
    }

    /** The stored reply of an answered message id (response_text is set when its turn committed). */
    private Optional<TurnResult> previous(String projectId, String messageId, boolean duplicate) {
        return jdbc.sql("""
                select conversation_id, response_text, interactive::text as interactive from processed_message
                where project_id = ? and message_id = ? and response_text is not null""")
                .params(projectId, messageId)
                .query((rs, n) -> new TurnResult(rs.getString("conversation_id"), messageId, rs.getString("response_text"),
                        rs.getString("interactive") == null ? null
                                : json.readValue(rs.getString("interactive"), AssistantReply.Interactive.class),
                        duplicate))
                .optional();
    }

    /** The stored patient message of a claimed id whose first turn failed (its retry answers it now). */
    private long storedRow(String projectId, InboundMessage in) {
        return jdbc.sql("""
                select id from message where project_id = ? and conversation_id = ? and role = 'user' and message_id = ?
                order by id limit 1""")
                .params(projectId, in.conversationId(), in.messageId()).query(Long.class).single();
    }

    /**
     * The thread as the assistant saw it when this message arrived: every reply so far, and the patient's
     * messages before this one (later ones, stored while an earlier turn ran, wait for their own turn).
     */
    private List<AssistantTurn.HistoryEntry> history(String projectId, String conversationId, long messageRow) {
        if (settings.historySize() == 0) {
            return List.of();
        }
        List<AssistantTurn.HistoryEntry> recent = new ArrayList<>(jdbc.sql("""
                select role, text, created_at from message where project_id = ? and conversation_id = ? and role <> 'system'
                  and not (role = 'user' and id >= ?)
                order by id desc limit ?""")
                .params(projectId, conversationId, messageRow, settings.historySize())
                .query((rs, n) -> new AssistantTurn.HistoryEntry(rs.getString("role"), rs.getString("text"),
                        rs.getTimestamp("created_at").toInstant()))
                .list());
        Collections.reverse(recent);
        return recent;
    }

    void insertMessage(String projectId, String conversationId, String role, String text, String messageId,
            String replyId, Instant at) {
        jdbc.sql("""
                insert into message (project_id, conversation_id, role, text, message_id, reply_id, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(projectId, conversationId, role, text, messageId, replyId, Timestamp.from(at)).update();
    }

    /** The bookings a turn made or changed, as a {@code system} row of kind {@code booking} in the thread. */
    private void insertBookingEvent(String projectId, String conversationId, List<String> bookingIds, Instant at) {
        jdbc.sql("""
                insert into message (project_id, conversation_id, role, kind, text, booking_ids, created_at)
                values (?, ?, 'system', 'booking', '', ?, ?)""")
                .params(projectId, conversationId, bookingIds.toArray(String[]::new), Timestamp.from(at)).update();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT2M")
    void forgetOldMessageIds() {
        Duration window = settings.duplicateWindow();
        // created_at is the database's now(), so the cut-off is too
        jdbc.sql("delete from processed_message where created_at < now() - make_interval(secs => ?)")
                .param(window.toSeconds()).update();
    }
}
