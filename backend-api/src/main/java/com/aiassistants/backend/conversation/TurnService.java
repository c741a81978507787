package com.aiassistants.backend.conversation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

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
 * The turn pipeline, in one PostgreSQL transaction:
 * <ol>
 * <li>dedupe — insert (project, message_id) into {@code processed_message}; a concurrent duplicate
 * blocks on the unique key until the first transaction ends, then reads the stored reply;</li>
 * <li>lock — {@code pg_advisory_xact_lock} on a 64-bit hash of (project, conversation): turns of one
 * conversation run one at a time, across instances, granted in arrival order (the lock manager's
 * wait queue is FIFO, unlike row-lock waiters, which race when the holder commits);</li>
 * <li>load state, memory, history and the tenant profile; call the {@link Assistant};</li>
 * <li>persist both messages, the new state, memory updates and the stored reply; commit;</li>
 * <li>publish live events after the commit.</li>
 * </ol>
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

    public TurnResult handle(InboundMessage in) {
        Project project = projects.require(in.projectId());
        Timer.Sample sample = Timer.start(meters);
        String outcome = "error";
        MDC.put("tenantId", in.projectId());
        MDC.put("conversationId", PhoneNumbers.maskConversation(in.conversationId()));
        List<Frame> published = new ArrayList<>();
        try {
            TurnResult result = transactions.execute(tx -> run(project, in, published));
            outcome = result.duplicate() ? "duplicate" : "ok";
            published.forEach(frame -> events.publish(in.projectId(), in.conversationId(), frame));
            return result;
        } catch (ApiProblem problem) {
            throw problem;
        } catch (RuntimeException e) {
            log.error("turn failed; nothing was stored", e);
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "turn-failed",
                    "the message could not be processed; nothing was stored, retry it").header("Retry-After", "1");
        } finally {
            sample.stop(meters.timer("backend.turns", "channel", in.channel(), "outcome", outcome));
            MDC.remove("conversationId");
        }
    }

    private TurnResult run(Project project, InboundMessage in, List<Frame> published) {
        String projectId = project.id();
        if (in.messageId() != null) {
            int claimed = jdbc.sql("""
                    insert into processed_message (project_id, message_id, conversation_id) values (?, ?, ?)
                    on conflict (project_id, message_id) do nothing""")
                    .params(projectId, in.messageId(), in.conversationId()).update();
            if (claimed == 0) {
                log.info("duplicate message id: returning the first reply");
                return previous(projectId, in.messageId());
            }
        }
        // FIFO per conversation across instances: advisory-lock waiters are granted in queue order
        jdbc.sql("select pg_advisory_xact_lock(?)").param(lockKey(projectId, in.conversationId()))
                .query((rs, n) -> 1).list();
        Instant now = clock.instant();
        ConversationRow conversation = jdbc.sql("""
                insert into conversation (project_id, id, channel, customer_id, customer_name) values (?, ?, ?, ?, ?)
                on conflict (project_id, id) do update
                  set updated_at = now(), customer_name = coalesce(excluded.customer_name, conversation.customer_name)
                returning state, paused""")
                .params(projectId, in.conversationId(), in.channel(), in.customerId(), in.customerName())
                .query((rs, n) -> new ConversationRow(rs.getString("state"), rs.getBoolean("paused")))
                .single();
        List<AssistantTurn.HistoryEntry> history = history(projectId, in.conversationId());
        insertMessage(projectId, in.conversationId(), "user", in.text(), in.messageId(), in.replyId(), now);
        published.add(Frame.message(in.conversationId(), "user", in.text(), now));

        String text = "";
        AssistantReply.Interactive interactive = null;
        if (conversation.paused()) {
            log.info("conversation paused for the bot: message stored, no reply");
        } else {
            Map<String, String> remembered = memory.read(projectId, in.customerId(), now);
            AssistantReply reply = assistant.reply(new AssistantTurn(project.profile(), in.conversationId(),
                    in.customerId(), in.customerName(), in.channel(), in.text(), in.replyId(), conversation.state(),
                    remembered, history, now));
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
                    update conversation set state = ?, paused = paused or ?,
                      paused_by = case when ? then 'assistant' else paused_by end,
                      needs_human_since = case when ? then coalesce(needs_human_since, ?) else needs_human_since end
                    where project_id = ? and id = ?""")
                    .params(reply.state(), reply.handoff(), reply.handoff(), needsHuman, Timestamp.from(now), projectId,
                            in.conversationId())
                    .update();
            memory.write(projectId, in.customerId(), reply.memoryUpdates(), project.memoryTtl(settings.memoryTtl()), now);
            if (reply.handoff()) {
                published.add(Frame.handoff(in.conversationId(), true));
            }
            if (needsHuman) {
                published.add(Frame.needsHuman(in.conversationId()));
            }
            if (reply.reminderAnswers() != null && !reply.reminderAnswers().isEmpty()) {
                publisher.publishEvent(new ReminderAnswer.Given(projectId, in.customerId(), reply.reminderAnswers(), now));
            }
            if (reply.bookingIds() != null && !reply.bookingIds().isEmpty()) {
                insertBookingEvent(projectId, in.conversationId(), reply.bookingIds(), repliedAt);
                published.add(Frame.booking(in.conversationId(), List.copyOf(reply.bookingIds())));
            }
        }
        if (in.messageId() != null) {
            jdbc.sql("update processed_message set response_text = ?, interactive = ?::jsonb where project_id = ? and message_id = ?")
                    .params(text, interactive == null ? null : json.writeValueAsString(interactive), projectId, in.messageId())
                    .update();
        }
        return new TurnResult(in.conversationId(), in.messageId(), text, interactive, false);
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

    static long lockKey(String projectId, String conversationId) {
        byte[] digest = com.aiassistants.backend.support.Signatures.sha256(projectId + "\u0000" + conversationId);
        return java.nio.ByteBuffer.wrap(digest).getLong();
    }

    private TurnResult previous(String projectId, String messageId) {
        return jdbc.sql("select conversation_id, response_text, interactive::text as interactive from processed_message where project_id = ? and message_id = ?")
                .params(projectId, messageId)
                .query((rs, n) -> new TurnResult(rs.getString("conversation_id"), messageId,
                        rs.getString("response_text") == null ? "" : rs.getString("response_text"),
                        rs.getString("interactive") == null ? null
                                : json.readValue(rs.getString("interactive"), AssistantReply.Interactive.class),
                        true))
                .single();
    }

    private List<AssistantTurn.HistoryEntry> history(String projectId, String conversationId) {
        if (settings.historySize() == 0) {
            return List.of();
        }
        List<AssistantTurn.HistoryEntry> recent = new ArrayList<>(jdbc.sql("""
                select role, text, created_at from message where project_id = ? and conversation_id = ? and role <> 'system'
                order by id desc limit ?""")
                .params(projectId, conversationId, settings.historySize())
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
        jdbc.sql("delete from processed_message where created_at < ?")
                .param(Timestamp.from(Instant.now().minus(window))).update();
    }
}
