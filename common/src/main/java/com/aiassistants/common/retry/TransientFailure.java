package com.aiassistants.common.retry;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A failure worth another attempt (an HTTP 5xx, an I/O error), thrown inside a {@link Backoffs#retryTemplate}
 * task so the template retries it; the message says what failed ("HTTP 503", "ConnectException").
 */
public final class TransientFailure extends RuntimeException {

    public TransientFailure(String failure) {
        super(failure, null, false, false);
    }

    /** One HTTP attempt: any answer below 500; a 5xx or an I/O error is a {@link TransientFailure}. */
    public static HttpResponse<byte[]> send(HttpClient http, HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() >= 500) {
                throw new TransientFailure("HTTP " + response.statusCode());
            }
            return response;
        } catch (IOException e) {
            throw new TransientFailure(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailure("interrupted");
        }
    }
}
