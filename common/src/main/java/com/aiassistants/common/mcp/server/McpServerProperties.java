package com.aiassistants.common.mcp.server;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of a service's MCP endpoint ({@code ai-assistants.mcp.server.*}).
 *
 * @param serviceToken   bearer token callers must present (Authorization: Bearer …); at least 16 chars
 * @param allowedOrigins browser origins allowed to call (empty: requests with an Origin header are refused)
 * @param allowedHosts   Host header values accepted (DNS-rebinding guard); host names, port ignored
 * @param path           where the endpoint is served
 */
@Validated
@ConfigurationProperties("ai-assistants.mcp.server")
public record McpServerProperties(
        @NotBlank @Size(min = 16, message = "must be at least 16 characters") String serviceToken,
        List<String> allowedOrigins,
        List<String> allowedHosts,
        @NotBlank String path) {

    public McpServerProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        allowedHosts = allowedHosts == null || allowedHosts.isEmpty() ? List.of("localhost", "127.0.0.1")
                : List.copyOf(allowedHosts);
        path = path == null || path.isBlank() ? "/mcp" : path;
    }
}
