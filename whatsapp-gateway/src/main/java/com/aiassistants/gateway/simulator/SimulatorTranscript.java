package com.aiassistants.gateway.simulator;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/**
 * The simulated WhatsApp side: what each fake user sent and received. Stored in PostgreSQL so it
 * outlives gateway crashes (like WhatsApp's servers would), deduplicated on message id.
 */
@Repository
public class SimulatorTranscript {

    public record Entry(long id, String phone, String direction, String messageId, Map<String, Object> body,
            int deliveryAttempts, java.time.Instant at) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public SimulatorTranscript(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** True when this message id is new; a repeat only counts another delivery attempt. */
    public boolean record(String tenantId, String phone, String direction, String messageId, Map<String, Object> body) {
        Boolean inserted = jdbc.sql("""
                insert into simulator_message (tenant_id, phone, direction, message_id, body)
                values (?, ?, ?, ?, cast(? as jsonb))
                on conflict (message_id) do update set delivery_attempts = simulator_message.delivery_attempts + 1
                returning (xmax = 0)""").params(tenantId, phone, direction, messageId, json.writeValueAsString(body))
                .query(Boolean.class).single();
        return Boolean.TRUE.equals(inserted);
    }

    @SuppressWarnings("unchecked")
    public List<Entry> conversation(String tenantId, String phone) {
        return jdbc.sql("""
                select id, phone, direction, message_id, body::text as body, delivery_attempts, created_at
                from simulator_message where tenant_id = ? and phone = ? order by id""").params(tenantId, phone)
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getString("phone"), rs.getString("direction"),
                        rs.getString("message_id"), json.readValue(rs.getString("body"), Map.class),
                        rs.getInt("delivery_attempts"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }
}
