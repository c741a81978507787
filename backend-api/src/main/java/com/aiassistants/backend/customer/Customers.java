package com.aiassistants.backend.customer;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.aiassistants.backend.calendar.CalendarViews.BookingView;
import com.aiassistants.backend.customer.CustomerViews.CustomerConversation;
import com.aiassistants.backend.customer.CustomerViews.CustomerPage;
import com.aiassistants.backend.customer.CustomerViews.CustomerProfile;
import com.aiassistants.backend.customer.CustomerViews.CustomerSummary;
import com.aiassistants.backend.customer.CustomerViews.MemoryItem;
import com.aiassistants.backend.mcp.McpCalls;
import com.aiassistants.backend.mcp.McpClients;
import com.aiassistants.backend.memory.CustomerMemory;
import com.aiassistants.common.channel.PhoneNumbers;
import com.aiassistants.common.mcp.McpJson;
import com.aiassistants.common.scheduling.BookingLogTools;
import com.aiassistants.common.scheduling.BookingLogTools.BookingEventList;
import com.aiassistants.common.scheduling.BookingLogTools.ListBookingEventsInput;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.CalendarTools.BookingList;
import com.aiassistants.common.scheduling.CalendarTools.ListCustomerBookingsInput;
import com.aiassistants.common.web.ApiProblem;

import tools.jackson.core.type.TypeReference;

/**
 * The patients a project has talked to, read from its conversations (a customer id is the WhatsApp phone or
 * the integrator's id), with what is held about them here and in the scheduling services: bookings from
 * mcp-calendar, booking events from mcp-booking-log. Erased patients ({@code erased:…}) are not listed.
 */
@Service
public class Customers {

    static final String ERASED_PREFIX = "erased:";
    private static final TypeReference<Object> ANY = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final McpClients mcp;
    private final CustomerAudit audit;
    private final Clock clock;

    public Customers(JdbcClient jdbc, McpClients mcp, CustomerAudit audit, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.mcp = mcp;
        this.audit = audit;
    }

    /** SQL of the name a patient gave the assistant, for a row of {@code conversation}. */
    public static final String GIVEN_NAME = CustomerMemory.givenNameSql(":project", "conversation.customer_id");

    /** SQL: a row of {@code conversation} of project {@code :project} with a real patient (not erased, not the sandbox). */
    public static final String PATIENT_CONVERSATION = "project_id = :project and customer_id is not null"
            + " and customer_id not like 'erased:%' and channel <> 'sandbox'";

    /**
     * SQL: the row's patient matches {@code :like} ({@link #likeParam}) by the name they gave the assistant, their
     * profile name or their id, or {@code :digits} ({@link #digitsParam}, at least 3) within their phone number.
     */
    public static final String MATCHES = """
            (customer_name ilike :like or customer_id ilike :like or %s ilike :like
             or (length(:digits) >= 3 and regexp_replace(customer_id, '\\D', '', 'g') like '%%' || :digits || '%%'))"""
            .formatted(GIVEN_NAME);

    /**
     * A patient's name: the one they gave the assistant (live memory {@code name}), else the latest WhatsApp profile
     * name of their conversations.
     */
    private static final String SUMMARY = """
            select customer_id,
                   coalesce(%s,
                            (array_agg(customer_name order by updated_at desc) filter (where customer_name is not null))[1]) as name,
                   array_agg(distinct channel order by channel) as channels,
                   count(*) as conversations, max(updated_at) as last_activity_at
            from conversation
            where %s
            """.formatted(GIVEN_NAME, PATIENT_CONVERSATION);

    /** Most recently active first; {@code query} matches name, id or phone digits (at least 3). */
    public CustomerPage list(String projectId, String query, int limit) {
        StringBuilder sql = new StringBuilder(SUMMARY);
        String q = query == null ? "" : query.trim();
        if (!q.isEmpty()) {
            sql.append(" and ").append(MATCHES);
        }
        sql.append(" group by customer_id order by max(updated_at) desc, customer_id limit :limit");
        var statement = jdbc.sql(sql.toString()).param("project", projectId).param("limit", limit);
        if (!q.isEmpty()) {
            statement = statement.param("like", likeParam(q)).param("digits", digitsParam(q));
        }
        return new CustomerPage(statement.query((rs, n) -> summary(rs)).list());
    }

    /** {@code :like} of {@link #MATCHES}: the query anywhere in the text, its wildcards taken literally. */
    public static String likeParam(String query) {
        return "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** {@code :digits} of {@link #MATCHES}: the query's digits. */
    public static String digitsParam(String query) {
        return query.replaceAll("\\D", "");
    }

    public CustomerProfile profile(String projectId, String customerId) {
        CustomerSummary summary = summary(projectId, customerId);
        List<CustomerConversation> conversations = jdbc.sql("""
                select c.id, c.channel, c.created_at, c.updated_at,
                       (select count(*) from message m where m.project_id = c.project_id and m.conversation_id = c.id) as messages,
                       (select m.text from message m where m.project_id = c.project_id and m.conversation_id = c.id
                          and m.kind = 'text' order by m.id desc limit 1) as last_message
                from conversation c where c.project_id = ? and c.customer_id = ? order by c.updated_at desc""")
                .params(projectId, customerId)
                .query((rs, n) -> new CustomerConversation(rs.getString("id"), rs.getString("channel"),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                        rs.getInt("messages"), rs.getString("last_message")))
                .list();
        List<MemoryItem> memory = memory(projectId, customerId);
        List<BookingView> bookings = bookings(projectId, customerId).stream().map(BookingView::of).toList();
        if (summary == null && memory.isEmpty() && bookings.isEmpty()) {
            throw ApiProblem.notFound("customer");
        }
        if (summary == null) {
            String name = bookings.stream().map(BookingView::customerName).filter(n -> n != null).findFirst().orElse(null);
            summary = new CustomerSummary(customerId, name, phoneOf(customerId), List.of(), 0, null);
        }
        return new CustomerProfile(summary, conversations, memory, bookings, audit.of(projectId, customerId));
    }

    /** Live memory entries (expired ones are invisible, as for the assistant). */
    public List<MemoryItem> memory(String projectId, String customerId) {
        return jdbc.sql("""
                select key, value, expires_at, updated_at from customer_memory
                where project_id = ? and customer_id = ? and expires_at > now() order by key""")
                .params(projectId, customerId)
                .query((rs, n) -> new MemoryItem(rs.getString("key"), rs.getString("value"),
                        rs.getTimestamp("expires_at").toInstant(), rs.getTimestamp("updated_at").toInstant()))
                .list();
    }

    /** Forgets one memory entry, or every entry when {@code key} is null; 404 when there was nothing to forget. */
    public int forget(String projectId, String actor, String customerId, String key) {
        int deleted = key == null
                ? jdbc.sql("delete from customer_memory where project_id = ? and customer_id = ?")
                        .params(projectId, customerId).update()
                : jdbc.sql("delete from customer_memory where project_id = ? and customer_id = ? and key = ?")
                        .params(projectId, customerId, key).update();
        if (deleted == 0) {
            throw ApiProblem.notFound(key == null ? "memory" : "memory item");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("keys", key == null ? "all" : key);
        details.put("deleted", deleted);
        audit.record(projectId, actor, "memory_forgotten", customerId, details);
        return deleted;
    }

    /**
     * Everything held about the patient, every row of every table that names them (the patient's right of
     * access), recorded in the audit.
     */
    public Map<String, Object> export(String projectId, String actor, String customerId) {
        List<Map<String, Object>> conversations = rows("""
                select id, channel, customer_id, customer_name, state, paused, paused_by, needs_human_since, created_at,
                       updated_at from conversation where project_id = ? and customer_id = ? order by created_at""",
                projectId, customerId);
        List<Object> conversationIds = conversations.stream().map(c -> c.get("id")).toList();
        for (Map<String, Object> conversation : conversations) {
            conversation.put("messages", rows("""
                    select id, role, kind, text, booking_ids, message_id, reply_id, created_at from message
                    where project_id = ? and conversation_id = ? order by id""", projectId, conversation.get("id")));
        }
        List<Map<String, Object>> bookings = bookings(projectId, customerId).stream().map(McpJson::toMap)
                .map(m -> (Map<String, Object>) new LinkedHashMap<>(m)).toList();
        BookingEventList events = McpCalls.run(() -> mcp.bookingLog().call(projectId,
                BookingLogTools.LIST_BOOKING_EVENTS, new ListBookingEventsInput(null, customerId, null, null, null, 1000),
                BookingEventList.class));
        if (summary(projectId, customerId) == null && bookings.isEmpty()
                && memory(projectId, customerId).isEmpty()) {
            throw ApiProblem.notFound("customer");
        }
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("exported_at", clock.instant().toString());
        export.put("project_id", projectId);
        export.put("customer_id", customerId);
        export.put("conversations", conversations);
        export.put("memory", rows("""
                select key, value, expires_at, updated_at from customer_memory where project_id = ? and customer_id = ?
                order by key""", projectId, customerId));
        export.put("bookings", bookings);
        export.put("booking_events", events.events().stream().map(McpJson::toMap).toList());
        export.put("reminders", rows("""
                select id, booking_id, kind, lead_minutes, starts_at, due_at, status, sent_at, skip_reason, outcome,
                       answered_at, created_at from reminder where project_id = ? and customer_id = ? order by due_at""",
                projectId, customerId));
        export.put("reminder_opt_out", rows("select created_at from reminder_opt_out where project_id = ? and customer_id = ?",
                projectId, customerId));
        export.put("jobs", conversationIds.isEmpty() ? List.of() : rows("""
                select id, channel, conversation_id, message_id, request, status, response_text, response, error_text,
                       callback_url, callback_status, created_at, updated_at from job
                where project_id = ? and conversation_id = any (?) order by created_at""", projectId,
                conversationIds.toArray(String[]::new)));
        export.put("processed_messages", conversationIds.isEmpty() ? List.of() : rows("""
                select message_id, conversation_id, response_text, interactive, created_at from processed_message
                where project_id = ? and conversation_id = any (?) order by created_at""", projectId,
                conversationIds.toArray(String[]::new)));
        export.put("claims", rows("""
                select id, conversation_id, order_id, description, hook_claim_id, status, created_at from claim
                where project_id = ? and customer_id = ? order by created_at""", projectId, customerId));
        export.put("link_accesses_pending", rows("""
                select code, action, channel, accessed_at from link_access_outbox
                where project_id = ? and customer_id = ? order by accessed_at""", projectId, customerId));
        export.put("audit", audit.of(projectId, customerId).stream().map(McpJson::toMap).toList());
        audit.record(projectId, actor, "exported", customerId, Map.of("conversations", conversations.size(),
                "bookings", bookings.size()));
        return export;
    }

    List<CalendarTools.Booking> bookings(String projectId, String customerId) {
        return McpCalls.run(() -> mcp.calendar().call(projectId, CalendarTools.LIST_CUSTOMER_BOOKINGS,
                new ListCustomerBookingsInput(customerId, true), BookingList.class)).bookings();
    }

    private CustomerSummary summary(String projectId, String customerId) {
        return jdbc.sql(SUMMARY + " and customer_id = :customer group by customer_id")
                .param("project", projectId).param("customer", customerId)
                .query((rs, n) -> summary(rs)).optional().orElse(null);
    }

    private static CustomerSummary summary(ResultSet rs) throws SQLException {
        String customerId = rs.getString("customer_id");
        List<String> channels = Arrays.asList((String[]) rs.getArray("channels").getArray());
        return new CustomerSummary(customerId, rs.getString("name"), channels.contains("whatsapp") ? phoneOf(customerId)
                : null, channels, rs.getInt("conversations"), rs.getTimestamp("last_activity_at").toInstant());
    }

    static String phoneOf(String customerId) {
        return customerId.matches(PhoneNumbers.E164_PATTERN) && customerId.startsWith("+") ? customerId : null;
    }

    /** Rows as JSON-ready maps: instants as ISO strings, arrays as lists, jsonb parsed. */
    private List<Map<String, Object>> rows(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query((rs, n) -> row(rs)).list();
    }

    private static Map<String, Object> row(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            if (meta.getColumnTypeName(i).startsWith("json")) {
                String json = rs.getString(i);
                row.put(meta.getColumnLabel(i), json == null ? null : McpJson.MAPPER.readValue(json, ANY));
                continue;
            }
            Object value = rs.getObject(i);
            row.put(meta.getColumnLabel(i), switch (value) {
                case null -> null;
                case Timestamp t -> t.toInstant().toString();
                case java.time.OffsetDateTime t -> t.toInstant().toString();
                case Array a -> new ArrayList<>(Arrays.asList((Object[]) a.getArray()));
                case java.util.UUID u -> u.toString();
                case Number n -> n;
                case Boolean b -> b;
                default -> value.toString();
            });
        }
        return row;
    }
}
