package com.aiassistants.common.testsupport;

import java.util.Locale;

/**
 * How the route fuzz tests judge an answer to bad input: never a 5xx, no Java internals or HTML in the body, and a
 * 4xx with a body is problem details. Each service's test adds what only it knows (a documented 503, field names).
 */
public final class BadInputAnswers {

    private BadInputAnswers() {
    }

    /**
     * What is wrong with this answer, as a prefix for the request it answered ({@code ""} for a 5xx), or null when it
     * is a fine answer to bad input.
     */
    public static String fault(int status, String contentType, String body) {
        String text = body == null ? "" : body;
        if (status >= 500) {
            return "";
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("\tat ") || lower.contains("at com.aiassistants") || lower.contains("stacktrace")
                || lower.contains("exception") || lower.contains("<html")) {
            return "leaks internals: ";
        }
        if (status >= 400 && !text.isBlank() && (contentType == null || !contentType.startsWith("application/problem+json"))) {
            return "not problem details (" + contentType + "): ";
        }
        return null;
    }
}
