package com.aiassistants.backend.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.aiassistants.backend.BackendTestBase;
import com.aiassistants.common.testsupport.BadInputAnswers;

import tools.jackson.databind.JsonNode;

/**
 * Every REST route of backend-api, read from its own OpenAPI document ({@code /v3/api-docs}), called with bad input:
 * hostile path segments (NUL, overlong, traversal, SQL, non-UTF-8), malformed and mistyped JSON bodies (every
 * property of the body's schema in turn: wrong type, NUL and control characters, 100 KB), bad query values, no
 * credentials. Every answer must be below 500, carry no stack trace or HTML, and every 4xx with a body must be
 * problem details; a 400 names the field (an {@code errors[].field}, or a {@code type} that ends in it).
 */
class OpenApiFuzzTest extends BackendTestBase {

    private static final List<String> PATH_VALUES = List.of("fuzz-1", "%00", "a%00b", "x".repeat(600), "..%2F..%2Fetc",
            "%27%20or%201%3D1--", "-1", "99999999999999999999999", "00000000-0000-0000-0000-000000000000", "%C0%AF",
            "%F0%9F%98%80", "%20", "whatsapp%3A%2B0", "%0D%0AX-Injected:%201");
    private static final List<String> QUERY_VALUES = List.of("%00", "-1", "99999999999999999999", "not-a-date",
            "2026-13-45", "%27", "x".repeat(3000), "+999999999-12-31", "NaN", "true");
    private static final List<String> RAW_BODIES = List.of("{", "[]", "null", "\"x\"", "42", "{}", "{\"a\":",
            "{\"text\":\"\\u0000\"}", "\u0000");

    private final List<String> findings = new ArrayList<>();
    private int requests;

    @Test
    void noRouteAnswers5xxOrLeaksInternalsOnBadInput() {
        TestProject project = newProject();
        JsonNode document = send("GET", "/v3/api-docs", Map.of(), null).json();
        long started = System.nanoTime();
        int operations = 0;
        for (var path : document.get("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                operations++;
                fuzz(document, project, method, path.getKey(), operation.getValue());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("openapi fuzz: %d operations, %d requests, %.1f s, %d findings%n", operations, requests,
                seconds, findings.size());
        assertThat(operations).as("operations in the OpenAPI document").isGreaterThan(50);
        assertThat(findings).as("bad input answered badly").isEmpty();
    }

    private void fuzz(JsonNode document, TestProject project, String method, String template, JsonNode operation) {
        Map<String, String> auth = template.startsWith("/v1/admin/") || template.startsWith("/v1/ws/")
                ? bearer(project.ownerToken()) : key(project.apiKey());
        List<String> pathParams = new ArrayList<>();
        List<String> queryParams = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            String in = parameter.path("in").asString();
            if ("path".equals(in)) {
                pathParams.add(parameter.path("name").asString());
            } else if ("query".equals(in)) {
                queryParams.add(parameter.path("name").asString());
            }
        }
        String valid = fill(template, project, null, null);
        JsonNode bodySchema = resolve(document,
                operation.path("requestBody").path("content").path("application/json").path("schema"));
        String okBody = bodySchema.isMissingNode() ? null : "{}";

        // no credentials
        check(method, valid, Map.of(), okBody);
        // hostile path segments, one parameter at a time
        for (String name : pathParams) {
            for (String value : PATH_VALUES) {
                check(method, fill(template, project, name, value), auth, okBody);
            }
        }
        // bad query values
        for (String name : queryParams) {
            for (String value : QUERY_VALUES) {
                check(method, valid + (valid.contains("?") ? "&" : "?") + name + "=" + value, auth, okBody);
            }
        }
        // bodies: malformed, then each property wrong in turn
        if (!bodySchema.isMissingNode() || List.of("POST", "PUT", "PATCH").contains(method)) {
            for (String raw : RAW_BODIES) {
                check(method, valid, auth, raw);
            }
            for (var property : bodySchema.path("properties").properties()) {
                for (Object bad : List.of(12345, List.of(1), Map.of("x", 1), "a\u0000b", "\u0007\u001b[31m",
                        "x".repeat(100_000), "+999999999-12-31T00:00:00Z", -1, true)) {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put(property.getKey(), bad);
                    check(method, valid, auth, json(body));
                }
            }
        }
    }

    /** The path with every parameter filled: the project's own id where one is asked for, else {@code fuzzed}. */
    private static String fill(String template, TestProject project, String fuzzed, String value) {
        String path = template;
        var matcher = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(template);
        while (matcher.find()) {
            String name = matcher.group(1);
            String filled = name.equals(fuzzed) ? value : "projectId".equals(name) ? project.id() : "fuzz-1";
            path = path.replace("{" + name + "}", filled);
        }
        return path;
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode ref = schema.path("$ref");
        if (ref.isString()) {
            String[] parts = ref.asString().substring(2).split("/");
            JsonNode target = document;
            for (String part : parts) {
                target = target.path(part);
            }
            return target;
        }
        return schema;
    }

    private void check(String method, String path, Map<String, String> headers, String body) {
        requests++;
        Response response;
        try {
            response = send(method, path, headers, body);
        } catch (RuntimeException e) {
            findings.add(method + " " + abbreviate(path) + ": no answer (" + e.getMessage() + ")");
            return;
        }
        String what = method + " " + abbreviate(path) + (body == null ? "" : " " + abbreviate(body)) + " → "
                + response.status() + " " + abbreviate(response.body());
        String text = response.body() == null ? "" : response.body();
        if (response.status() == 503 && response.headers().firstValue("Retry-After").isPresent()
                && text.contains("did not answer")) {
            return; // this context runs no scheduling services: their outage is the documented 503, not a fault
        }
        String fault = BadInputAnswers.fault(response.status(),
                response.headers().firstValue("Content-Type").orElse(""), text);
        if (fault != null) {
            findings.add(fault + what);
            return;
        }
        if (response.status() == 400 && !text.isBlank() && !namesAField(response.json())) {
            findings.add("400 without a field: " + what);
        }
    }

    private static boolean namesAField(JsonNode problem) {
        for (JsonNode error : problem.path("errors")) {
            if (error.path("field").isString()) {
                return true;
            }
        }
        String type = problem.path("type").asString("");
        // Tomcat refuses a request it cannot parse (a NUL in the path) before any route: there is no field to name
        return type.contains("invalid-") || problem.path("field").isString()
                || "the request could not be read as HTTP".equals(problem.path("detail").asString(""));
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}
