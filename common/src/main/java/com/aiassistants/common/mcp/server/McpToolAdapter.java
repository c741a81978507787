package com.aiassistants.common.mcp.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import com.aiassistants.common.mcp.McpJson;
import com.aiassistants.common.mcp.ToolSchemas;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;

/** Turns a {@link McpTool} into an SDK tool specification: schemas, argument binding, errors, metrics. */
final class McpToolAdapter {

    static final String TENANT = "tenantId";
    static final String REQUEST_ID = "requestId";
    static final String CALLER = "caller";
    private static final Logger log = LoggerFactory.getLogger(McpToolAdapter.class);

    private final MeterRegistry meterRegistry;
    private final ToolArguments arguments;

    McpToolAdapter(MeterRegistry meterRegistry, ToolArguments arguments) {
        this.meterRegistry = meterRegistry;
        this.arguments = arguments;
    }

    <I, O> McpStatelessServerFeatures.SyncToolSpecification toSpecification(McpTool<I, O> tool) {
        McpSchema.Tool definition = McpSchema.Tool.builder()
                .name(tool.name())
                .description(tool.description())
                .inputSchema(ToolSchemas.of(tool.input()))
                .outputSchema(ToolSchemas.of(tool.output()))
                .annotations(new McpSchema.ToolAnnotations(null, tool.readOnly(), false, !tool.readOnly(), false, null))
                .build();
        return new McpStatelessServerFeatures.SyncToolSpecification(definition,
                (transportContext, request) -> call(tool, definition.inputSchema(), transportContext, request));
    }

    private <I, O> McpSchema.CallToolResult call(McpTool<I, O> tool, Map<String, Object> inputSchema,
            McpTransportContext transportContext, McpSchema.CallToolRequest request) {
        ToolContext context = new ToolContext(blankToNull(transportContext.get(TENANT)),
                blankToNull(transportContext.get(REQUEST_ID)), blankToNull(transportContext.get(CALLER)));
        long started = System.nanoTime();
        String outcome = "ok";
        if (context.requestId() != null) {
            MDC.put("requestId", context.requestId());
        }
        if (context.tenantId() != null) {
            MDC.put("tenantId", context.tenantId());
        }
        try {
            I input = arguments.bind(tool.name(), inputSchema, request.arguments(), tool.input());
            O output = tool.handler().handle(context, input);
            Map<String, Object> structured = McpJson.toMap(output);
            return McpSchema.CallToolResult.builder()
                    .structuredContent(structured)
                    .addTextContent(McpJson.toJson(structured))
                    .isError(false)
                    .build();
        } catch (ToolException e) {
            outcome = e.code();
            return error(e.code(), e.getMessage(), e.details());
        } catch (RuntimeException e) {
            if (com.aiassistants.common.web.Outages.isOutage(e)) {
                outcome = "unavailable";
                log.warn("tool {}: a dependency is unavailable ({})", tool.name(), e.toString());
                return error("unavailable", "A service this tool needs is unavailable right now; retry in a few seconds",
                        Map.of("retry_after_seconds", com.aiassistants.common.web.Outages.RETRY_AFTER_SECONDS));
            }
            outcome = "internal_error";
            log.error("tool {} failed", tool.name(), e);
            return error("internal_error", "The tool failed unexpectedly; try again later", Map.of());
        } finally {
            log.debug("tool {} answered {} in {} ms", tool.name(), outcome, (System.nanoTime() - started) / 1_000_000);
            if (meterRegistry != null) {
                Timer.builder("mcp.server.tool.calls").tag("tool", tool.name()).tag("outcome", outcome)
                        .register(meterRegistry).record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
            }
            MDC.remove("requestId");
            MDC.remove("tenantId");
        }
    }

    private static McpSchema.CallToolResult error(String code, String message, Map<String, Object> details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        body.putAll(details);
        return McpSchema.CallToolResult.builder()
                .content(List.of(new McpSchema.TextContent(McpJson.toJson(body))))
                .isError(true)
                .build();
    }

    private static String blankToNull(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
