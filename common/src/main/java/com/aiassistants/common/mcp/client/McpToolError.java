package com.aiassistants.common.mcp.client;

import java.util.Map;

/**
 * A tool answered with {@code isError: true}: a domain refusal such as {@code slot_taken}, with
 * the server's readable message and any details it attached (e.g. alternatives).
 */
public class McpToolError extends RuntimeException {

    private final String tool;
    private final String code;
    private final Map<String, Object> body;

    public McpToolError(String tool, String code, String message, Map<String, Object> body) {
        super(message);
        this.tool = tool;
        this.code = code;
        this.body = body;
    }

    public String tool() {
        return tool;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> body() {
        return body;
    }
}
