package com.aiassistants.gateway.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.aiassistants.common.testsupport.BadInputAnswers;
import com.aiassistants.gateway.support.GatewayTestBase;

/**
 * Every HTTP route of the gateway, as its own handler mapping lists them (the gateway publishes no OpenAPI
 * document), called with bad input: hostile path segments, malformed and mistyped JSON bodies, no credentials.
 * Every answer must be below 500 (a 503 only with {@code Retry-After}), carry no stack trace or HTML, and every 4xx
 * with a body must be problem details.
 */
class RouteFuzzTest extends GatewayTestBase {

    private static final List<String> PATH_VALUES = List.of("fuzz-1", "%00", "a%00b", "x".repeat(600), "..%2F..%2Fetc",
            "%27%20or%201%3D1--", "-1", "99999999999999999999999", "%C0%AF", "%F0%9F%98%80", "%20",
            "%0D%0AX-Injected:%201");
    private static final List<String> BODIES = List.of("{", "[]", "null", "\"x\"", "42", "{}", "{\"a\":", "\u0000",
            "{\"text\":\"a\\u0000b\",\"to\":\"+5491100000000\",\"phone\":\"+5491100000000\"}",
            "{\"text\":12345,\"to\":[1],\"numbers\":\"x\",\"phone\":{\"x\":1},\"reply_id\":true}",
            "{\"numbers\":[\"\\u0000\",\"+1\",12345]}", "{\"text\":\"" + "x".repeat(100_000) + "\"}",
            "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"value\":{\"messages\":[{}]}}]}]}");
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final List<String> findings = new ArrayList<>();
    private int requests;

    @Test
    void noRouteAnswers5xxOrLeaksInternalsOnBadInput() {
        Set<String> routes = new LinkedHashSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            Set<String> methods = new LinkedHashSet<>();
            info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
            if (methods.isEmpty()) {
                methods.addAll(List.of("GET", "POST"));
            }
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/error")) {
                    methods.forEach(m -> routes.add(m + " " + pattern));
                }
            }
        });
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String template = route.substring(route.indexOf(' ') + 1);
            fuzz(method, template);
        }
        System.out.printf("gateway route fuzz: %d routes, %d requests, %d findings%n", routes.size(), requests,
                findings.size());
        assertThat(routes).as("routes found").hasSizeGreaterThan(15);
        assertThat(findings).as("bad input answered badly").isEmpty();
    }

    private void fuzz(String method, String template) {
        Map<String, String> auth = template.startsWith("/admin") ? Map.of("Authorization", "Bearer " + ADMIN_TOKEN)
                : Map.of();
        List<String> variables = new ArrayList<>();
        var matcher = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(template);
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        boolean takesBody = !"GET".equals(method) && !"DELETE".equals(method);
        String valid = fill(template, null, null);
        check(method, valid, Map.of(), takesBody ? "{}" : null);
        for (String variable : variables) {
            for (String value : PATH_VALUES) {
                check(method, fill(template, variable, value), auth, takesBody ? "{}" : null);
            }
        }
        if (takesBody) {
            for (String body : BODIES) {
                check(method, valid, auth, body);
            }
        }
        for (String query : List.of("?tenant=%00", "?tenant=" + "x".repeat(3000), "?limit=-1", "?limit=abc",
                "?hub.mode=subscribe&hub.verify_token=%00&hub.challenge=%00")) {
            check(method, valid + query, auth, takesBody ? "{}" : null);
        }
    }

    private static String fill(String template, String fuzzed, String value) {
        String path = template;
        var matcher = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(template);
        while (matcher.find()) {
            String name = matcher.group(1);
            String filled = name.equals(fuzzed) ? value
                    : "tenant".equals(name) ? "default" : "phone".equals(name) ? "5491100000000" : "1";
            path = path.replace("{" + name + "}", filled);
        }
        return path;
    }

    private void check(String method, String path, Map<String, String> headers, String body) {
        requests++;
        String what = method + " " + abbreviate(path) + (body == null ? "" : " " + abbreviate(body));
        HttpResponse<String> response;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(20)).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            headers.forEach(request::header);
            response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            findings.add(what + ": no answer (" + e + ")");
            return;
        }
        String text = response.body() == null ? "" : response.body();
        what += " → " + response.statusCode() + " " + abbreviate(text);
        if (response.statusCode() == 503 && response.headers().firstValue("Retry-After").isPresent()) {
            return;
        }
        String fault = BadInputAnswers.fault(response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""), text);
        if (fault != null) {
            findings.add(fault + what);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}
