package com.aiassistants.backend.handoff;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.aiassistants.backend.customer.Customers;
import com.aiassistants.backend.memory.CustomerMemory;
import com.aiassistants.common.channel.PhoneNumbers;
import com.aiassistants.common.web.ApiProblem;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The console's inbox: every conversation of a project with its last message, state and unread
 * count, searchable and filterable; and the per-project "read" mark.
 */
@Service
public class ConversationInbox {

    /** SQL of a conversation's state, see {@link ConversationSummary#state()}. */
    private static final String STATE_SQL =
            "case when c.needs_human_since is not null then 'needs_human' when c.paused then 'staff' else 'bot' end";

    /** SQL of the name the patient gave the assistant, shown before the channel's profile name. */
    private static final String GIVEN_NAME = CustomerMemory.givenNameSql("c.project_id", "c.customer_id");

    private final JdbcClient jdbc;

    public ConversationInbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What the inbox list is narrowed to; null fields do not filter. */
    public record Filter(String query, String state, String channel) {
    }

    /**
     * One conversation in the inbox.
     *
     * @param state {@code needs_human} when the patient asked for a person and no staff took over yet,
     *              {@code staff} while staff has the conversation, else {@code bot}
     * @param unreadCount patient messages after the project's last {@code /read}
     */
    public record ConversationSummary(String conversationId, String channel,
            @Schema(types = {"string", "null"}) String customerIdMasked,
            @Schema(types = {"string", "null"},
                    description = "The name the patient gave the assistant, else the channel's profile name") String customerName,
            @Schema(types = {"string", "null"}) String lastMessageText,
            @Schema(types = {"string", "null"}, allowableValues = {"user", "assistant", "staff"}) String lastMessageRole,
            Instant lastMessageAt,
            @Schema(allowableValues = {"bot", "staff", "needs_human"}) String state,
            long unreadCount, boolean paused,
            @Schema(types = {"string", "null"}, format = "date-time") Instant needsHumanSince) {
    }

    public record ConversationPage(List<ConversationSummary> items, long total) {
    }

    public ConversationPage list(String projectId, Filter filter, int limit, int offset) {
        List<Object> params = new ArrayList<>();
        String where = where(projectId, filter, params);
        long total = jdbc.sql("select count(*) from conversation c where " + where).params(params)
                .query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(limit);
        pageParams.add(offset);
        List<ConversationSummary> items = jdbc.sql("""
                select c.id, c.channel, c.customer_id, coalesce(%s, c.customer_name) as customer_name, c.paused,
                       c.needs_human_since, c.updated_at, %s as state, last.role as last_role, last.text as last_text, last.created_at as last_at,
                       (select count(*) from message u where u.project_id = c.project_id and u.conversation_id = c.id
                          and u.role = 'user' and u.id > c.read_up_to) as unread
                from conversation c
                left join lateral (select m.role, m.text, m.created_at from message m
                                   where m.project_id = c.project_id and m.conversation_id = c.id and m.role <> 'system'
                                   order by m.id desc limit 1) last on true
                where %s
                order by c.updated_at desc, c.id limit ? offset ?""".formatted(GIVEN_NAME, STATE_SQL, where))
                .params(pageParams)
                .query((rs, n) -> new ConversationSummary(rs.getString("id"), rs.getString("channel"),
                        PhoneNumbers.mask(rs.getString("customer_id")), rs.getString("customer_name"),
                        rs.getString("last_text"), rs.getString("last_role"),
                        rs.getTimestamp("last_at") == null ? rs.getTimestamp("updated_at").toInstant()
                                : rs.getTimestamp("last_at").toInstant(),
                        rs.getString("state"), rs.getLong("unread"), rs.getBoolean("paused"),
                        rs.getTimestamp("needs_human_since") == null ? null : rs.getTimestamp("needs_human_since").toInstant()))
                .list();
        return new ConversationPage(items, total);
    }

    /** Marks every message of the conversation read for the whole project. */
    public void markRead(String projectId, String conversationId) {
        int updated = jdbc.sql("""
                update conversation c set read_up_to = greatest(c.read_up_to, coalesce(
                  (select max(m.id) from message m where m.project_id = c.project_id and m.conversation_id = c.id), 0))
                where c.project_id = ? and c.id = ?""")
                .params(projectId, conversationId).update();
        if (updated == 0) {
            throw ApiProblem.notFound("conversation");
        }
    }

    private static String where(String projectId, Filter filter, List<Object> params) {
        // the console's "try it" conversations (tryit) are nobody's: never in the inbox
        StringBuilder where = new StringBuilder("c.project_id = ? and c.channel <> 'sandbox'");
        params.add(projectId);
        if (filter.state() != null) {
            where.append(" and ").append(STATE_SQL).append(" = ?");
            params.add(filter.state());
        }
        if (filter.channel() != null) {
            where.append(" and c.channel = ?");
            params.add(filter.channel());
        }
        String query = filter.query() == null ? "" : filter.query().strip();
        if (!query.isEmpty()) {
            String like = Customers.likeParam(query);
            where.append(" and (c.customer_name ilike ? or " + GIVEN_NAME + " ilike ?"
                    + " or exists (select 1 from message m where m.project_id = c.project_id"
                    + " and m.conversation_id = c.id and m.role <> 'system' and m.text ilike ?)");
            params.add(like);
            params.add(like);
            params.add(like);
            String digits = query.replaceAll("[\\s()+.-]", "");
            if (digits.length() >= 3 && digits.chars().allMatch(Character::isDigit)) {
                where.append(" or regexp_replace(coalesce(c.customer_id, c.id), '\\D', '', 'g') like ?");
                params.add("%" + digits + "%");
            }
            where.append(")");
        }
        return where.toString();
    }
}
