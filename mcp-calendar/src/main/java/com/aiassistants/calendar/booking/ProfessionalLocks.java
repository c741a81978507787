package com.aiassistants.calendar.booking;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import com.aiassistants.common.mcp.server.ToolException;

/**
 * Queues this instance's writes to one professional's calendar in memory, before they take a
 * database connection. The PostgreSQL advisory lock taken inside the transaction still serialises
 * them across instances; this only keeps a burst of holds for one popular professional from
 * occupying the whole connection pool while they wait for that lock (other professionals' writes
 * and every read keep getting connections). Striped: 256 fair locks, picked by hash, so memory is
 * bounded; two professionals sharing a stripe only wait for each other in this instance.
 */
@Component
public class ProfessionalLocks {

    private static final int STRIPES = 256;
    private static final Duration MAX_WAIT = Duration.ofSeconds(10);

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
    private final long maxWaitNanos;

    public ProfessionalLocks() {
        this(MAX_WAIT);
    }

    /** With another longest wait (tests). */
    ProfessionalLocks(Duration maxWait) {
        this.maxWaitNanos = maxWait.toNanos();
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock(true);
        }
    }

    /** The stripe of a professional: two professionals on the same stripe wait for each other here. */
    static int stripe(String tenantId, String professionalId) {
        return Math.floorMod((tenantId + "/" + professionalId).hashCode(), STRIPES);
    }

    /**
     * Runs {@code work} once no other write of this instance to the professional's stripe is running,
     * in arrival order; {@code unavailable} when that takes longer than the longest wait (10 s).
     */
    public <T> T withProfessional(String tenantId, String professionalId, Supplier<T> work) {
        ReentrantLock lock = stripes[stripe(tenantId, professionalId)];
        try {
            if (!lock.tryLock(maxWaitNanos, TimeUnit.NANOSECONDS)) {
                throw new ToolException("unavailable",
                        "The calendar is busy with other bookings for this professional; try again shortly");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException("unavailable", "Interrupted while waiting for the professional's calendar");
        }
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
