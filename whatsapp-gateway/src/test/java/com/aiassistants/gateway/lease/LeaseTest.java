package com.aiassistants.gateway.lease;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.aiassistants.gateway.support.Await;
import com.aiassistants.gateway.support.GatewayTestBase;

/** Two gateway instances (lease managers with their own owner ids) on one database: one active, then a take-over. */
class LeaseTest extends GatewayTestBase {

    private static LeaseManager instance(org.springframework.jdbc.core.JdbcTemplate jdbc, String owner, AtomicInteger actives) {
        LeaseManager lease = new LeaseManager(org.springframework.jdbc.core.simple.JdbcClient.create(jdbc), "lease-test", owner, Duration.ofSeconds(2), Duration.ofMillis(200));
        lease.addListener(new LeaseListener() {
            @Override
            public void onActive() {
                actives.incrementAndGet();
            }

            @Override
            public void onStandby() {
                actives.decrementAndGet();
            }
        });
        return lease;
    }

    @Test
    void oneInstanceIsActiveAndTheOtherTakesOverWhenItDies() {
        AtomicInteger actives = new AtomicInteger();
        LeaseManager a = instance(jdbc, "instance-a", actives);
        LeaseManager b = instance(jdbc, "instance-b", actives);
        try {
            a.start();
            Await.until("a is active", a::isActive);
            b.start();
            b.tick();
            assertThat(b.isActive()).isFalse();
            assertThat(actives.get()).isEqualTo(1);
            assertThat(b.holder()).isEqualTo("instance-a");

            a.abandon(); // dies without releasing: no more heartbeats
            Await.until("b takes over after the ttl", b::isActive);
            assertThat(b.holder()).isEqualTo("instance-b");
            a.tick(); // a paused instance coming back finds the lease taken and stands by
            assertThat(a.isActive()).isFalse();
            assertThat(actives.get()).isEqualTo(1);
        } finally {
            a.abandon();
            b.close();
        }
    }

    @Test
    void aStaleHolderIsFencedOutOfClaims() {
        LeaseManager zombie = new LeaseManager(org.springframework.jdbc.core.simple.JdbcClient.create(jdbc), "fence-test", "zombie", Duration.ofSeconds(60), Duration.ofSeconds(1));
        zombie.tick();
        assertThat(zombie.isActive()).isTrue();
        jdbc.update("update gateway_lease set owner = 'successor' where name = 'fence-test'");
        Boolean fenced = jdbc.queryForObject("select " + LeaseManager.FENCE_SQL, Boolean.class, "fence-test", "zombie");
        assertThat(fenced).isFalse();
        zombie.tick();
        assertThat(zombie.isActive()).isFalse();
    }

    @Test
    void aGracefulShutdownHandsTheLeaseOverAtOnce() {
        LeaseManager a = new LeaseManager(org.springframework.jdbc.core.simple.JdbcClient.create(jdbc), "handover-test", "a", Duration.ofMinutes(5), Duration.ofMinutes(1));
        LeaseManager b = new LeaseManager(org.springframework.jdbc.core.simple.JdbcClient.create(jdbc), "handover-test", "b", Duration.ofMinutes(5), Duration.ofMinutes(1));
        a.tick();
        b.tick();
        assertThat(a.isActive()).isTrue();
        assertThat(b.isActive()).isFalse();
        a.close();
        b.tick();
        assertThat(b.isActive()).isTrue();
    }
}
