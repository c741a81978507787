package com.aiassistants.common.mcp.server;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import com.aiassistants.common.web.RequestIdFilter;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one error path of every MCP endpoint: whatever goes wrong with a JSON-RPC message, the caller gets a
 * JSON-RPC error object ({@code {"jsonrpc":"2.0","id":…,"error":{"code":…,"message":…}}}) with a short message,
 * never Java internals.
 * <ul>
 * <li>Before the SDK sees a POST: the body must be one JSON object (not a batch, at most
 * {@link #MAX_BODY_BYTES}) with {@code "jsonrpc":"2.0"} and a string {@code method} (or a result/error),
 * {@code Accept} must list {@code application/json} and {@code text/event-stream}, and {@code X-Tenant-Id}
 * may be sent at most once.</li>
 * <li>After: any 4xx/5xx the SDK (or the container) answers is rewritten into such an error; a 5xx says
 * only "internal error" and the request id (the cause is logged).</li>
 * </ul>
 * Runs after {@link ServiceTokenFilter}, whose 401/403 stay HTTP-level problem details.
 * <p>
 * The request body is read once and handed on in a {@link BodyRequest}; the SDK's answer is held in a
 * {@link BufferedResponse} until it has been looked at.
 */
public class JsonRpcErrorFilter extends OncePerRequestFilter {

    /** JSON-RPC 2.0 error codes. */
    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;

    /** Largest request body accepted (tool arguments are small). */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(JsonRpcErrorFilter.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (Collections.list(request.getHeaders("X-Tenant-Id")).size() > 1) {
            write(response, 400, null, INVALID_REQUEST, "X-Tenant-Id must be sent once");
            return;
        }
        HttpServletRequest forwarded = request;
        Object id = null;
        if ("POST".equalsIgnoreCase(request.getMethod())) {
            byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                write(response, 413, null, INVALID_REQUEST, "the message is larger than " + MAX_BODY_BYTES + " bytes");
                return;
            }
            JsonNode message;
            try {
                message = JSON.readTree(body);
            } catch (JacksonException e) {
                write(response, 400, null, PARSE_ERROR, "Parse error: the body is not valid JSON");
                return;
            }
            if (message == null || message.isMissingNode()) {
                write(response, 400, null, PARSE_ERROR, "Parse error: the body is empty");
                return;
            }
            if (message.isArray()) {
                write(response, 400, null, INVALID_REQUEST, "batches are not supported: send one JSON-RPC message per request");
                return;
            }
            if (!message.isObject()) {
                write(response, 400, null, INVALID_REQUEST, "the body must be a JSON-RPC 2.0 object");
                return;
            }
            id = idOf(message.get("id"));
            String problem = invalid(message);
            if (problem != null) {
                write(response, 400, id, problem.startsWith("params") ? INVALID_PARAMS : INVALID_REQUEST, problem);
                return;
            }
            String accept = String.join(",", Collections.list(request.getHeaders("Accept")));
            if (!accept.contains("application/json") || !accept.contains("text/event-stream")) {
                write(response, 406, id, INVALID_REQUEST,
                        "the Accept header must list both application/json and text/event-stream");
                return;
            }
            forwarded = new BodyRequest(request, body);
        }
        BufferedResponse buffered = new BufferedResponse(response);
        try {
            chain.doFilter(forwarded, buffered);
        } catch (RuntimeException | ServletException | IOException e) {
            log.error("MCP request failed", e);
            write(response, 500, id, INTERNAL_ERROR, internalMessage());
            return;
        }
        int status = buffered.status();
        if (status < 400) {
            buffered.copyTo(response);
            return;
        }
        if (status >= 500) {
            log.warn("MCP endpoint answered {}: {}", status, abbreviate(buffered.text()));
            write(response, status, id, INTERNAL_ERROR, internalMessage());
            return;
        }
        JsonNode sdkError = readQuietly(buffered.bytes());
        if (sdkError != null && "2.0".equals(text(sdkError.get("jsonrpc"))) && sdkError.path("error").isObject()) {
            buffered.copyTo(response);
            return;
        }
        String message = sdkError == null ? null : text(sdkError.path("jsonRpcError").get("message"));
        if (message == null && sdkError != null) {
            message = text(sdkError.get("message"));
        }
        write(response, status, id, status == 404 || status == 405 ? METHOD_NOT_FOUND : INVALID_REQUEST,
                message == null ? reason(status) : abbreviate(message));
    }

    /** What is wrong with a JSON-RPC 2.0 message object, or null. */
    private static String invalid(JsonNode message) {
        if (!"2.0".equals(text(message.get("jsonrpc")))) {
            return "jsonrpc must be \"2.0\"";
        }
        JsonNode id = message.get("id");
        if (id != null && !id.isNull() && !id.isString() && !id.isIntegralNumber()) {
            return "id must be a string or an integer";
        }
        JsonNode method = message.get("method");
        if (method == null) {
            return message.has("result") || message.has("error") ? null : "method is required";
        }
        if (!method.isString() || method.asString().isBlank()) {
            return "method must be a non-empty string";
        }
        JsonNode params = message.get("params");
        if (params != null && !params.isNull() && !params.isObject()) {
            return "params must be an object";
        }
        if ("tools/call".equals(method.asString())) {
            if (params == null || !params.path("name").isString()) {
                return "params.name must name a tool";
            }
            JsonNode arguments = params.get("arguments");
            if (arguments != null && !arguments.isNull() && !arguments.isObject()) {
                return "params.arguments must be an object";
            }
        }
        return null;
    }

    private static Object idOf(JsonNode id) {
        if (id == null || id.isNull()) {
            return null;
        }
        if (id.isIntegralNumber()) {
            return id.bigIntegerValue();
        }
        return id.isString() && id.asString().length() <= 200 ? id.asString() : null;
    }

    private static String internalMessage() {
        String requestId = RequestIdFilter.current();
        return "Internal error" + (requestId == null ? "" : "; request id " + requestId + " identifies it in the logs");
    }

    private static String reason(int status) {
        return switch (status) {
            case 404 -> "no such endpoint";
            case 405 -> "use POST: this endpoint is stateless and offers no event stream";
            case 413 -> "the message is too large";
            default -> "invalid request";
        };
    }

    private static void write(HttpServletResponse response, int status, Object id, int code, String message)
            throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jsonrpc", "2.0");
        body.put("id", id);
        body.put("error", error);
        response.resetBuffer();
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        response.setContentType("application/json");
        byte[] bytes = JSON.writeValueAsBytes(body);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static JsonNode readQuietly(byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() ? node.asString() : null;
    }

    private static String abbreviate(String text) {
        String firstLine = text.lines().findFirst().orElse("");
        return firstLine.length() > 300 ? firstLine.substring(0, 300) + "…" : firstLine;
    }
}
