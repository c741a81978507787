package com.aiassistants.common.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import tools.jackson.databind.json.JsonMapper;

/**
 * The one way servlet filters (which run before Spring MVC's exception handling) write RFC 9457 problem
 * details: the same {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance} and
 * {@code request_id} as {@link ProblemExceptionHandler}.
 */
public final class FilterProblems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FilterProblems() {
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String slug,
            String detail) throws IOException {
        write(request, response, status, slug, detail, Map.of());
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String slug,
            String detail, Map<String, Object> properties) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", ProblemExceptionHandler.TYPE_BASE + slug);
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        body.putAll(properties);
        String requestId = RequestIdFilter.current();
        if (requestId != null) {
            body.put("request_id", requestId);
        }
        response.resetBuffer();
        response.setStatus(status.value());
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }

    /** 503 + {@code Retry-After}: a dependency is unavailable. */
    public static void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", Integer.toString(Outages.RETRY_AFTER_SECONDS));
        write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                "a service this request needs is unavailable right now; retry in a few seconds",
                Map.of("retry_after_seconds", Outages.RETRY_AFTER_SECONDS));
    }
}
