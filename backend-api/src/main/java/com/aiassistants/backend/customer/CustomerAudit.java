package com.aiassistants.backend.customer;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.aiassistants.backend.customer.CustomerViews.AuditEntry;
import com.aiassistants.common.mcp.McpJson;

import tools.jackson.core.type.TypeReference;

/** The audit of what staff did with a patient's data (table {@code audit_event}). */
@Repository
public class CustomerAudit {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    public CustomerAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String projectId, String actor, String action, String customerId, Map<String, Object> details) {
        jdbc.sql("insert into audit_event (project_id, actor, action, subject, details) values (?, ?, ?, ?, cast(? as jsonb))")
                .params(projectId, actor, action, customerId, McpJson.toJson(details)).update();
    }

    public List<AuditEntry> of(String projectId, String customerId) {
        return jdbc.sql("""
                select id, actor, action, details::text as details, created_at from audit_event
                where project_id = ? and subject = ? order by id desc limit 200""")
                .params(projectId, customerId)
                .query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getString("actor"), rs.getString("action"),
                        McpJson.MAPPER.readValue(rs.getString("details"), MAP),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /**
     * Part of an erasure: the patient's entries now name the anonymous id, and changed-number entries (theirs and
     * the other number's) lose the patient's number.
     */
    int rename(String projectId, String customerId, String erasedAs) {
        for (String field : new String[] {"from_number", "to_number"}) {
            jdbc.sql("""
                    update audit_event set details = jsonb_set(details, cast(? as text[]), to_jsonb(cast(? as text)))
                    where project_id = ? and action = ? and details ->> ? = ?""")
                    .params("{" + field + "}", erasedAs, projectId, NumberChanges.ACTION, field, customerId).update();
        }
        return jdbc.sql("update audit_event set subject = ? where project_id = ? and subject = ?")
                .params(erasedAs, projectId, customerId).update();
    }
}
