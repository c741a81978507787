package com.aiassistants.common.mcp.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.core5.io.CloseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

import com.aiassistants.common.mcp.McpJson;
import com.aiassistants.common.retry.Backoffs;
import com.aiassistants.common.tracing.Traces;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the tools of one MCP service over Streamable HTTP with the official SDK client, adding the
 * service token, the tenant ({@code X-Tenant-Id}), the request id and the caller's name as headers.
 * Every call has a timeout; calls marked retryable are retried on transport failures with backoff;
 * each call is timed in {@code mcp.client.calls} (service, tool, outcome) and, with {@link Traces}, is a client span
 * whose W3C {@code traceparent} goes with the request.
 *
 * <p>The SDK client talks through {@link CallingThreadTransport}: each call's HTTP exchange is made on the calling
 * thread, over a pool of kept-alive connections to the service ({@code mcp.client.connections}, by state). A call
 * that fails on a transport error retires its MCP session: the next call opens a new one, and the old one is closed
 * when its last call in flight has ended. Sessions opened are counted in {@code mcp.client.sessions}.
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
    /** One pool of kept-alive connections to the service for every session. */
    private final PoolingHttpClientConnectionManager connections;
    private final CloseableHttpClient httpClient;
    private final RestClient http;
    private final AtomicInteger openSessions = new AtomicInteger();
    private volatile Session session;

    private static final McpJsonMapper JSON = new JacksonMcpJsonMapper(JsonMapper.builder().build());

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
        this.connections = McpHttp.connectionPool(target.timeout());
        this.httpClient = McpHttp.client(connections, target.timeout());
        this.http = McpHttp.restClient(httpClient);
        this.retries = Backoffs.retryTemplate(target.retries(), Duration.ofMillis(100), Duration.ofHours(1),
                e -> !(e instanceof McpToolError));
        if (meterRegistry != null) {
            Gauge.builder("mcp.client.sessions.open", openSessions, AtomicInteger::get)
                    .tag("service", service).register(meterRegistry);
            Gauge.builder("mcp.client.connections", connections, pool -> pool.getTotalStats().getLeased())
                    .tag("service", service).tag("state", "leased").register(meterRegistry);
            Gauge.builder("mcp.client.connections", connections, pool -> pool.getTotalStats().getAvailable())
                    .tag("service", service).tag("state", "idle").register(meterRegistry);
        }
    }

    /** MCP sessions opened and not yet closed: the current one, and retired ones whose calls have not all ended. */
    public int openSessions() {
        return openSessions.get();
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
                Session current = null;
                try {
                    current = openSession();
                    McpSchema.CallToolResult result = call(current, context, tool, args);
                    if (Boolean.TRUE.equals(result.isError())) {
                        throw toError(tool, result);
                    }
                    return structuredContent(result);
                } catch (McpToolError e) {
                    throw e;
                } catch (Exception e) {
                    if (number < attempts) {
                        log.warn("{} call {} failed (attempt {}/{}): {}", service, tool, number, attempts, e.toString());
                        if (current != null) {
                            retire(current);
                        }
                    }
                    throw e;
                } finally {
                    if (current != null) {
                        current.release();
                    }
                }
            });
        } catch (RetryException e) {
            if (e.getCause() instanceof McpToolError error) {
                outcome = error.code();
                throw error;
            }
            outcome = "unavailable";
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new McpUnavailableException(service + " did not answer " + tool + ": " + reason(cause), cause);
        } finally {
            log.debug("{} {} answered {} in {} ms", service, tool, outcome, (System.nanoTime() - started) / 1_000_000);
            if (meterRegistry != null) {
                Timer.builder("mcp.client.calls").tag("service", service).tag("tool", tool).tag("outcome", outcome)
                        .register(meterRegistry).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            }
        }
    }

    /** One tool call on a held session. */
    private McpSchema.CallToolResult call(Session session, McpTransportContext context, String tool,
            Map<String, Object> args) throws Exception {
        return ScopedValue.where(CALL_CONTEXT, context)
                .call(() -> session.client.callTool(new McpSchema.CallToolRequest(tool, args)));
    }

    /** The tools the service offers (for discovery and for the LLM agent's allowlist). */
    public List<McpSchema.Tool> listTools() {
        Session current = null;
        try {
            current = openSession();
            return current.client.listTools().tools();
        } catch (RuntimeException e) {
            if (current != null) {
                retire(current);
            }
            throw new McpUnavailableException(service + " did not list its tools: " + reason(e), e);
        } finally {
            if (current != null) {
                current.release();
            }
        }
    }

    /** The session calls go to now, held for one call: the caller releases it when the call has ended. */
    private Session openSession() {
        while (true) {
            Session current = session;
            if (current == null) {
                synchronized (this) {
                    current = session;
                    if (current == null) {
                        current = connect();
                        session = current;
                    }
                }
            }
            if (current.acquire()) {
                return current;
            }
            // retired and closed between the read and the hold: the next read sees its successor (or opens it)
        }
    }

    /** Calls from now on go to a new session; this one is closed once its calls in flight have ended. */
    private void retire(Session retired) {
        synchronized (this) {
            if (session == retired) {
                session = null;
            }
        }
        retired.retire();
    }

    /** Opens a session: a new SDK client over the shared HTTP client, initialised. */
    private Session connect() {
        CallingThreadTransport transport = new CallingThreadTransport(http, URI.create(target.endpoint()), JSON,
                this::addCallHeaders);
        McpSyncClient created = McpClient.sync(transport)
                .requestTimeout(target.timeout())
                .initializationTimeout(target.timeout())
                .clientInfo(new McpSchema.Implementation(caller == null ? "ai-assistants" : caller, "0.1.0"))
                .transportContextProvider(() -> CALL_CONTEXT.isBound() ? CALL_CONTEXT.get() : McpTransportContext.EMPTY)
                .build();
        try {
            created.initialize();
        } catch (RuntimeException e) {
            created.close();
            throw e;
        }
        openSessions.incrementAndGet();
        if (meterRegistry != null) {
            meterRegistry.counter("mcp.client.sessions", "service", service).increment();
        }
        return new Session(created, openSessions::decrementAndGet);
    }

    /**
     * The service token, the caller's name, and the tenant, request id and trace of the call in {@code call} (the
     * transport passes {@link McpTransportContext#EMPTY} when a message belongs to no call).
     */
    private void addCallHeaders(HttpHeaders headers, McpTransportContext call) {
        headers.setBearerAuth(target.token());
        if (caller != null) {
            headers.set("X-Caller", caller);
        }
        Object tenant = call.get("tenantId");
        if (tenant != null && !tenant.toString().isBlank()) {
            headers.set("X-Tenant-Id", tenant.toString());
        }
        Object requestId = call.get("requestId");
        if (requestId != null && !requestId.toString().isBlank()) {
            headers.set("X-Request-Id", requestId.toString());
        }
        for (String header : TRACE_HEADERS) {
            Object value = call.get(header);
            if (value != null && !value.toString().isBlank()) {
                headers.set(header, value.toString());
            }
        }
    }

    /**
     * One SDK client, that is one MCP session, with a count of its holders: the client itself until it is retired,
     * and each call in flight on it. The last holder to let go closes it.
     */
    private static final class Session {

        final McpSyncClient client;
        private final Runnable onClose;
        private final AtomicInteger holders = new AtomicInteger(1);
        private final AtomicBoolean retired = new AtomicBoolean();

        Session(McpSyncClient client, Runnable onClose) {
            this.client = client;
            this.onClose = onClose;
        }

        /** Holds the session for a call; false once it has been closed. */
        boolean acquire() {
            return holders.updateAndGet(count -> count == 0 ? 0 : count + 1) != 0;
        }

        void release() {
            if (holders.decrementAndGet() == 0) {
                try {
                    client.close();
                } catch (RuntimeException ignored) {
                    // closing a retired or broken session is best effort
                } finally {
                    onClose.run();
                }
            }
        }

        void retire() {
            if (retired.compareAndSet(false, true)) {
                release();
            }
        }
    }

    /** The first failure in the chain, which says what went wrong (the SDK wraps it in its own words). */
    private static String reason(Throwable failure) {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
        return root == failure ? String.valueOf(failure.getMessage())
                : failure.getMessage() + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
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
        Session current = session;
        if (current != null) {
            retire(current);
        }
        httpClient.close(CloseMode.GRACEFUL);
    }
}
