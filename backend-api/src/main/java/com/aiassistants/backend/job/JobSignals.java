package com.aiassistants.backend.job;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/** Wakes this instance's workers when work was queued here (other instances find it by polling). */
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

    void awaitJob(long millis) throws InterruptedException {
        if (jobs.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
            jobs.drainPermits();
        }
    }

    void awaitCallback(long millis) throws InterruptedException {
        if (callbacks.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
            callbacks.drainPermits();
        }
    }
}
