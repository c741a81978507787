package com.aiassistants.backend.tryit;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.aiassistants.backend.BackendProperties;
import com.aiassistants.backend.conversation.InboundMessage;
import com.aiassistants.backend.conversation.TurnResult;
import com.aiassistants.backend.conversation.TurnService;
import com.aiassistants.backend.tenant.Project;
import com.aiassistants.backend.tenant.ProjectSettings;
import com.aiassistants.backend.tenant.Projects;
import com.aiassistants.backend.tryit.TryItViews.TryMessage;
import com.aiassistants.backend.tryit.TryItViews.TryReply;

/**
 * Sandbox conversations of the "try it" panel. A turn goes through {@link TurnService#handleSandbox} (the same
 * pipeline as a patient's, with the draft flow and calendar writes refused); the conversation, its messages and the
 * memory the assistant kept for the sandbox "patient" (customer id = the conversation id) are deleted on reset and
 * {@code conversation.sandbox-ttl} after the last message.
 */
@Service
public class SandboxConversations {

    private static final Logger log = LoggerFactory.getLogger(SandboxConversations.class);
    static final String PREFIX = TurnService.SANDBOX_CHANNEL + ":";

    private final TurnService turns;
    private final Projects projects;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Duration ttl;
    private final Clock clock;

    public SandboxConversations(TurnService turns, Projects projects, JdbcClient jdbc, TransactionTemplate transactions,
            BackendProperties properties, ObjectProvider<Clock> clock) {
        this.turns = turns;
        this.projects = projects;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.ttl = properties.conversation().sandboxTtl();
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** One message to the draft in sandbox {@code sandboxId} (null: a new sandbox conversation). */
    public TryReply turn(String projectId, String sandboxId, String text, String replyId, ProjectSettings.Flow draft) {
        Project project = projects.require(projectId);
        String id = sandboxId == null ? UUID.randomUUID().toString() : sandboxId;
        String conversationId = PREFIX + id;
        TurnResult result = turns.handleSandbox(new InboundMessage(projectId, conversationId,
                TurnService.SANDBOX_CHANNEL, conversationId, null, text, replyId, null), project.profileWith(draft));
        boolean paused = jdbc.sql("select paused from conversation where project_id = ? and id = ?")
                .params(projectId, conversationId).query(Boolean.class).optional().orElse(false);
        return new TryReply(id, result.text(), result.interactive(), paused, transcript(projectId, conversationId),
                clock.instant().plus(ttl));
    }

    /** Deletes a sandbox conversation with its messages and memory (nothing to delete is fine). */
    public void reset(String projectId, String sandboxId) {
        String conversationId = PREFIX + sandboxId;
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("delete from conversation where project_id = ? and id = ? and channel = ?")
                    .params(projectId, conversationId, TurnService.SANDBOX_CHANNEL).update();
            jdbc.sql("delete from customer_memory where project_id = ? and customer_id = ?")
                    .params(projectId, conversationId).update();
        });
    }

    /** Sandbox conversations idle for longer than the TTL go, with their messages and memory (every instance; idempotent). */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    public void expire() {
        int conversations = jdbc.sql("""
                delete from conversation where channel = ? and updated_at < now() - make_interval(secs => ?)""")
                .params(TurnService.SANDBOX_CHANNEL, (double) ttl.toSeconds()).update();
        jdbc.sql("""
                delete from customer_memory m where m.customer_id like 'sandbox:%'
                  and not exists (select 1 from conversation c where c.project_id = m.project_id and c.id = m.customer_id)""")
                .update();
        if (conversations > 0) {
            log.info("deleted {} expired sandbox conversation(s)", conversations);
        }
    }

    private List<TryMessage> transcript(String projectId, String conversationId) {
        return jdbc.sql("""
                select role, text, created_at from message
                where project_id = ? and conversation_id = ? and role in ('user', 'assistant')
                order by id limit 500""")
                .params(projectId, conversationId)
                .query((rs, n) -> new TryMessage(rs.getString("role"), rs.getString("text"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }
}
