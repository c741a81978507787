package com.aiassistants.backend.orders;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Claims the shops' hooks accepted, per project and customer (every statement filters on the project). */
@Repository
public class Claims {

    /** A stored claim as the console lists it. */
    public record ClaimView(UUID id, String customerId,
            @io.swagger.v3.oas.annotations.media.Schema(types = {"string", "null"}) String orderId,
            String description,
            @io.swagger.v3.oas.annotations.media.Schema(types = {"string", "null"}) String hookClaimId,
            @io.swagger.v3.oas.annotations.media.Schema(types = {"string", "null"}) String status,
            Instant createdAt) {
    }

    public record ClaimList(List<ClaimView> claims) {
    }

    private final JdbcClient jdbc;

    public Claims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UUID store(String projectId, String customerId, String conversationId, String orderId, String description,
            String hookClaimId, String status) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into claim (id, project_id, customer_id, conversation_id, order_id, description, hook_claim_id, status)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, projectId, customerId, conversationId, orderId, description, hookClaimId, status)
                .update();
        return id;
    }

    /** The customer's claims, newest first (at most 200). */
    public List<ClaimView> of(String projectId, String customerId) {
        return jdbc.sql("""
                select id, customer_id, order_id, description, hook_claim_id, status, created_at from claim
                where project_id = ? and customer_id = ? order by created_at desc, id limit 200""")
                .params(projectId, customerId)
                .query((rs, n) -> new ClaimView(rs.getObject("id", UUID.class), rs.getString("customer_id"),
                        rs.getString("order_id"), rs.getString("description"), rs.getString("hook_claim_id"),
                        rs.getString("status"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }
}
