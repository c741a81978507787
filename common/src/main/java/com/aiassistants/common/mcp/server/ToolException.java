package com.aiassistants.common.mcp.server;

import java.util.Map;

/**
 * A domain failure reported to the MCP caller as a tool error ({@code isError: true}) with a
 * readable message and a machine-readable {@code code}, never a stack trace.
 */
public class ToolException extends RuntimeException {

    private final String code;
    private final Map<String, Object> details;

    public ToolException(String message) {
        this("invalid_request", message, Map.of());
    }

    public ToolException(String code, String message) {
        this(code, message, Map.of());
    }

    public ToolException(String code, String message, Map<String, Object> details) {
        super(message);
        this.code = code;
        this.details = details;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
