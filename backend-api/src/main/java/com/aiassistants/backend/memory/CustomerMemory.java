package com.aiassistants.backend.memory;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

import com.aiassistants.common.mcp.McpJson;

import tools.jackson.core.type.TypeReference;

/**
 * Per (project, customer) key/values with a time to live; every write renews the entry's expiry.
 * Expired entries are invisible at once and deleted by a periodic sweep.
 */
@Repository
public class CustomerMemory {

    private final JdbcClient jdbc;

    public CustomerMemory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A customer's unexpired entries as one JSON object ordered by key, as a scalar subquery with the named parameters
     * {@code :project}, {@code :customer} and {@code :now}: {@link #read} selects it, and a turn reads it with the
     * rest of its context in one statement; {@link #fromJson} turns it into the map.
     */
    public static final String UNEXPIRED_AS_JSON = """
            (select coalesce(json_object_agg(key, value order by key), '{}') from customer_memory
              where project_id = :project and customer_id = :customer and expires_at > :now)""";

    /**
     * The name a customer gave the assistant (the unexpired memory entry {@code name}), or null, as an SQL expression for
     * a query whose rows give the project and the customer as the SQL expressions {@code project} and {@code customer}.
     * The Inbox and the customers page show this name before a channel's profile name.
     */
    public static String givenNameSql(String project, String customer) {
        return "(select m.value from customer_memory m where m.project_id = " + project + " and m.customer_id = "
                + customer + " and m.key = 'name' and m.expires_at > now())";
    }

    private static final TypeReference<LinkedHashMap<String, String>> ENTRIES = new TypeReference<>() {
    };

    public Map<String, String> read(String projectId, String customerId, Instant now) {
        return fromJson(jdbc.sql("select " + UNEXPIRED_AS_JSON).param("project", projectId)
                .param("customer", customerId).param("now", Timestamp.from(now)).query(String.class).single());
    }

    /** The entries of {@link #UNEXPIRED_AS_JSON}'s value, in key order. */
    public static Map<String, String> fromJson(String entries) {
        return McpJson.MAPPER.readValue(entries, ENTRIES);
    }

    /** Applies updates: a null value removes the key. */
    public void write(String projectId, String customerId, Map<String, String> updates, Duration ttl, Instant now) {
        if (updates == null) {
            return;
        }
        updates.forEach((key, value) -> {
            if (value == null) {
                jdbc.sql("delete from customer_memory where project_id = ? and customer_id = ? and key = ?")
                        .params(projectId, customerId, key).update();
            } else {
                jdbc.sql("""
                        insert into customer_memory (project_id, customer_id, key, value, expires_at, updated_at)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (project_id, customer_id, key)
                        do update set value = excluded.value, expires_at = excluded.expires_at, updated_at = excluded.updated_at""")
                        .params(projectId, customerId, key, value, Timestamp.from(now.plus(ttl)), Timestamp.from(now))
                        .update();
            }
        });
    }

    public int forget(String projectId, String customerId) {
        return jdbc.sql("delete from customer_memory where project_id = ? and customer_id = ?")
                .params(projectId, customerId).update();
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void sweepExpired() {
        jdbc.sql("delete from customer_memory where expires_at < now()").update();
    }
}
