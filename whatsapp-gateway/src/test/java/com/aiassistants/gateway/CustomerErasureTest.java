package com.aiassistants.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.aiassistants.gateway.support.Await;
import com.aiassistants.gateway.support.GatewayTestBase;

/** A patient's erasure: no row of the gateway keeps their number, name or texts; other patients are untouched. */
class CustomerErasureTest extends GatewayTestBase {

    private int status(String uri, Object body) {
        return admin().post().uri(uri).body(body).retrieve().toBodilessEntity().getStatusCode().value();
    }

    private List<String> rowsContaining(String needle) {
        return jdbc.queryForList("""
                select 'inbox: ' || i::text from inbox i where i::text like ?
                union all select 'outbox: ' || o::text from outbox o where o::text like ?
                union all select 'simulator: ' || s::text from simulator_message s where s::text like ?
                union all select 'window: ' || w::text from customer_window w where w::text like ?""",
                String.class, "%" + needle + "%", "%" + needle + "%", "%" + needle + "%", "%" + needle + "%");
    }

    @Test
    void erasingAPatientLeavesNoNumberNameOrTextAndKeepsTheRowsForTheFigures() {
        awaitActive();
        String erased = "34600777001";
        String kept = "34600777002";
        for (String phone : List.of(erased, kept)) {
            http().post().uri("/simulator/users/{phone}/messages", phone)
                    .body(Map.of("text", "me duele la muela " + phone, "customer_name", "Paciente " + phone)).retrieve()
                    .toBodilessEntity();
        }
        Await.until("both answered", () -> jdbc.queryForObject(
                "select count(*) from simulator_message where direction = 'out' and phone in (?, ?)", Integer.class,
                erased, kept) >= 2);
        assertThat(rowsContaining(erased)).isNotEmpty();
        long inboxRows = jdbc.queryForObject("select count(*) from inbox where tenant_id = 'default'", Long.class);

        Map<?, ?> result = admin().post().uri("/admin/tenants/default/customers/erase").body(Map.of("number", "+" + erased))
                .retrieve().body(Map.class);
        assertThat(result.get("inbound")).isEqualTo(1);
        assertThat((Integer) result.get("outbound")).isGreaterThanOrEqualTo(1);
        assertThat(rowsContaining(erased)).isEmpty();
        assertThat(rowsContaining("muela " + erased)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from inbox where tenant_id = 'default'", Long.class))
                .isEqualTo(inboxRows);
        assertThat(rowsContaining(kept)).isNotEmpty();

        // again: nothing left; bad input and unknown tenants are problems; the admin token is required
        assertThat(admin().post().uri("/admin/tenants/default/customers/erase").body(Map.of("number", erased)).retrieve()
                .body(Map.class).get("inbound")).isEqualTo(0);
        assertThat(status("/admin/tenants/default/customers/erase", Map.of("number", "not a phone"))).isEqualTo(400);
        assertThat(status("/admin/tenants/nowhere/customers/erase", Map.of("number", "+" + kept))).isEqualTo(404);
        assertThat(http().post().uri("/admin/tenants/default/customers/erase").body(Map.of("number", "+" + kept)).retrieve()
                .toBodilessEntity().getStatusCode().value()).isEqualTo(401);
        assertThat(rowsContaining(kept)).isNotEmpty();
    }
}
