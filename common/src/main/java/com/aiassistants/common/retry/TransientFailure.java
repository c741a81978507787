package com.aiassistants.common.retry;

/**
 * A failure worth another attempt (an HTTP 5xx, an I/O error), thrown inside a {@link Backoffs#retryTemplate}
 * task so the template retries it; the message says what failed ("HTTP 503", "ConnectException").
 */
public final class TransientFailure extends RuntimeException {

    public TransientFailure(String failure) {
        super(failure, null, false, false);
    }

}
