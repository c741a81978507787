package com.aiassistants.backend.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.aiassistants.backend.BackendProperties;
import com.aiassistants.backend.assistant.ActivationCodes;
import com.aiassistants.backend.assistant.Assistant;
import com.aiassistants.backend.assistant.AssistantReply;
import com.aiassistants.backend.assistant.AssistantTurn;
import com.aiassistants.backend.assistant.ReminderAnswer;
import com.aiassistants.backend.assistant.Sandbox;
import com.aiassistants.backend.assistant.TenantProfile;
import com.aiassistants.backend.linkaccess.LinkAccesses;
import com.aiassistants.backend.memory.CustomerMemory;
import com.aiassistants.backend.realtime.Frame;
import com.aiassistants.backend.realtime.LiveEvents;
import com.aiassistants.backend.tenant.Project;
import com.aiassistants.backend.tenant.Projects;
import com.aiassistants.common.channel.PhoneNumbers;
import com.aiassistants.common.database.SqlStates;
import com.aiassistants.common.retry.Backoffs;
import com.aiassistants.common.web.ApiProblem;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The turn pipeline, in two PostgreSQL transactions so staff see the patient's message while the
 * assistant is still thinking:
 * <ol>
 * <li>receive — in one statement (one round trip, committed on its own): claim (project, message_id) in
 * {@code processed_message} (a concurrent duplicate blocks on the unique key until the claim commits, then waits for
 * the answer below), create or touch the conversation and store the patient's message; publish it on the live
 * stream;</li>
 * <li>answer — {@code pg_advisory_xact_lock} on a 64-bit hash of (project, conversation): turns of one
 * conversation run one at a time, across instances, granted in arrival order (the lock manager's
 * wait queue is FIFO, unlike row-lock waiters, which race when the holder commits); then, in one statement, the
 * state, history (as it stood when the message arrived), memory and any reply already stored for the message id (a
 * duplicate answered first gets that reply); call the {@link Assistant} with the tenant profile; persist the reply,
 * the new state and the stored reply in one statement, and memory updates; commit and publish the reply's
 * events.</li>
 * </ol>
 * When answering fails the patient's message stays stored and its claim stays open, so the channel's
 * retry of the same message id answers it (once); a message without an id is removed again, because
 * its retry could not be told apart from a new message. The SQL is {@link ConversationStore}'s.
 */
@Service
public class TurnService {

    private static final Logger log = LoggerFactory.getLogger(TurnService.class);

    private final Assistant assistant;
    private final Projects projects;
    private final CustomerMemory memory;
    private final LiveEvents events;
    private final ConversationStore store;
    private final TransactionTemplate transactions;
    private final BackendProperties.Conversation settings;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ApplicationEventPublisher publisher;
    private final LinkAccesses linkAccesses;

    public TurnService(Assistant assistant, Projects projects, CustomerMemory memory, LiveEvents events,
            ConversationStore store, TransactionTemplate transactions, BackendProperties properties,
            ObjectProvider<Clock> clock, MeterRegistry meters, ApplicationEventPublisher publisher,
            LinkAccesses linkAccesses) {
        this.publisher = publisher;
        this.linkAccesses = linkAccesses;
        this.assistant = assistant;
        this.projects = projects;
        this.memory = memory;
        this.events = events;
        this.store = store;
        this.transactions = transactions;
        this.settings = properties.conversation();
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.meters = meters;
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
        // every channel's entry (HTTP, jobs, the conversation socket) ends here: none may write into a sandbox
        if (in.conversationId().startsWith(SANDBOX_CHANNEL + ":")) {
            throw ApiProblem.badRequest("invalid-conversation_id",
                    "sandbox: conversations belong to the console's try-it panel");
        }
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
            received = receiveRetryingConflicts(in, sandbox ? null : profile);
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

    /**
     * The first transaction, run again when PostgreSQL rolled it back to break a deadlock: concurrent messages of one
     * conversation lock its row in different modes (the touch, the message's foreign-key check, a turn's update) and
     * can wait for each other. Nothing of a rolled-back transaction is kept, so at most two more runs follow, 10 and
     * 20 ms later; any other failure ends it at once.
     */
    private Received receiveRetryingConflicts(InboundMessage in, TenantProfile profile) {
        return RECEIVE_RETRIES.invoke(() -> receive(in, profile));
    }

    private static final RetryTemplate RECEIVE_RETRIES = Backoffs.retryTemplate(2, Duration.ofMillis(10),
            Duration.ofMillis(40), TurnService::lostAConflict);

    private static boolean lostAConflict(Throwable e) {
        boolean conflict = SqlStates.isTransientConflict(e);
        if (conflict) {
            log.info("storing the message lost a deadlock with another message of the conversation; storing it again");
        }
        return conflict;
    }

    /**
     * First transaction: claim the message id and store the patient's message, one statement in a transaction of its
     * own; when the message is one of the project's activation codes (not in a sandbox: {@code profile} null), the
     * link access is noted in the same transaction.
     */
    private Received receive(InboundMessage in, TenantProfile profile) {
        Instant now = clock.instant();
        Optional<ActivationCodes.Match> code = profile == null ? Optional.empty()
                : linkAccesses.codeIn(profile, in.customerId(), in.text());
        Long row = code.isEmpty() ? store.receive(in, now) : transactions.execute(tx -> {
            Long stored = store.receive(in, now);
            if (stored != null) {
                linkAccesses.note(profile, code.get(), in.channel(), in.customerId(), now);
            }
            return stored;
        });
        if (row == null) {
            log.info("duplicate message id: answering with the first reply");
            return new Received(null, null);
        }
        return new Received(row, now);
    }

    /** Second transaction: the conversation's turn, one at a time, unless the message was answered already. */
    private TurnResult answer(Project project, TenantProfile profile, boolean sandbox, InboundMessage in,
            Received received, List<Frame> published) {
        String projectId = project.id();
        // FIFO per conversation across instances: advisory-lock waiters are granted in queue order
        store.lock(projectId, in.conversationId());
        long rowId;
        if (received.duplicate()) {
            Optional<TurnResult> answered = store.storedReply(projectId, in.messageId(), true);
            if (answered.isPresent()) {
                return answered.get();
            }
            rowId = store.storedUserRow(in);
        } else {
            rowId = received.rowId();
        }
        Instant now = clock.instant();
        ConversationStore.TurnContext context = store.turnContext(projectId, in.conversationId(), in.customerId(), rowId,
                in.messageId(), settings.historySize(), now);
        if (context.answered().isPresent()) {
            // a repeat of this message id got the lock first and answered it
            return context.answered().get();
        }
        ConversationStore.ConversationRow conversation = context.conversation();
        List<AssistantTurn.HistoryEntry> history = context.history();

        String text = "";
        AssistantReply.Interactive interactive = null;
        if (conversation.paused()) {
            log.info("conversation paused for the bot: message stored, no reply");
        } else {
            AssistantTurn turn = new AssistantTurn(profile, in.conversationId(), in.customerId(), in.customerName(),
                    in.channel(), in.text(), in.replyId(), conversation.state(), context.memory(), history, now);
            AssistantReply reply = sandbox ? sandboxReply(turn) : assistant.reply(turn);
            if (reply == null) {
                throw new IllegalStateException("the assistant returned no reply");
            }
            text = reply.text() == null ? "" : reply.text();
            interactive = reply.interactive();
            Instant repliedAt = clock.instant();
            if (!text.isEmpty()) {
                published.add(Frame.message(in.conversationId(), "assistant", text, repliedAt));
            }
            boolean needsHuman = reply.handoff() || HumanRequests.asksForPerson(in.text());
            store.recordTurn(projectId, in.conversationId(), in.messageId(), text, interactive, repliedAt, reply.state(),
                    reply.handoff(), needsHuman, now);
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
                store.insertBookingEvent(projectId, in.conversationId(), reply.bookingIds(), repliedAt);
                published.add(Frame.booking(in.conversationId(), List.copyOf(reply.bookingIds()), clock.instant()));
            }
        }
        if (conversation.paused() && in.messageId() != null) {
            store.storeReply(projectId, in.messageId(), text, interactive);
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
            store.deleteMessage(in.projectId(), rowId);
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
            store.lock(projectId, conversationId);
            String state = store.openOutboundConversation(projectId, conversationId, customerId);
            store.insertMessage(projectId, conversationId, "assistant", text, now);
            if (stateUpdate != null) {
                store.setState(projectId, conversationId, stateUpdate.apply(state));
            }
        });
        events.publish(projectId, conversationId, Frame.message(conversationId, "assistant", text, now));
    }

    /** The turn lock key of a conversation (see {@link ConversationStore#lockKey}). */
    public static long lockKey(String projectId, String conversationId) {
        return ConversationStore.lockKey(projectId, conversationId);
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT2M")
    void forgetOldMessageIds() {
        store.forgetMessageIdsOlderThan(settings.duplicateWindow());
    }
}
