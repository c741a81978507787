package com.aiassistants.calendar.booking;

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
    private static final long MAX_WAIT_SECONDS = 10;

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    public ProfessionalLocks() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock(true);
        }
    }

    public <T> T withProfessional(String tenantId, String professionalId, Supplier<T> work) {
        ReentrantLock lock = stripes[Math.floorMod((tenantId + "/" + professionalId).hashCode(), STRIPES)];
        try {
            if (!lock.tryLock(MAX_WAIT_SECONDS, TimeUnit.SECONDS)) {
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
