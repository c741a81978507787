package com.aiassistants.calendar.directory;

import java.util.Map;

import com.aiassistants.common.mcp.server.ToolException;

/** mcp-professionals did not answer; callers may retry later. Reported to MCP callers as {@code unavailable}. */
public class DirectoryUnavailableException extends ToolException {

    public static final String CODE = "unavailable";

    public DirectoryUnavailableException(String message) {
        super(CODE, message, Map.of());
    }
}
