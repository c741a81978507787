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
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import com.aiassistants.llm.chat.AssistantMessage;
import com.aiassistants.llm.chat.ChatProvider;
import com.aiassistants.llm.chat.ChatRequest;
import com.aiassistants.llm.chat.ChatResult;
import com.aiassistants.llm.chat.Deadline;
import com.aiassistants.llm.chat.FinishReason;
import com.aiassistants.llm.chat.ProviderException;
import com.aiassistants.llm.chat.TokenUsage;
import com.aiassistants.llm.resilience.Retrier;

/**
 * Chat Completions over HTTP for any OpenAI-compatible server (OpenAI, Ollama, vLLM, LM Studio, Groq,
 * Mistral, Gemini's compatible API…) and for Azure OpenAI deployments. Each attempt has a connect and a
 * read timeout, the latter capped by the caller's {@link com.aiassistants.llm.chat.Deadline}. Failures
 * are mapped by cause: throttling (429), 408, 5xx and connection failures are retried by the
 * {@link Retrier}; an exhausted quota ({@code insufficient_quota}) and refused credentials are permanent;
 * an unreadable answer is a bad response; Azure's content-filter 400 is a {@code content_filter} answer.
 * The API key appears in no log or error message.
 */
public final class OpenAiCompatibleProvider implements ChatProvider {

    private final OpenAiSettings settings;
    private final HttpClient client;
    private final RestClient http;
    private final Retrier retrier;

    public OpenAiCompatibleProvider(OpenAiSettings settings, Retrier retrier) {
        this.settings = settings;
        this.retrier = retrier;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String base = settings.baseUrl().toString();
        this.http = RestClient.builder()
                .baseUrl(base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                .requestFactory(requestFactory(settings.readTimeout()))
                .build();
    }

    private JdkClientHttpRequestFactory requestFactory(Duration readTimeout) {
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(client);
        requestFactory.setReadTimeout(readTimeout);
        return requestFactory;
    }

    @Override
    public ChatResult complete(ChatRequest request) {
        String body = OpenAiWire.requestBody(request, settings.maxTokensParam());
        Deadline deadline = request.deadline();
        Answer answer = retrier.call(deadline, () -> post(body, request.model(), deadline));
        if (answer.promptFiltered()) {
            return new ChatResult(new AssistantMessage(null, List.of()), FinishReason.content_filter, TokenUsage.NONE,
                    null);
        }
        return OpenAiWire.response(answer.body());
    }

    /** A 2xx body, or the provider's content filter refusing the prompt (Azure answers HTTP 400 for it). */
    private record Answer(String body, boolean promptFiltered) {
    }

    private Answer post(String body, String model, Deadline deadline) {
        Duration timeout = deadline.cap(settings.readTimeout());
        long started = System.nanoTime();
        RestClient client = deadline.shorterThan(settings.readTimeout())
                ? http.mutate().requestFactory(requestFactory(timeout)).build() : http;
        try {
            RestClient.RequestBodySpec post = settings.azure()
                    ? client.post().uri("/openai/deployments/{deployment}/chat/completions?api-version={version}", model,
                            settings.azureApiVersion())
                    : client.post().uri("/chat/completions");
            return post
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .headers(headers -> {
                        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
                            if (settings.azure()) {
                                headers.set("api-key", settings.apiKey());
                            } else {
                                headers.setBearerAuth(settings.apiKey());
                            }
                        }
                    })
                    .body(body)
                    .exchange((req, res) -> {
                        int status = res.getStatusCode().value();
                        String text = StreamUtils.copyToString(res.getBody(), StandardCharsets.UTF_8);
                        if (status >= 200 && status < 300) {
                            return new Answer(text, false);
                        }
                        OpenAiWire.ErrorInfo error = OpenAiWire.errorInfo(text);
                        if (status == 400 && error.is("content_filter")) {
                            return new Answer(null, true);
                        }
                        throw failure(status, error, res.getHeaders().getFirst("Retry-After"));
                    }, true);
        } catch (ResourceAccessException e) {
            throw transportFailure(e, timeout, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /**
     * The failure for a non-2xx answer. The provider's own text is only quoted for errors that are about the
     * request: rate-limit, quota and credential messages name organisations and parts of keys.
     */
    static ProviderException failure(int status, OpenAiWire.ErrorInfo error, String retryAfter) {
        if (error.is("insufficient_quota")) {
            return ProviderException.quotaExhausted("the provider account's quota is used up (HTTP " + status
                    + ", insufficient_quota); check the plan and billing", null);
        }
        if (status == 429) {
            return ProviderException.rateLimited(parseRetryAfter(retryAfter), "rate limited by the provider (HTTP 429"
                    + (error.code() == null ? "" : ", " + error.code()) + ")");
        }
        if (status == 401 || status == 403) {
            return ProviderException.auth("the provider refused the credentials (HTTP " + status
                    + "); check the configured api key", null);
        }
        String message = "the provider answered HTTP " + status + (error.message() == null ? "" : ": " + error.message());
        return status >= 500 || status == 408 ? ProviderException.retryable(message, null)
                : ProviderException.fatal(message, null);
    }

    /**
     * The failure for an attempt that got no complete answer. The read timeout covers the body too: when it
     * runs out while the body is still arriving, the body stream is closed under the reader, which surfaces as
     * a plain {@link IOException}; an attempt that lasted its whole timeout is therefore a timeout, not a
     * connection failure to retry.
     */
    private ProviderException transportFailure(ResourceAccessException e, Duration timeout, Duration elapsed) {
        Throwable cause = e.getCause();
        if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
            return ProviderException.retryable("could not connect to the provider at " + settings.baseUrl().getHost(), e);
        }
        if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException
                || elapsed.compareTo(timeout) >= 0) {
            return ProviderException.timeout("the provider did not answer within " + timeout.toMillis() + " ms", e);
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
                // an HTTP date from the provider's server: compared with the real time, not a clock started elsewhere
                Duration wait = Duration.between(Instant.now(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }
}
