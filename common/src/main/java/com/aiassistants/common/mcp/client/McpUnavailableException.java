package com.aiassistants.common.mcp.client;

/** The MCP service could not be reached or did not answer in time, after the bounded retries. */
public class McpUnavailableException extends RuntimeException {

    public McpUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
