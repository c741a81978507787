package com.aiassistants.gateway.cloud;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import com.aiassistants.gateway.config.GatewayProperties;
import com.aiassistants.gateway.provider.OutgoingMessage;
import com.aiassistants.gateway.provider.SendException;

import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
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
    private final RestClient http;

    public GraphApiClient(GatewayProperties properties, JsonMapper json) {
        this.settings = properties.cloud();
        this.json = json;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build());
        requests.setReadTimeout(settings.requestTimeout());
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    /** Sends and returns the wamid. */
    public String send(String phoneNumberId, String accessToken, String to, OutgoingMessage message)
            throws SendException, WindowClosedException {
        byte[] body = json.writeValueAsBytes(GraphMessage.of(to, message));
        Answer answer;
        try {
            answer = http.post().uri(URI.create(settings.graphBaseUrl() + "/" + phoneNumberId + "/messages"))
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + (accessToken == null ? "" : accessToken))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .exchange((request, response) -> new Answer(response.getStatusCode().value(),
                            response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER), response.getBody().readAllBytes()));
        } catch (ResourceAccessException e) {
            throw classify(e.getCause() == null ? e : e.getCause());
        }
        return interpret(answer);
    }

    /** What the Graph API answered: status, {@code Retry-After} and body. */
    private record Answer(int status, String retryAfter, byte[] body) {
    }

    /** The reply body: {@code messages[0].id} on success, {@code error} otherwise (the wire's names). */
    private record GraphAnswer(@JsonProperty("messages") List<SentMessage> messages,
            @JsonProperty("error") GraphError error) {
    }

    private record SentMessage(@JsonProperty("id") String id) {
    }

    private record GraphError(@JsonProperty("code") Integer code, @JsonProperty("message") String message,
            @JsonProperty("error_data") ErrorData errorData) {
    }

    private record ErrorData(@JsonProperty("details") String details) {
    }

    /** An I/O failure: before the request left (connect) it can be sent again; after, its outcome is unknown. */
    private static SendException classify(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
            return SendException.retryable("connect", "Graph API unreachable: " + cause, null);
        }
        if (cause instanceof HttpTimeoutException) {
            return SendException.unknown("Graph API timed out after the request was sent", cause);
        }
        if (cause instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
            return SendException.unknown("interrupted while sending", cause);
        }
        return SendException.unknown("Graph API connection failed mid-request: " + cause, cause);
    }

    private String interpret(Answer answer) throws SendException, WindowClosedException {
        int status = answer.status();
        GraphAnswer reply = read(answer.body());
        if (status / 100 == 2) {
            String wamid = reply.messages() == null || reply.messages().isEmpty() || reply.messages().getFirst() == null
                    ? null : reply.messages().getFirst().id();
            if (wamid == null || wamid.isEmpty()) {
                throw SendException.unknown("Graph API answered " + status + " without a message id", null);
            }
            return wamid;
        }
        GraphError error = reply.error() == null ? new GraphError(null, null, null) : reply.error();
        int code = error.code() == null ? 0 : error.code();
        String description = "Graph API " + status + " code " + code + ": "
                + (error.message() == null ? "" : error.message()) + detail(error);
        String codeText = code == 0 ? "http-" + status : Integer.toString(code);
        if (code == OUTSIDE_WINDOW) {
            throw new WindowClosedException(description);
        }
        if (status == 429 || status >= 500 || RETRYABLE_CODES.contains(code)) {
            throw SendException.retryable(codeText, description, retryAfter(answer.retryAfter()));
        }
        throw SendException.permanent(codeText, description);
    }

    /** The body as the Graph API's answer; an unreadable one (an HTML error page from a proxy) reads as empty. */
    private GraphAnswer read(byte[] body) {
        try {
            GraphAnswer answer = json.readerFor(GraphAnswer.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(body);
            return answer == null ? new GraphAnswer(null, null) : answer;
        } catch (JacksonException e) {
            return new GraphAnswer(null, null);
        }
    }

    private static String detail(GraphError error) {
        String details = error.errorData() == null || error.errorData().details() == null ? ""
                : error.errorData().details();
        return details.isEmpty() ? "" : " (" + details + ")";
    }

    private static Duration retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
