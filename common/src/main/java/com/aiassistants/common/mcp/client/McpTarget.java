package com.aiassistants.common.mcp.client;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Where one MCP service lives and how patiently to call it.
 *
 * @param url      base URL of the service, e.g. {@code http://localhost:8092} ({@code /mcp} is appended)
 * @param token    the service token it expects
 * @param timeout  per-call timeout (default 3 s)
 * @param retries  extra attempts on transport failures for calls marked retryable (default 2)
 */
public record McpTarget(@NotNull URI url, @NotBlank String token, Duration timeout, @Min(0) @Max(5) Integer retries) {

    public McpTarget {
        timeout = timeout == null ? Duration.ofSeconds(3) : timeout;
        retries = retries == null ? 2 : retries;
    }

    public String endpoint() {
        String base = url.toString();
        return base.endsWith("/mcp") ? base : (base.endsWith("/") ? base + "mcp" : base + "/mcp");
    }
}
