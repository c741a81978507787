package com.aiassistants.backend.job;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import com.aiassistants.backend.BackendProperties;
import com.aiassistants.backend.tenant.Projects;
import com.aiassistants.common.channel.HmacSignatures;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers job results to {@code callback_url}: POST of the job view, signed like gateway webhooks
 * ({@code X-Callback-Timestamp}, {@code X-Callback-Signature} with the project's webhook secret).
 * 2xx → delivered; 4xx → failed, never retried; 5xx, timeouts and I/O errors → retried with
 * exponential backoff up to {@code jobs.callback-max-attempts}. State lives in the job row, so a
 * restart resumes pending deliveries. Delivery is at-least-once: an instance that dies after the receiver's
 * 2xx and before recording it leaves the claim to expire and another instance sends again, with the same
 * {@code X-Callback-Delivery-Id} (= {@code Idempotency-Key} = the job id) for the receiver to de-duplicate on.
 */
@Component
public class CallbackSender {

    private static final Logger log = LoggerFactory.getLogger(CallbackSender.class);

    private final JdbcClient jdbc;
    private final JobService jobs;
    private final Projects projects;
    private final JsonMapper json;
    private final BackendProperties.Jobs settings;
    private final MeterRegistry meters;
    private final RestClient http;
    private final java.time.Clock clock;

    public CallbackSender(JdbcClient jdbc, JobService jobs, Projects projects, JsonMapper json,
            BackendProperties properties, MeterRegistry meters, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.jobs = jobs;
        this.projects = projects;
        this.json = json;
        this.settings = properties.jobs();
        this.meters = meters;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(settings.callbackTimeout()).followRedirects(HttpClient.Redirect.NEVER).build());
        requests.setReadTimeout(settings.callbackTimeout());
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    private record Due(UUID id, String projectId, String url, int attempts) {
    }

    /** Sends one due callback; false when none was due. */
    boolean sendNext() {
        Optional<Due> due = jdbc.sql("""
                update job set callback_attempts = callback_attempts + 1, callback_next_at = now() + make_interval(secs => ?)
                where id = (select id from job where callback_status = 'pending' and callback_next_at <= now()
                            order by callback_next_at for update skip locked limit 1)
                returning id, project_id, callback_url, callback_attempts""")
                .param(settings.callbackTimeout().multipliedBy(3).toMillis() / 1000.0)
                .query((rs, n) -> new Due(rs.getObject("id", UUID.class), rs.getString("project_id"),
                        rs.getString("callback_url"), rs.getInt("callback_attempts")))
                .optional();
        if (due.isEmpty()) {
            return false;
        }
        deliver(due.get());
        return true;
    }

    private void deliver(Due due) {
        Optional<JobView> view = jobs.view(due.projectId(), due.id());
        var project = projects.find(due.projectId());
        if (view.isEmpty() || project.isEmpty()) {
            finish(due.id(), "failed", "job or project gone");
            return;
        }
        // the project may have narrowed its callback hosts since the job was submitted
        String notListed = CallbackUrls.notAllowed(URI.create(due.url()).getHost(),
                project.get().settings().callbackHostsOrEmpty());
        if (notListed != null) {
            finish(due.id(), "failed", notListed);
            meters.counter("backend.callbacks", "outcome", "refused").increment();
            return;
        }
        if (!settings.callbackAllowLocal()) {
            String refused = CallbackUrls.refusedAddress(URI.create(due.url()).getHost());
            if (refused != null) {
                finish(due.id(), "failed", refused);
                meters.counter("backend.callbacks", "outcome", "refused").increment();
                return;
            }
        }
        byte[] body = json.writeValueAsBytes(view.get());
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        RestClient.RequestHeadersSpec<?> request = http.post().uri(URI.create(due.url()))
                .contentType(MediaType.APPLICATION_JSON)
                // the same on every attempt: receivers de-duplicate on it (delivery is at-least-once)
                .header("X-Callback-Delivery-Id", due.id().toString())
                .header("Idempotency-Key", due.id().toString())
                .header("X-Callback-Job-Id", due.id().toString())
                .header("X-Callback-Attempt", Integer.toString(due.attempts()))
                .header("X-Callback-Timestamp", timestamp)
                .header("X-Callback-Signature", HmacSignatures.sign(project.get().webhookSecret(), timestamp, body))
                .body(body);
        String problem;
        try {
            int status = request.exchange((sent, response) -> response.getStatusCode().value());
            if (status >= 200 && status < 300) {
                finish(due.id(), "delivered", null);
                meters.counter("backend.callbacks", "outcome", "delivered").increment();
                return;
            }
            if (status >= 400 && status < 500) {
                finish(due.id(), "failed", "callback answered " + status + " (not retried)");
                meters.counter("backend.callbacks", "outcome", "rejected").increment();
                return;
            }
            problem = "callback answered " + status;
        } catch (ResourceAccessException e) {
            problem = "callback failed: " + (e.getCause() == null ? e : e.getCause()).getClass().getSimpleName();
        }
        if (due.attempts() >= settings.callbackMaxAttempts()) {
            finish(due.id(), "failed", problem + " after " + due.attempts() + " attempts");
            meters.counter("backend.callbacks", "outcome", "gave_up").increment();
            log.warn("callback of job {} given up: {}", due.id(), problem);
        } else {
            Duration delay = backoff(due.attempts());
            jdbc.sql("update job set callback_next_at = now() + make_interval(secs => ?), callback_error = ? where id = ?")
                    .params(delay.toMillis() / 1000.0, problem, due.id()).update();
            meters.counter("backend.callbacks", "outcome", "retry").increment();
        }
    }

    Duration backoff(int attempts) {
        return com.aiassistants.common.retry.Backoffs.delay(settings.callbackBackoff(), settings.callbackMaxBackoff(),
                attempts);
    }

    private void finish(UUID id, String status, String error) {
        jdbc.sql("update job set callback_status = ?, callback_error = ?, callback_next_at = null where id = ?")
                .params(status, error, id).update();
    }
}
