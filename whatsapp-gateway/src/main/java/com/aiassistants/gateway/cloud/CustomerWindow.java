package com.aiassistants.gateway.cloud;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.aiassistants.gateway.config.GatewayProperties;

/**
 * The Cloud API's 24-hour customer service window: free-form messages may be sent only within 24 h of
 * the user's last message (recorded with every inbox insert); outside it only templates.
 */
@Component
public class CustomerWindow {

    private final JdbcTemplate jdbc;
    private final Duration window;

    public CustomerWindow(JdbcTemplate jdbc, GatewayProperties properties) {
        this.jdbc = jdbc;
        this.window = properties.cloud().serviceWindow();
    }

    public boolean isOpen(String tenantId, String number) {
        List<Timestamp> last = jdbc.queryForList(
                "select last_inbound_at from customer_window where tenant_id = ? and number = ?", Timestamp.class,
                tenantId, number);
        return !last.isEmpty() && last.getFirst().toInstant().isAfter(Instant.now().minus(window));
    }
}
