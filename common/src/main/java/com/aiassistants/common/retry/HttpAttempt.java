package com.aiassistants.common.retry;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * One attempt of an HTTP call that a {@link Backoffs#retryTemplate} retries: the status and body of any answer below
 * 500; a 5xx or an I/O error (connection refused, timeout) is a {@link TransientFailure} naming it ("HTTP 503",
 * "ConnectException").
 */
public record HttpAttempt(int status, byte[] body) {

    /** A {@link RestClient} on the JDK client with {@code timeout} to connect and to answer. */
    public static RestClient client(Duration timeout) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(timeout).build());
        requests.setReadTimeout(timeout);
        return RestClient.builder().requestFactory(requests).build();
    }

    public static HttpAttempt of(RestClient.RequestHeadersSpec<?> request) {
        try {
            return request.exchange((sent, response) -> {
                int status = response.getStatusCode().value();
                if (status >= 500) {
                    throw new TransientFailure("HTTP " + status);
                }
                return new HttpAttempt(status, response.getBody().readAllBytes());
            });
        } catch (ResourceAccessException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new TransientFailure(cause.getClass().getSimpleName());
        }
    }
}
