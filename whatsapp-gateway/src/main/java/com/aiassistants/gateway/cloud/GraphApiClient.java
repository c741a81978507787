package com.aiassistants.gateway.cloud;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.aiassistants.gateway.config.GatewayProperties;
import com.aiassistants.gateway.provider.OutgoingMessage;
import com.aiassistants.gateway.provider.SendException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST {graph}/{phone_number_id}/messages} with the real Graph API JSON. One HTTP attempt per
 * call; the outbox sender owns retries. Errors are classified: HTTP 429/5xx and throughput codes
 * (130429, 131056, 131048, 80007, 131000, 131016) retryable; 131047 (outside the 24-hour window)
 * {@link WindowClosedException}; other 4xx permanent; a timeout after sending is an unknown outcome.
 */
@Component
public class GraphApiClient {

    static final Set<Integer> RETRYABLE_CODES = Set.of(4, 80007, 130429, 131000, 131016, 131048, 131056);
    static final int OUTSIDE_WINDOW = 131047;

    /** The user's 24-hour window is closed: only a template may be sent. */
    public static class WindowClosedException extends Exception {
        WindowClosedException(String message) {
            super(message);
        }
    }

    private final GatewayProperties.Cloud settings;
    private final JsonMapper json;
    private final HttpClient http;

    public GraphApiClient(GatewayProperties properties, JsonMapper json) {
        this.settings = properties.cloud();
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
    }

    /** Sends and returns the wamid. */
    public String send(String phoneNumberId, String accessToken, String to, OutgoingMessage message)
            throws SendException, WindowClosedException {
        byte[] body = json.writeValueAsBytes(GraphMessage.of(to, message));
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.graphBaseUrl() + "/" + phoneNumberId + "/messages"))
                .timeout(settings.requestTimeout())
                .header("Authorization", "Bearer " + (accessToken == null ? "" : accessToken))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw SendException.retryable("connect", "Graph API unreachable: " + e, null);
        } catch (HttpTimeoutException e) {
            throw SendException.unknown("Graph API timed out after the request was sent", e);
        } catch (IOException e) {
            throw SendException.unknown("Graph API connection failed mid-request: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SendException.unknown("interrupted while sending", e);
        }
        return interpret(response);
    }

    private String interpret(HttpResponse<byte[]> response) throws SendException, WindowClosedException {
        int status = response.statusCode();
        JsonNode root;
        try {
            root = json.readTree(response.body());
        } catch (JacksonException e) {
            root = json.createObjectNode();
        }
        if (status / 100 == 2) {
            String wamid = root.path("messages").path(0).path("id").asString("");
            if (wamid.isEmpty()) {
                throw SendException.unknown("Graph API answered " + status + " without a message id", null);
            }
            return wamid;
        }
        JsonNode error = root.path("error");
        int code = error.path("code").asInt(0);
        String description = "Graph API " + status + " code " + code + ": " + error.path("message").asString("")
                + detail(error);
        String codeText = code == 0 ? "http-" + status : Integer.toString(code);
        if (code == OUTSIDE_WINDOW) {
            throw new WindowClosedException(description);
        }
        if (status == 429 || status >= 500 || RETRYABLE_CODES.contains(code)) {
            throw SendException.retryable(codeText, description, retryAfter(response));
        }
        throw SendException.permanent(codeText, description);
    }

    private static String detail(JsonNode error) {
        String details = error.path("error_data").path("details").asString("");
        return details.isEmpty() ? "" : " (" + details + ")";
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                return java.util.Optional.of(Duration.ofSeconds(Long.parseLong(v.trim())));
            } catch (NumberFormatException e) {
                return java.util.Optional.empty();
            }
        }).orElse(null);
    }
}
