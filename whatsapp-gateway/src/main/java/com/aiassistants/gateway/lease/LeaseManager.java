package com.aiassistants.gateway.lease;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Single writer through a row lease with heartbeat in PostgreSQL ({@code gateway_lease}). The holder
 * renews it every {@code heartbeat}; any instance may take it once it has not been renewed for
 * {@code ttl}, so a dead holder is replaced within {@code ttl + heartbeat}. A row lease rather than an
 * advisory lock: it needs no pinned connection, survives a pool reconnect, and its owner/expiry are
 * visible to the workers' claim queries, which use it as a fence ({@link #FENCE_SQL}).
 */
public class LeaseManager implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LeaseManager.class);

    /** Appended to claim statements (parameters: lease name, owner) so a stale holder cannot claim work. */
    public static final String FENCE_SQL =
            " exists (select 1 from gateway_lease l where l.name = ? and l.owner = ? and l.expires_at > now())";

    private static final String ACQUIRE_OR_RENEW = """
            insert into gateway_lease (name, owner, expires_at) values (?, ?, now() + make_interval(secs => ?))
            on conflict (name) do update set owner = excluded.owner, expires_at = excluded.expires_at
              where gateway_lease.owner = excluded.owner or gateway_lease.expires_at < now()
            returning owner""";

    private final JdbcClient jdbc;
    private final String name;
    private final String owner;
    private final Duration ttl;
    private final Duration heartbeat;
    private final List<LeaseListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicBoolean active = new AtomicBoolean();
    private volatile ScheduledExecutorService scheduler;

    public LeaseManager(JdbcClient jdbc, String name, String owner, Duration ttl, Duration heartbeat) {
        this.jdbc = jdbc;
        this.name = name;
        this.owner = owner == null || owner.isBlank() ? defaultOwner() : owner;
        this.ttl = ttl;
        this.heartbeat = heartbeat;
    }

    public void addListener(LeaseListener listener) {
        listeners.add(listener);
    }

    static String defaultOwner() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "gateway";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("gateway-lease").daemon().factory());
        scheduler.scheduleWithFixedDelay(this::tick, 0, heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One heartbeat: acquire or renew; notify listeners on a change. Public for tests. */
    public void tick() {
        boolean holds;
        try {
            holds = !jdbc.sql(ACQUIRE_OR_RENEW).params(name, owner, ttl.toMillis() / 1000.0).query(String.class).list()
                    .isEmpty();
        } catch (RuntimeException e) {
            log.warn("lease heartbeat failed: {}", e.toString());
            holds = false;
        }
        if (holds && active.compareAndSet(false, true)) {
            log.info("lease {} acquired by {}: this instance is active", name, owner);
            listeners.forEach(l -> notify(l, true));
        } else if (!holds && active.compareAndSet(true, false)) {
            log.warn("lease {} lost by {}: standing by", name, owner);
            listeners.forEach(l -> notify(l, false));
        }
    }

    private void notify(LeaseListener listener, boolean nowActive) {
        try {
            if (nowActive) {
                listener.onActive();
            } else {
                listener.onStandby();
            }
        } catch (RuntimeException e) {
            log.error("lease listener {} failed", listener.getClass().getSimpleName(), e);
        }
    }

    /** Stops heart-beating without releasing: what a crashed process looks like to the others. Tests only. */
    public synchronized void abandon() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    /** Graceful shutdown: stop, tell listeners, and hand the lease over at once. */
    @Override
    public synchronized void close() {
        abandon();
        if (active.compareAndSet(true, false)) {
            listeners.forEach(l -> notify(l, false));
        }
        try {
            jdbc.sql("delete from gateway_lease where name = ? and owner = ?").params(name, owner).update();
        } catch (RuntimeException e) {
            log.warn("could not release lease {}: {}", name, e.toString());
        }
    }

    public boolean isActive() {
        return active.get();
    }

    public String owner() {
        return owner;
    }

    public String name() {
        return name;
    }

    /** The current holder as stored, or null. */
    public String holder() {
        return jdbc.sql("select owner from gateway_lease where name = ? and expires_at > now()").param(name)
                .query(String.class).optional().orElse(null);
    }
}
