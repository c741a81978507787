package com.aiassistants.common.tracing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Carries one trace across the calls our own code makes by hand (the JDK HTTP clients, the MCP client, rows
 * that wait in a queue): {@link #call} opens a client span and hands the W3C {@code traceparent} headers to put
 * on the request; {@link #continueFrom} resumes a trace from headers saved earlier. Inbound HTTP needs nothing:
 * Spring's server observation reads {@code traceparent} itself. Without a tracer (tracing off) both just run the work.
 */
public final class Traces {

    /** For code built without Spring (tests): no spans, no headers. */
    public static final Traces NONE = new Traces(() -> null, () -> null);

    /** The W3C header that {@link #headers} and {@link #call} produce. */
    public static final String TRACEPARENT = "traceparent";

    private final Supplier<Tracer> tracer;
    private final Supplier<Propagator> propagator;

    public Traces(Supplier<Tracer> tracer, Supplier<Propagator> propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Work that gets the headers continuing the trace. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run(Map<String, String> headers) throws E;
    }

    /** Work run inside a resumed trace. */
    @FunctionalInterface
    public interface Resumed<T, E extends Exception> {
        T run() throws E;
    }

    /** The headers that continue the current span in another service (empty without a current span). */
    public Map<String, String> headers() {
        Tracer t = tracer.get();
        Propagator p = propagator.get();
        Map<String, String> headers = new LinkedHashMap<>();
        if (t == null || p == null || t.currentSpan() == null) {
            return headers;
        }
        p.inject(t.currentSpan().context(), headers, Map::put);
        return headers;
    }

    /** The current trace id, or null outside a trace. */
    public String currentTraceId() {
        Tracer t = tracer.get();
        Span span = t == null ? null : t.currentSpan();
        return span == null ? null : span.context().traceId();
    }

    /** Runs an outgoing call in a client span named {@code name}; {@code work} puts the given headers on its request. */
    public <T, E extends Exception> T call(String name, Work<T, E> work) throws E {
        Tracer t = tracer.get();
        Propagator p = propagator.get();
        if (t == null || p == null) {
            return work.run(Map.of());
        }
        Span span = t.spanBuilder().name(name).kind(Span.Kind.CLIENT).start();
        try (Tracer.SpanInScope ignored = t.withSpan(span)) {
            Map<String, String> headers = new LinkedHashMap<>();
            p.inject(span.context(), headers, Map::put);
            return work.run(headers);
        } catch (Exception | Error e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    /**
     * Runs {@code work} in a span named {@code name} that continues the trace saved in {@code headers} (a new
     * trace when they are empty or unreadable), so queued work stays in the trace of the request that queued it.
     */
    public <T, E extends Exception> T continueFrom(Map<String, String> headers, String name, Resumed<T, E> work) throws E {
        Tracer t = tracer.get();
        Propagator p = propagator.get();
        if (t == null || p == null) {
            return work.run();
        }
        Span span = (headers == null || headers.isEmpty() ? t.spanBuilder() : p.extract(headers, Map::get))
                .name(name).kind(Span.Kind.CONSUMER).start();
        try (Tracer.SpanInScope ignored = t.withSpan(span)) {
            return work.run();
        } catch (Exception | Error e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
