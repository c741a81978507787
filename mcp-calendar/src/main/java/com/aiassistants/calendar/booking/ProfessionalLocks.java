package com.aiassistants.calendar.booking;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.aiassistants.common.mcp.server.ToolException;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Queues this instance's writes to one professional's calendar in memory, before they take a database connection.
 * The PostgreSQL advisory locks taken inside the transaction still serialise them across instances; this only keeps a
 * burst for one popular professional from occupying the connection pool while it waits for those locks (other
 * professionals' writes and every read keep getting connections).
 * <ul>
 * <li>Writes that touch the same day of the same professional ({@link ProfessionalDays}) run one at a time, in
 * arrival order: 1,024 fair locks picked by hash, so memory is bounded (two keys sharing a lock only wait for each
 * other here), taken in ascending order.</li>
 * <li>Writes of one professional on different days run at once, but at most half of the pool's connections at a time
 * (at least one): 256 fair semaphores picked by hash, taken after the day locks, so a permit only goes to a write that
 * can start.</li>
 * </ul>
 * Waiting for all of it takes at most 10 s, then {@code unavailable}.
 */
@Component
public class ProfessionalLocks {

    private static final int DAY_STRIPES = 1024;
    private static final int PROFESSIONAL_STRIPES = 256;
    private static final Duration MAX_WAIT = Duration.ofSeconds(10);
    /** Taken as the pool's size when the data source is not a Hikari pool. */
    private static final int UNKNOWN_POOL_SIZE = 4;

    private final ReentrantLock[] days = new ReentrantLock[DAY_STRIPES];
    private final Semaphore[] professionals = new Semaphore[PROFESSIONAL_STRIPES];
    private final long maxWaitNanos;
    private final int writesPerProfessional;

    @Autowired
    public ProfessionalLocks(DataSource dataSource) {
        this(MAX_WAIT, Math.max(1, poolSize(dataSource) / 2));
    }

    /** With another longest wait and another number of one professional's writes at once (tests). */
    ProfessionalLocks(Duration maxWait, int writesPerProfessional) {
        this.maxWaitNanos = maxWait.toNanos();
        this.writesPerProfessional = writesPerProfessional;
        for (int i = 0; i < DAY_STRIPES; i++) {
            days[i] = new ReentrantLock(true);
        }
        for (int i = 0; i < PROFESSIONAL_STRIPES; i++) {
            professionals[i] = new Semaphore(writesPerProfessional, true);
        }
    }

    private static int poolSize(DataSource dataSource) {
        try {
            return dataSource.isWrapperFor(HikariDataSource.class)
                    ? dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize()
                    : UNKNOWN_POOL_SIZE;
        } catch (SQLException e) {
            return UNKNOWN_POOL_SIZE;
        }
    }

    /** How many writes of one professional this instance runs at once. */
    int writesPerProfessional() {
        return writesPerProfessional;
    }

    /** The lock of one day key: two keys on the same stripe wait for each other here. */
    static int dayStripe(String key) {
        return Math.floorMod(key.hashCode(), DAY_STRIPES);
    }

    static int professionalStripe(String tenantId, String professionalId) {
        return Math.floorMod((tenantId + "/" + professionalId).hashCode(), PROFESSIONAL_STRIPES);
    }

    /**
     * Runs {@code work} once no other write of this instance to the same days of the professional is running (in
     * arrival order) and fewer than {@link #writesPerProfessional()} of the professional's writes are;
     * {@code unavailable} when that takes longer than the longest wait (10 s).
     */
    public <T> T withProfessional(ProfessionalDays target, Supplier<T> work) {
        long deadline = System.nanoTime() + maxWaitNanos;
        Deque<ReentrantLock> held = new ArrayDeque<>();
        Semaphore permits = professionals[professionalStripe(target.tenantId(), target.professionalId())];
        boolean permitted = false;
        try {
            for (int stripe : target.keys().stream().mapToInt(ProfessionalLocks::dayStripe).sorted().distinct()
                    .toArray()) {
                ReentrantLock lock = days[stripe];
                if (!lock.tryLock(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                    throw busy();
                }
                held.push(lock);
            }
            permitted = permits.tryAcquire(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (!permitted) {
                throw busy();
            }
            return work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException("unavailable", "Interrupted while waiting for the professional's calendar");
        } finally {
            if (permitted) {
                permits.release();
            }
            while (!held.isEmpty()) {
                held.pop().unlock();
            }
        }
    }

    private static ToolException busy() {
        return new ToolException("unavailable",
                "The calendar is busy with other bookings for this professional; try again shortly");
    }
}
