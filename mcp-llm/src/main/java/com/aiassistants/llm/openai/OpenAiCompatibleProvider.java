package com.aiassistants.llm.openai;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import com.aiassistants.llm.chat.ChatProvider;
import com.aiassistants.llm.chat.ChatRequest;
import com.aiassistants.llm.chat.ChatResult;
import com.aiassistants.llm.chat.ProviderException;
import com.aiassistants.llm.resilience.Retrier;

/**
 * Chat Completions over HTTP for any OpenAI-compatible server (OpenAI, Ollama, vLLM, LM Studio,
 * Groq…). Each attempt has a connect and a read timeout; 429, 408 and 5xx answers and connection
 * failures are retried by the {@link Retrier}; other 4xx and read timeouts are not. The API key is
 * sent as a bearer token and appears in no log or error message.
 */
public final class OpenAiCompatibleProvider implements ChatProvider {

    private final OpenAiSettings settings;
    private final RestClient http;
    private final Retrier retrier;

    public OpenAiCompatibleProvider(OpenAiSettings settings, Retrier retrier) {
        this.settings = settings;
        this.retrier = retrier;
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(client);
        requestFactory.setReadTimeout(settings.readTimeout());
        String base = settings.baseUrl().toString();
        this.http = RestClient.builder()
                .baseUrl(base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                .requestFactory(requestFactory)
                .build();
    }

    @Override
    public ChatResult complete(ChatRequest request) {
        String body = OpenAiWire.requestBody(request, settings.maxTokensParam());
        String answer = retrier.call(() -> post(body));
        return OpenAiWire.response(answer);
    }

    private String post(String body) {
        try {
            return http.post()
                    .uri("/chat/completions")
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .headers(headers -> {
                        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
                            headers.setBearerAuth(settings.apiKey());
                        }
                    })
                    .body(body)
                    .exchange((req, res) -> {
                        int status = res.getStatusCode().value();
                        String text = StreamUtils.copyToString(res.getBody(), StandardCharsets.UTF_8);
                        if (status >= 200 && status < 300) {
                            return text;
                        }
                        throw failure(status, text, res.getHeaders().getFirst("Retry-After"));
                    }, true);
        } catch (ResourceAccessException e) {
            throw transportFailure(e);
        }
    }

    private static ProviderException failure(int status, String body, String retryAfter) {
        if (status == 429) {
            return ProviderException.rateLimited(parseRetryAfter(retryAfter), "rate limited by the provider (HTTP 429)");
        }
        if (status == 401 || status == 403) {
            return ProviderException.fatal("the provider refused the credentials (HTTP " + status
                    + "); check the configured api key", null);
        }
        String detail = OpenAiWire.errorMessage(body);
        String message = "the provider answered HTTP " + status + (detail == null ? "" : ": " + detail);
        return status >= 500 || status == 408 ? ProviderException.retryable(message, null)
                : ProviderException.fatal(message, null);
    }

    private ProviderException transportFailure(ResourceAccessException e) {
        Throwable cause = e.getCause();
        if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
            return ProviderException.retryable("could not connect to the provider at " + settings.baseUrl().getHost(), e);
        }
        if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
            return ProviderException.timeout("the provider did not answer within " + settings.readTimeout().toMillis()
                    + " ms", e);
        }
        if (cause instanceof IOException) {
            return ProviderException.retryable("connection to the provider failed: " + cause.getClass().getSimpleName(), e);
        }
        return ProviderException.retryable("connection to the provider failed", e);
    }

    /** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
    static Duration parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }
}
