package com.aiassistants.backend.memory;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

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

    public Map<String, String> read(String projectId, String customerId, Instant now) {
        Map<String, String> memory = new LinkedHashMap<>();
        jdbc.sql("select key, value from customer_memory where project_id = ? and customer_id = ? and expires_at > ? order by key")
                .params(projectId, customerId, Timestamp.from(now))
                .query(rs -> {
                    memory.put(rs.getString("key"), rs.getString("value"));
                });
        return memory;
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
