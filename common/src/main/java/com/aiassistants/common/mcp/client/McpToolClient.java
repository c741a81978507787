package com.aiassistants.common.mcp.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryTemplate;

import com.aiassistants.common.mcp.McpJson;
import com.aiassistants.common.retry.Backoffs;
import com.aiassistants.common.tracing.Traces;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import tools.jackson.core.type.TypeReference;

/**
 * Calls the tools of one MCP service over Streamable HTTP with the official SDK client, adding the
 * service token, the tenant ({@code X-Tenant-Id}), the request id and the caller's name as headers.
 * Every call has a timeout; calls marked retryable are retried on transport failures with backoff;
 * each call is timed in {@code mcp.client.calls} (service, tool, outcome) and, with {@link Traces}, is a client span
 * whose W3C {@code traceparent} goes with the request.
 */
public class McpToolClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(McpToolClient.class);
    private static final ScopedValue<McpTransportContext> CALL_CONTEXT = ScopedValue.newInstance();
    private static final java.util.List<String> TRACE_HEADERS = java.util.List.of(Traces.TRACEPARENT, "tracestate");

    private final String service;
    private final McpTarget target;
    private final String caller;
    private final MeterRegistry meterRegistry;
    private final Traces traces;
    /** Transport failures of retryable calls: {@code retries} more attempts, 100 ms doubling between them. */
    private final RetryTemplate retries;
    private volatile McpSyncClient client;

    private static final RetryTemplate NO_RETRIES = Backoffs.retryTemplate(0, Duration.ZERO, Duration.ZERO, e -> false);

    public McpToolClient(String service, McpTarget target, String caller, MeterRegistry meterRegistry) {
        this(service, target, caller, meterRegistry, Traces.NONE);
    }

    /** With {@code traces}, each call is a client span and carries the W3C {@code traceparent} to the service. */
    public McpToolClient(String service, McpTarget target, String caller, MeterRegistry meterRegistry, Traces traces) {
        this.service = service;
        this.target = target;
        this.caller = caller;
        this.meterRegistry = meterRegistry;
        this.traces = traces == null ? Traces.NONE : traces;
        this.retries = Backoffs.retryTemplate(target.retries(), Duration.ofMillis(100), Duration.ofHours(1),
                e -> !(e instanceof McpToolError));
    }

    /** Calls {@code tool} for {@code tenantId}; arguments may be a record or a map; the structured result is bound to {@code resultType}. */
    public <T> T call(String tenantId, String tool, Object arguments, Class<T> resultType, boolean retryable) {
        Map<String, Object> structured = callForMap(tenantId, tool, arguments, retryable);
        return McpJson.MAPPER.convertValue(structured, resultType);
    }

    public <T> T call(String tenantId, String tool, Object arguments, Class<T> resultType) {
        return call(tenantId, tool, arguments, resultType, true);
    }

    /** Like {@link #call} but returns the structured content as a map. */
    public Map<String, Object> callForMap(String tenantId, String tool, Object arguments, boolean retryable) {
        return traces.call(service + " " + tool, traceHeaders -> callForMap(tenantId, tool, arguments, retryable, traceHeaders));
    }

    private Map<String, Object> callForMap(String tenantId, String tool, Object arguments, boolean retryable,
            Map<String, String> traceHeaders) {
        Map<String, Object> args = arguments instanceof Map<?, ?> map ? castMap(map) : McpJson.toMap(arguments);
        Map<String, Object> values = new java.util.HashMap<>(traceHeaders);
        values.put("tenantId", tenantId == null ? "" : tenantId);
        values.put("requestId", MDC.get("requestId") == null ? "" : MDC.get("requestId"));
        McpTransportContext context = McpTransportContext.create(values);
        int attempts = retryable ? target.retries() + 1 : 1;
        long started = System.nanoTime();
        String outcome = "ok";
        AtomicInteger attempt = new AtomicInteger();
        try {
            return (retryable ? retries : NO_RETRIES).execute(() -> {
                int number = attempt.incrementAndGet();
                try {
                    McpSchema.CallToolResult result = ScopedValue.where(CALL_CONTEXT, context)
                            .call(() -> client().callTool(new McpSchema.CallToolRequest(tool, args)));
                    if (Boolean.TRUE.equals(result.isError())) {
                        throw toError(tool, result);
                    }
                    return structuredContent(result);
                } catch (McpToolError e) {
                    throw e;
                } catch (Exception e) {
                    if (number < attempts) {
                        log.warn("{} call {} failed (attempt {}/{}): {}", service, tool, number, attempts, e.toString());
                        resetClient();
                    }
                    throw e;
                }
            });
        } catch (RetryException e) {
            if (e.getCause() instanceof McpToolError error) {
                outcome = error.code();
                throw error;
            }
            outcome = "unavailable";
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new McpUnavailableException(service + " did not answer " + tool + ": " + cause.getMessage(), cause);
        } finally {
            log.debug("{} {} answered {} in {} ms", service, tool, outcome, (System.nanoTime() - started) / 1_000_000);
            if (meterRegistry != null) {
                Timer.builder("mcp.client.calls").tag("service", service).tag("tool", tool).tag("outcome", outcome)
                        .register(meterRegistry).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            }
        }
    }

    /** The tools the service offers (for discovery and for the LLM agent's allowlist). */
    public List<McpSchema.Tool> listTools() {
        try {
            return client().listTools().tools();
        } catch (RuntimeException e) {
            resetClient();
            throw new McpUnavailableException(service + " did not list its tools: " + e.getMessage(), e);
        }
    }

    private McpSyncClient client() {
        McpSyncClient current = client;
        if (current == null) {
            synchronized (this) {
                current = client;
                if (current == null) {
                    current = connect();
                    client = current;
                }
            }
        }
        return current;
    }

    private McpSyncClient connect() {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                .builder(baseUrl(target.endpoint()))
                .endpoint(URI.create(target.endpoint()).getPath())
                .jsonMapper(new JacksonMcpJsonMapper(tools.jackson.databind.json.JsonMapper.builder().build()))
                .clientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(target.timeout()))
                .connectTimeout(target.timeout())
                .httpRequestCustomizer((builder, method, uri, body, ctx) -> {
                    builder.header("Authorization", "Bearer " + target.token());
                    builder.timeout(target.timeout());
                    if (caller != null) {
                        builder.header("X-Caller", caller);
                    }
                    McpTransportContext call = CALL_CONTEXT.isBound() ? CALL_CONTEXT.get() : ctx;
                    if (call != null) {
                        Object tenant = call.get("tenantId");
                        if (tenant != null && !tenant.toString().isBlank()) {
                            builder.header("X-Tenant-Id", tenant.toString());
                        }
                        Object requestId = call.get("requestId");
                        if (requestId != null && !requestId.toString().isBlank()) {
                            builder.header("X-Request-Id", requestId.toString());
                        }
                        for (String header : TRACE_HEADERS) {
                            Object value = call.get(header);
                            if (value != null && !value.toString().isBlank()) {
                                builder.setHeader(header, value.toString());
                            }
                        }
                    }
                })
                .build();
        McpSyncClient created = McpClient.sync(transport)
                .requestTimeout(target.timeout())
                .initializationTimeout(target.timeout())
                .clientInfo(new McpSchema.Implementation(caller == null ? "ai-assistants" : caller, "0.1.0"))
                .transportContextProvider(() -> CALL_CONTEXT.isBound() ? CALL_CONTEXT.get() : McpTransportContext.EMPTY)
                .build();
        created.initialize();
        return created;
    }

    private synchronized void resetClient() {
        McpSyncClient current = client;
        client = null;
        if (current != null) {
            try {
                current.close();
            } catch (RuntimeException ignored) {
                // closing a broken client is best effort
            }
        }
    }

    private static String baseUrl(String endpoint) {
        URI uri = URI.create(endpoint);
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    private McpToolError toError(String tool, McpSchema.CallToolResult result) {
        String text = result.content() == null ? "" : result.content().stream()
                .filter(McpSchema.TextContent.class::isInstance)
                .map(c -> ((McpSchema.TextContent) c).text())
                .findFirst().orElse("");
        Map<String, Object> body;
        try {
            body = McpJson.MAPPER.readValue(text, new TypeReference<Map<String, Object>>() {
            });
        } catch (RuntimeException e) {
            body = Map.of("error", "tool_error", "message", text);
        }
        String code = String.valueOf(body.getOrDefault("error", "tool_error"));
        String message = String.valueOf(body.getOrDefault("message", text));
        return new McpToolError(tool, code, message, body);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> structuredContent(McpSchema.CallToolResult result) {
        Object structured = result.structuredContent();
        if (structured instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        if (structured != null) {
            return McpJson.toMap(structured);
        }
        String text = result.content() == null || result.content().isEmpty() ? "{}"
                : ((McpSchema.TextContent) result.content().getFirst()).text();
        return McpJson.MAPPER.readValue(text, new TypeReference<Map<String, Object>>() {
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    @Override
    public void close() {
        resetClient();
    }
}
