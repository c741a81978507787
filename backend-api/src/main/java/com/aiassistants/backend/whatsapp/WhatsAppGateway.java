package com.aiassistants.backend.whatsapp;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.aiassistants.backend.BackendProperties;
import com.aiassistants.common.web.ApiProblem;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
    private final HttpClient http;

    public WhatsAppGateway(BackendProperties properties, JsonMapper json, MeterRegistry meters) {
        this.settings = properties.gateway();
        this.tenants = properties.simulator();
        this.json = json;
        this.meters = meters;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
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
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(settings.url().replaceAll("/+$", "") + "/admin/tenants/" + tenant + path))
                .timeout(settings.timeout())
                .header("Authorization", "Bearer " + settings.adminToken())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                .build();
        Timer.Sample sample = Timer.start(meters);
        String outcome = "error";
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            int status = response.statusCode();
            if (status < 300) {
                outcome = "ok";
                return response.body().length == 0 ? json.createObjectNode() : json.readTree(response.body());
            }
            outcome = "rejected";
            throw refusal(status, response.body());
        } catch (IOException e) {
            log.warn("gateway admin call {} {} for project {} failed: {}", method, path, projectId, e.toString());
            throw new ApiProblem(HttpStatus.BAD_GATEWAY, "gateway-unavailable",
                    "the WhatsApp gateway did not answer (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiProblem(HttpStatus.BAD_GATEWAY, "gateway-unavailable", "interrupted");
        } finally {
            sample.stop(meters.timer("backend.gateway.admin.calls", "outcome", outcome));
        }
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
            JsonNode problem = json.readTree(body);
            String type = problem.path("type").asString("");
            if (!type.isBlank()) {
                slug = type.substring(type.lastIndexOf('/') + 1);
            }
            detail = problem.path("detail").asString(detail);
        } catch (RuntimeException e) {
            // not a problem document: keep the generic detail
        }
        HttpStatus mapped = HttpStatus.resolve(status);
        return new ApiProblem(mapped == null ? HttpStatus.BAD_GATEWAY : mapped, slug, detail);
    }
}
