package com.aiassistants.backend.agent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.aiassistants.backend.assistant.Sandbox;
import com.aiassistants.common.mcp.McpJson;
import com.aiassistants.common.mcp.client.McpToolError;
import com.aiassistants.common.mcp.client.McpUnavailableException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Runs the tool calls the model asks for during one turn: only allowlisted tools; arguments bound to the
 * contract records (unknown fields and wrong types refused, required ones checked); the customer, the
 * channel and the idempotency key filled in from the authenticated turn whatever the model sent; the
 * tenant travels as the {@code X-Tenant-Id} header of the turn, never as an argument. Order tools go to the
 * project's orders hook ({@link OrderTools}) with the turn's customer. A refused call is answered to the model as a
 * tool error so it can correct itself within the round cap.
 */
final class ToolCallExecutor {

    /** Arguments a model might use to pick another tenant or customer: dropped before binding. */
    private static final Set<String> CONTEXT_ARGUMENTS = Set.of("tenant_id", "tenant", "project_id", "customer_id");

    /** The authenticated facts of the turn. */
    record TurnContext(String tenantId, String customerId, String knownName, String channel, String conversationId,
            java.time.Instant now) {
    }

    /** The outcome of one call, as sent back to the model. */
    record Outcome(String toolName, boolean succeeded, Map<String, Object> body, String bookingId) {

        String json() {
            return McpJson.toJson(body);
        }
    }

    private final SchedulingTools tools;
    private final OrderTools orders;
    private final Set<String> allowlist;
    private final TurnContext context;
    private final Evidence evidence;
    private final MeterRegistry meters;
    private long toolNanos;

    ToolCallExecutor(SchedulingTools tools, OrderTools orders, Set<String> allowlist, TurnContext context,
            Evidence evidence, MeterRegistry meters) {
        this.tools = tools;
        this.orders = orders;
        this.allowlist = allowlist;
        this.context = context;
        this.evidence = evidence;
        this.meters = meters;
    }

    /** Nanoseconds spent waiting for the scheduling services and the orders hook so far. */
    long toolNanos() {
        return toolNanos;
    }

    Outcome execute(LlmChat.ToolCall call) {
        Optional<AgentTool> known = AgentTool.byName(call.name());
        if (known.isEmpty() || !allowlist.contains(call.name())) {
            count("other", "not_allowed");
            return refused(call.name(), "tool_not_allowed",
                    "Unknown tool '" + call.name() + "'. Use only the tools you were given.");
        }
        AgentTool tool = known.get();
        Object input;
        try {
            input = bind(tool, call.arguments());
        } catch (IllegalArgumentException e) {
            count(tool.toolName, "invalid_arguments");
            return refused(tool.toolName, "invalid_arguments", e.getMessage());
        }
        if (tool.ordersHook()) {
            return order(tool, input);
        }
        Map<String, Object> arguments = McpJson.toMap(input);
        if (tool.write) {
            Sandbox.refuseWrite(tool.toolName);
        }
        long started = System.nanoTime();
        try {
            Map<String, Object> result = tools.call(tool.service, context.tenantId(), tool.toolName, arguments,
                    tool.retryable());
            evidence.record(tool, true, result);
            count(tool.toolName, "ok");
            return new Outcome(tool.toolName, true, result,
                    tool.write && result.get("id") != null ? result.get("id").toString() : null);
        } catch (McpToolError e) {
            Map<String, Object> body = new LinkedHashMap<>(e.body() == null ? Map.of() : e.body());
            body.putIfAbsent("error", e.code());
            body.putIfAbsent("message", e.getMessage());
            evidence.record(tool, false, body);
            count(tool.toolName, "tool_error");
            return new Outcome(tool.toolName, false, body, null);
        } catch (McpUnavailableException e) {
            count(tool.toolName, "unavailable");
            throw new AgentFallback("tool_unavailable", e.getMessage(), e);
        } finally {
            toolNanos += System.nanoTime() - started;
        }
    }

    /** An order tool: the hook's answer, or its failure as a tool error (never a fallback). */
    private Outcome order(AgentTool tool, Object input) {
        long started = System.nanoTime();
        try {
            OrderTools.Answer answer = orders.call(tool, input, context);
            evidence.record(tool, answer.ok(), answer.body());
            count(tool.toolName, answer.ok() ? "ok" : "tool_error");
            return new Outcome(tool.toolName, answer.ok(), answer.body(), null);
        } catch (IllegalArgumentException e) {
            count(tool.toolName, "invalid_arguments");
            return refused(tool.toolName, "invalid_arguments", e.getMessage());
        } finally {
            toolNanos += System.nanoTime() - started;
        }
    }

    /** Validates the model's arguments and binds the ones actually used to the tool's input record. */
    private Object bind(AgentTool tool, Map<String, Object> fromModel) {
        if (fromModel.containsKey("_raw")) {
            throw new IllegalArgumentException("arguments must be a JSON object");
        }
        Map<String, Object> arguments = new LinkedHashMap<>(fromModel);
        CONTEXT_ARGUMENTS.forEach(arguments::remove);
        tool.injected.forEach(arguments::remove);
        List<String> missing = tool.required().stream()
                .filter(name -> arguments.get(name) == null || "".equals(arguments.get(name))).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("missing required arguments: " + String.join(", ", missing));
        }
        if (tool.injected.contains("customer_id")) {
            arguments.put("customer_id", context.customerId());
        }
        if (tool == AgentTool.HOLD_SLOT) {
            arguments.put("channel", context.channel());
            arguments.put("idempotency_key", idempotencyKey(arguments));
            if (context.knownName() != null) {
                arguments.put("customer_name", context.knownName());
            }
        }
        try {
            return McpJson.fromMap(arguments, tool.inputType);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(firstLine(e.getMessage()));
        }
    }

    /** The same hold asked again in the same turn (e.g. a retried turn) gets the same booking. */
    private String idempotencyKey(Map<String, Object> arguments) {
        String material = String.join("|", context.tenantId(), context.conversationId(), context.customerId(),
                String.valueOf(context.now()), String.valueOf(arguments.get("service_id")),
                String.valueOf(arguments.get("professional_id")), String.valueOf(arguments.get("start")));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return "agent-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Outcome refused(String name, String code, String message) {
        return new Outcome(name, false, Map.of("error", code, "message", message), null);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "arguments do not match the tool's schema";
        }
        String line = message.lines().findFirst().orElse(message);
        return line.length() > 300 ? line.substring(0, 300) : line;
    }

    private void count(String tool, String outcome) {
        Counter.builder("assistant.agent.tool.calls").tag("tool", tool).tag("outcome", outcome)
                .register(meters).increment();
    }
}
