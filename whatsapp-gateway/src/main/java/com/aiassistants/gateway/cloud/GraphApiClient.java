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
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

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
        byte[] body = json.writeValueAsBytes(payload(to, message));
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

    ObjectNode payload(String to, OutgoingMessage m) {
        ObjectNode root = json.createObjectNode();
        root.put("messaging_product", "whatsapp");
        root.put("recipient_type", "individual");
        root.put("to", to);
        switch (m.kind()) {
            case TEXT -> {
                root.put("type", "text");
                root.putObject("text").put("preview_url", false).put("body", m.text());
            }
            case BUTTONS -> {
                root.put("type", "interactive");
                ObjectNode interactive = root.putObject("interactive");
                interactive.put("type", "button");
                interactive.putObject("body").put("text", m.text());
                ArrayNode buttons = interactive.putObject("action").putArray("buttons");
                for (OutgoingMessage.Button b : m.buttons()) {
                    ObjectNode button = buttons.addObject();
                    button.put("type", "reply");
                    button.putObject("reply").put("id", b.id()).put("title", clip(b.title(), 20));
                }
            }
            case LIST -> {
                root.put("type", "interactive");
                ObjectNode interactive = root.putObject("interactive");
                interactive.put("type", "list");
                interactive.putObject("body").put("text", m.text());
                ObjectNode action = interactive.putObject("action");
                action.put("button", clip(m.listTitle(), 20));
                ObjectNode section = action.putArray("sections").addObject();
                section.put("title", clip(m.listTitle(), 24));
                ArrayNode rows = section.putArray("rows");
                for (OutgoingMessage.ListItem item : m.listItems()) {
                    ObjectNode row = rows.addObject();
                    row.put("id", item.id());
                    row.put("title", clip(item.title(), 24));
                    if (item.description() != null && !item.description().isBlank()) {
                        row.put("description", clip(item.description(), 72));
                    }
                }
            }
            case TEMPLATE -> {
                root.put("type", "template");
                ObjectNode template = root.putObject("template");
                template.put("name", m.templateName());
                template.putObject("language").put("code", m.templateLanguage());
                boolean body = m.templateParameters() != null && !m.templateParameters().isEmpty();
                boolean buttons = m.templateButtonPayloads() != null && !m.templateButtonPayloads().isEmpty();
                if (body || buttons) {
                    ArrayNode components = template.putArray("components");
                    if (body) {
                        ObjectNode component = components.addObject();
                        component.put("type", "body");
                        ArrayNode parameters = component.putArray("parameters");
                        m.templateParameters().forEach(p -> parameters.addObject().put("type", "text").put("text", p));
                    }
                    // one component per quick-reply button of the approved template: its payload comes back on a tap
                    for (int i = 0; buttons && i < m.templateButtonPayloads().size(); i++) {
                        ObjectNode button = components.addObject();
                        button.put("type", "button");
                        button.put("sub_type", "quick_reply");
                        button.put("index", Integer.toString(i));
                        button.putArray("parameters").addObject().put("type", "payload")
                                .put("payload", m.templateButtonPayloads().get(i));
                    }
                }
            }
        }
        return root;
    }

    private static String clip(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
