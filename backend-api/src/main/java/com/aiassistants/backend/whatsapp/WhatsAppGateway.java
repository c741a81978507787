package com.aiassistants.backend.whatsapp;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import com.aiassistants.backend.BackendProperties;
import com.aiassistants.common.retry.HttpAttempt;
import com.aiassistants.common.web.ApiProblem;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's admin API for one project's WhatsApp number ({@code {gateway.url}/admin/tenants/{tenant}/…},
 * {@code Authorization: Bearer <gateway.admin-token>}); the tenant is the project's ({@code simulator.gateway-tenants},
 * its own id otherwise), never the caller's choice. One attempt per call (the console retries by hand); the
 * gateway's 4xx problems come back as problems of the same status, its outages as 502, metric
 * {@code backend.gateway.admin.calls}.
 */
@Component
public class WhatsAppGateway {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppGateway.class);

    private final BackendProperties.Gateway settings;
    private final BackendProperties.Simulator tenants;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final RestClient http;

    public WhatsAppGateway(BackendProperties properties, JsonMapper json, MeterRegistry meters) {
        this.settings = properties.gateway();
        this.tenants = properties.simulator();
        this.json = json;
        this.meters = meters;
        this.http = HttpAttempt.client(settings.timeout());
    }

    /** Calls {@code /admin/tenants/{project's tenant}{path}}; {@code body} null = no body. */
    public <T> T call(String projectId, String method, String path, Object body, Class<T> type) {
        JsonNode answer = call(projectId, method, path, body);
        return json.treeToValue(answer, type);
    }

    public JsonNode call(String projectId, String method, String path, Object body) {
        if (settings.url() == null || settings.url().isBlank()) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "gateway-not-configured",
                    "ai-assistants.backend.gateway.url is not set");
        }
        String tenant = URLEncoder.encode(tenants.gatewayTenant(projectId), StandardCharsets.UTF_8);
        RestClient.RequestBodySpec request = http.method(HttpMethod.valueOf(method))
                .uri(URI.create(settings.url().replaceAll("/+$", "") + "/admin/tenants/" + tenant + path))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + settings.adminToken())
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON);
        if (body != null) {
            request.body(json.writeValueAsBytes(body));
        }
        Timer.Sample sample = Timer.start(meters);
        String outcome = "error";
        try {
            HttpAttempt response = request.exchange((sent, answer) -> new HttpAttempt(answer.getStatusCode().value(),
                    answer.getBody().readAllBytes()));
            int status = response.status();
            if (status < 300) {
                outcome = "ok";
                return response.body().length == 0 ? json.createObjectNode() : json.readTree(response.body());
            }
            outcome = "rejected";
            throw refusal(status, response.body());
        } catch (ResourceAccessException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            log.warn("gateway admin call {} {} for project {} failed: {}", method, path, projectId, cause.toString());
            throw new ApiProblem(HttpStatus.BAD_GATEWAY, "gateway-unavailable",
                    "the WhatsApp gateway did not answer (" + cause.getClass().getSimpleName() + ")");
        } finally {
            sample.stop(meters.timer("backend.gateway.admin.calls", "outcome", outcome));
        }
    }

    /** The parts of the gateway's problem details that are passed on. */
    private record GatewayProblem(String type, String detail) {
    }

    /** The gateway's problem as ours: 404 = the project has no number on the gateway; other 4xx keep status and slug. */
    private ApiProblem refusal(int status, byte[] body) {
        if (status == 404) {
            return new ApiProblem(HttpStatus.NOT_FOUND, "whatsapp-not-configured",
                    "the WhatsApp gateway serves no number for this project");
        }
        if (status >= 500 || status == 401 || status == 403) {
            log.warn("the gateway answered HTTP {} to an admin call", status);
            return new ApiProblem(HttpStatus.BAD_GATEWAY, "gateway-rejected",
                    "the WhatsApp gateway refused the call (HTTP " + status + ")");
        }
        String slug = "gateway-refused";
        String detail = "the WhatsApp gateway refused the call (HTTP " + status + ")";
        try {
            GatewayProblem problem = json.readerFor(GatewayProblem.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(body);
            if (problem != null && problem.type() != null && !problem.type().isBlank()) {
                slug = problem.type().substring(problem.type().lastIndexOf('/') + 1);
            }
            if (problem != null && problem.detail() != null) {
                detail = problem.detail();
            }
        } catch (JacksonException e) {
            // not a problem document: keep the generic detail
        }
        HttpStatus mapped = HttpStatus.resolve(status);
        return new ApiProblem(mapped == null ? HttpStatus.BAD_GATEWAY : mapped, slug, detail);
    }
}
