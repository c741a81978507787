package com.aiassistants.gateway.queue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.aiassistants.gateway.config.GatewayProperties;
import com.aiassistants.gateway.lease.LeaseListener;

/**
 * A poll-and-wake loop over a database queue: while this instance holds the lease it claims up to
 * {@code free permits} rows, processes each on a virtual thread, and sleeps until {@link #wake()} or
 * the poll interval. Claims are made with {@code FOR UPDATE SKIP LOCKED} in the subclasses'
 * repositories.
 */
public abstract class QueueWorker<T> implements LeaseListener, AutoCloseable {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    protected final GatewayProperties.Workers settings;
    private final Semaphore permits;
    private final Semaphore wakeUps = new Semaphore(0);
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean active;
    private volatile Thread loop;

    protected QueueWorker(String name, GatewayProperties.Workers settings) {
        this.name = name;
        this.settings = settings;
        this.permits = new Semaphore(settings.concurrency());
    }

    /** Claims at most {@code limit} rows. */
    protected abstract List<T> claim(int limit);

    /** Handles one claimed row; must not throw. */
    protected abstract void process(T row);

    /** Housekeeping run before each claim (e.g. recovering stale rows). */
    protected void beforeClaim() {
    }

    public void wake() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    @Override
    public synchronized void onActive() {
        active = true;
        if (loop == null) {
            loop = Thread.ofPlatform().name("gateway-" + name).daemon().start(this::run);
        }
    }

    @Override
    public synchronized void onStandby() {
        active = false;
        Thread running = loop;
        loop = null;
        if (running != null) {
            running.interrupt();
        }
    }

    @Override
    public void close() {
        onStandby();
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        log.info("{} worker started", name);
        while (active && !Thread.currentThread().isInterrupted()) {
            try {
                beforeClaim();
                int free = permits.availablePermits();
                List<T> rows = free == 0 ? List.of() : claim(Math.min(free, settings.batchSize()));
                for (T row : rows) {
                    permits.acquire();
                    executor.execute(() -> {
                        try {
                            process(row);
                        } catch (RuntimeException e) {
                            log.error("{} worker failed on a row; its claim will expire and it is retried", name, e);
                        } finally {
                            permits.release();
                            wake();
                        }
                    });
                }
                if (rows.isEmpty() || rows.size() < Math.min(free, settings.batchSize())) {
                    wakeUps.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("{} worker could not claim: {}", name, e.toString());
                sleepQuietly(settings.pollInterval().toMillis());
            }
        }
        log.info("{} worker stopped", name);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
