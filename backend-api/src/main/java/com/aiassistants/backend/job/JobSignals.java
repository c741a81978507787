package com.aiassistants.backend.job;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/**
 * Wakes this instance's workers when work was queued here; work queued elsewhere or due for a retry is found when the
 * poller's tick wakes one of them.
 */
@Component
public class JobSignals {

    private final Semaphore jobs = new Semaphore(0);
    private final Semaphore callbacks = new Semaphore(0);

    void jobQueued() {
        jobs.release();
    }

    void callbackQueued() {
        callbacks.release();
    }

    /** Until work was queued here or the poller's tick says to look (many queued jobs wake one worker). */
    void awaitJob() throws InterruptedException {
        jobs.acquire();
        jobs.drainPermits();
    }

    void awaitCallback(long millis) throws InterruptedException {
        if (callbacks.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
            callbacks.drainPermits();
        }
    }
}
