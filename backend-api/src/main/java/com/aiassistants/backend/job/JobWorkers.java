package com.aiassistants.backend.job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.aiassistants.backend.BackendProperties;
import com.aiassistants.backend.conversation.TurnService;
import com.aiassistants.common.web.ApiProblem;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Job workers of this instance (virtual threads): claim a job, run its turn, store the result.
 * Transient failures are retried with backoff up to {@code jobs.max-attempts}; 4xx-type problems
 * (e.g. a rate limit or a deleted project) fail the job at once. Also runs the callback sender.
 */
@Component
public class JobWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobWorkers.class);

    private final JobService jobs;
    private final TurnService turns;
    private final CallbackSender callbacks;
    private final JobSignals signals;
    private final BackendProperties.Jobs settings;
    private final MeterRegistry meters;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    public JobWorkers(JobService jobs, TurnService turns, CallbackSender callbacks, JobSignals signals,
            BackendProperties properties, MeterRegistry meters) {
        this.jobs = jobs;
        this.turns = turns;
        this.callbacks = callbacks;
        this.signals = signals;
        this.settings = properties.jobs();
        this.meters = meters;
    }

    @Override
    public synchronized void start() {
        if (!settings.enabled() || running) {
            return;
        }
        running = true;
        for (int i = 0; i < settings.workers(); i++) {
            threads.add(Thread.ofVirtual().name("job-worker-" + i).start(this::workLoop));
        }
        threads.add(Thread.ofVirtual().name("job-poller").start(this::pollLoop));
        threads.add(Thread.ofVirtual().name("job-callbacks").start(this::callbackLoop));
    }

    @Override
    public synchronized void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void workLoop() {
        while (running) {
            try {
                Optional<JobService.Claimed> claimed = jobs.claim(settings.lease());
                if (claimed.isPresent()) {
                    signals.jobQueued(); // let another worker look for more
                    process(claimed.get());
                } else {
                    signals.awaitJob();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("job worker error: {}", e.getMessage());
                sleep(settings.pollInterval());
            }
        }
    }

    /**
     * Wakes one idle worker every poll interval to look for jobs this instance was not told about (queued by another
     * instance, due for a retry, or left by a stopped instance): one query per interval for all workers together; a
     * worker that finds one wakes the next.
     */
    private void pollLoop() {
        while (running) {
            try {
                Thread.sleep(settings.pollInterval());
            } catch (InterruptedException e) {
                return;
            }
            signals.jobQueued();
        }
    }

    void process(JobService.Claimed job) {
        if (job.attempts() > settings.maxAttempts()) {
            jobs.failed(job.id(), "gave up after " + settings.maxAttempts() + " attempts");
            meters.counter("backend.jobs", "outcome", "failed").increment();
            return;
        }
        try {
            jobs.succeeded(job.id(), turns.handle(job.message()));
            meters.counter("backend.jobs", "outcome", "succeeded").increment();
        } catch (ApiProblem problem) {
            if (problem.status().is4xxClientError()) {
                jobs.failed(job.id(), problem.getMessage());
                meters.counter("backend.jobs", "outcome", "failed").increment();
            } else {
                retry(job, problem.getMessage());
            }
        } catch (RuntimeException e) {
            retry(job, e.getMessage());
        }
    }

    private void retry(JobService.Claimed job, String error) {
        if (job.attempts() >= settings.maxAttempts()) {
            jobs.failed(job.id(), error);
            meters.counter("backend.jobs", "outcome", "failed").increment();
        } else {
            jobs.retryLater(job.id(), com.aiassistants.common.retry.Backoffs.delay(Duration.ofSeconds(2),
                    Duration.ofSeconds(64), job.attempts()), error);
            meters.counter("backend.jobs", "outcome", "retry").increment();
        }
    }

    private void callbackLoop() {
        while (running) {
            try {
                if (!callbacks.sendNext()) {
                    signals.awaitCallback(settings.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("callback sender error: {}", e.getMessage());
                sleep(settings.pollInterval());
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
