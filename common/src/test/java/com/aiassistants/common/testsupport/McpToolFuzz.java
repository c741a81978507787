package com.aiassistants.common.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.aiassistants.common.mcp.client.McpToolClient;
import com.aiassistants.common.mcp.client.McpToolError;

import io.modelcontextprotocol.spec.McpSchema;

/**
 * A generated bad-input pass over every tool a service lists: for each tool, arguments built from its input
 * schema (plausible values of the right type for every property), then each property in turn replaced by
 * hostile values (wrong types, NUL and other control characters, absurd and far-future dates, huge numbers and
 * strings, nested garbage), plus no arguments and unknown ones. Every call must end either in a result or in a
 * tool error whose code is not {@code internal_error} and whose message shows no Java internals; the
 * transport must never fail. Returns how many calls were made.
 */
public final class McpToolFuzz {

    private static final List<Object> HOSTILE = List.of("", " ", "x\u0000y", "\u0007\u001b[31m", "x".repeat(20_000),
            "+999999999-12-31", "9999-12-31T23:59:59Z", "-1", "1e309", "<script>", "' or 1=1 --", -1, 0, 1e12,
            Long.MAX_VALUE, 3.5, true, List.of(), List.of(Map.of("a", "\u0000")), Map.of(), Map.of("nested", Map.of()));

    private McpToolFuzz() {
    }

    public static int run(McpToolClient client, String tenant) {
        int calls = 0;
        List<String> failures = new ArrayList<>();
        for (McpSchema.Tool tool : client.listTools()) {
            Map<String, Object> properties = properties(tool.inputSchema());
            Map<String, Object> plausible = new LinkedHashMap<>();
            properties.forEach((name, schema) -> plausible.put(name, plausible(schema)));
            List<Map<String, Object>> cases = new ArrayList<>();
            cases.add(Map.of());
            cases.add(plausible);
            Map<String, Object> unknown = new LinkedHashMap<>(plausible);
            unknown.put("tenant_id", "someone-else");
            cases.add(unknown);
            for (String name : properties.keySet()) {
                for (Object value : HOSTILE) {
                    Map<String, Object> arguments = new LinkedHashMap<>(plausible);
                    arguments.put(name, value);
                    cases.add(arguments);
                }
            }
            for (Map<String, Object> arguments : cases) {
                calls++;
                try {
                    client.callForMap(tenant, tool.name(), arguments, false);
                } catch (McpToolError e) {
                    String message = String.valueOf(e.getMessage());
                    if ("internal_error".equals(e.code()) || message.contains("Exception") || message.contains("java.")) {
                        failures.add(tool.name() + " " + abbreviate(arguments) + " → " + e.code() + ": " + message);
                    }
                } catch (RuntimeException e) {
                    failures.add(tool.name() + " " + abbreviate(arguments) + " → transport failure " + e);
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " of " + calls + " fuzz calls failed badly:\n"
                    + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
        }
        return calls;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> schema) {
        Object properties = schema == null ? null : schema.get("properties");
        return properties instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static Object plausible(Object schema) {
        Map<String, Object> s = schema instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        if (s.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return values.getFirst();
        }
        Object type = s.get("type");
        if (type instanceof List<?> types) {
            type = types.stream().map(String::valueOf).filter(t -> !"null".equals(t)).findFirst().orElse("string");
        }
        String format = String.valueOf(s.get("format"));
        return switch (String.valueOf(type)) {
            case "integer" -> 1;
            case "number" -> 1.5;
            case "boolean" -> true;
            case "array" -> List.of();
            case "object" -> {
                Map<String, Object> nested = new LinkedHashMap<>();
                properties(s).forEach((name, child) -> nested.put(name, plausible(child)));
                yield nested;
            }
            default -> switch (format) {
                case "date" -> "2026-03-03";
                case "date-time" -> "2026-03-03T13:00:00Z";
                case "uuid" -> "00000000-0000-0000-0000-000000000001";
                default -> s.containsKey("pattern") && String.valueOf(s.get("pattern")).contains("[01][0-9]") ? "10:00" : "fuzz";
            };
        };
    }

    private static String abbreviate(Map<String, Object> arguments) {
        String text = String.valueOf(arguments);
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
