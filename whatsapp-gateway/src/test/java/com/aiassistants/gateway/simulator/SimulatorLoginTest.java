package com.aiassistants.gateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.aiassistants.gateway.config.GatewayProperties;
import com.aiassistants.gateway.ops.GatewayEvents;
import com.aiassistants.gateway.provider.ConnectionStatus.State;
import com.aiassistants.gateway.support.Await;
import com.aiassistants.gateway.support.GatewayTestBase;

/** The simulator's test mode of the WhatsApp Web login, through the admin API as backend-api drives it. */
class SimulatorLoginTest extends GatewayTestBase {

    private Map<?, ?> connection() {
        return admin().get().uri("/admin/tenants/linking/connection").retrieve().body(Map.class);
    }

    @Test
    void afterALogoutTheQrRotatesUntilAScanLinksTheSessionAgain() {
        awaitActive();
        Await.until("linked at start", () -> "connected".equals(connection().get("state")));
        // like WhatsApp Web's own JID: the linked number (here the simulator's test number), none while logged out
        assertThat(connection().get("phone_number")).isEqualTo(SimulatorProvider.TEST_NUMBER);

        var out = admin().post().uri("/admin/tenants/linking/logout").retrieve().toEntity(Map.class);
        assertThat(out.getStatusCode().value()).isEqualTo(200);
        assertThat(out.getBody()).containsEntry("state", "logged_out").containsEntry("provider", "simulator");
        assertThat(connection().get("qr_code")).isNull();
        assertThat(connection().containsKey("phone_number")).isTrue();
        assertThat(connection().get("phone_number")).isNull();
        // nothing to scan while logged out
        assertThat(http().post().uri("/simulator/tenants/linking/link").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(409);
        // a message queued meanwhile waits for the session
        long id = ((Number) admin().post().uri("/admin/messages")
                .body(Map.of("tenant_id", "linking", "to", "34600777888", "text", "sent once linked")).retrieve()
                .body(Map.class).get("outbox_id")).longValue();

        assertThat(admin().post().uri("/admin/tenants/linking/reconnect").retrieve().toEntity(Map.class).getBody())
                .containsEntry("state", "needs_qr");
        Set<String> seen = Collections.synchronizedSet(new HashSet<>());
        Await.until("three different QR strings", Duration.ofSeconds(10), () -> {
            Map<?, ?> c = connection();
            assertThat(c.get("state")).isEqualTo("needs_qr");
            seen.add((String) c.get("qr_code"));
            return seen.size() >= 3;
        });
        assertThat(seen).allSatisfy(qr -> assertThat(qr).matches("2@[A-Za-z0-9+/=]+(,[A-Za-z0-9+/=]+){3}"));
        assertThat(outboxStatus(id)).isEqualTo("pending");

        var linked = http().post().uri("/simulator/tenants/linking/link").retrieve().toEntity(Map.class);
        assertThat(linked.getStatusCode().value()).isEqualTo(200);
        assertThat(linked.getBody()).containsEntry("state", "connected");
        Map<?, ?> now = connection();
        assertThat(now.get("state")).isEqualTo("connected");
        assertThat(now.get("phone_number")).isEqualTo(SimulatorProvider.TEST_NUMBER);
        assertThat(now.get("qr_code")).isNull();
        Await.until("the waiting message went out", () -> "sent".equals(outboxStatus(id)));
        assertThat(http().post().uri("/simulator/tenants/linking/link").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(409);

        // the latest messages with their delivery status, newest first; the limit is validated
        List<?> recent = admin().get().uri("/admin/tenants/linking/messages?limit=5").retrieve().body(List.class);
        assertThat(((Map<?, ?>) recent.getFirst()).get("id")).isEqualTo((int) id);
        assertThat(((Map<?, ?>) recent.getFirst()).get("delivery_status")).isEqualTo("sent");
        assertThat(admin().get().uri("/admin/tenants/linking/messages?limit=0").retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(400);
        assertThat(admin().get().uri("/admin/tenants/nowhere/messages").retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aPairingCodeReplacesTheQrAndEnteringItLinks() {
        List<Map<String, Object>> events = Collections.synchronizedList(new ArrayList<>());
        GatewayEvents bus = new GatewayEvents(null) {
            @Override
            public void publish(Map<String, Object> event) {
                events.add(event);
            }
        };
        SimulatorProvider provider = new SimulatorProvider("t1", null, bus,
                new GatewayProperties.Simulator(true, GatewayProperties.Simulator.Login.QR, Duration.ofMillis(100)),
                java.time.Clock.systemUTC());
        assertThat(provider.link()).as("not started: nothing to scan").isFalse();
        provider.start();
        assertThat(provider.status().state()).isEqualTo(State.NEEDS_QR);
        assertThat(provider.phoneNumber()).as("no session linked yet").isNull();
        String first = provider.status().qrCode();
        Await.until("rotated", () -> !first.equals(provider.status().qrCode()));

        provider.requestPairingCode("+34 600 000 111");
        assertThat(provider.status().state()).isEqualTo(State.NEEDS_PAIRING_CODE);
        assertThat(provider.status().pairingCode()).matches("[1-9A-HJ-NP-Z]{8}");
        assertThat(provider.status().qrCode()).isNull();
        assertThat(provider.link()).isTrue();
        assertThat(provider.status().state()).isEqualTo(State.CONNECTED);
        assertThat(provider.phoneNumber()).as("the number the code was asked for").isEqualTo("+34600000111");
        assertThat(events).extracting(e -> e.get("state"))
                .containsSubsequence("connecting", "needs_qr", "needs_qr", "needs_pairing_code", "connected");
        assertThat(events).allSatisfy(e -> assertThat(e).containsEntry("type", "connection").containsEntry("tenant_id", "t1"));

        // a linked session reconnects without a QR; a logout needs one again
        provider.reconnect();
        assertThat(provider.status().state()).isEqualTo(State.CONNECTED);
        provider.logout();
        assertThat(provider.status().state()).isEqualTo(State.LOGGED_OUT);
        assertThat(provider.phoneNumber()).isNull();
        provider.start();
        assertThat(provider.status().state()).isEqualTo(State.NEEDS_QR);
        provider.stop();
    }

    @Test
    void aConfiguredNumberIsReportedOnceLinked() {
        SimulatorProvider provider = new SimulatorProvider("t2", null, new GatewayEvents(null) {
            @Override
            public void publish(Map<String, Object> event) {
            }
        }, new GatewayProperties.Simulator(true, GatewayProperties.Simulator.Login.LINKED, Duration.ofSeconds(20)),
                "+54 9 11 2233-4455", java.time.Clock.systemUTC());
        provider.start();
        assertThat(provider.phoneNumber()).isEqualTo("+5491122334455");
        provider.logout();
        assertThat(provider.phoneNumber()).isNull();
    }
}
