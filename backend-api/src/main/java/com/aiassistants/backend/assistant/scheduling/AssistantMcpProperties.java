package com.aiassistants.backend.assistant.scheduling;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the assistant finds the scheduling MCP services ({@code ai-assistants.backend.mcp.*}).
 *
 * @param professionals mcp-professionals (default http://localhost:8091)
 * @param calendar      mcp-calendar (default http://localhost:8092)
 * @param catalogTtl    how long services, professionals and working hours are cached per tenant (default 30 s)
 */
@Validated
@ConfigurationProperties("ai-assistants.backend.mcp")
public record AssistantMcpProperties(@Valid Endpoint professionals, @Valid Endpoint calendar, Duration catalogTtl) {

    public AssistantMcpProperties {
        professionals = professionals == null ? new Endpoint(null, null, null, null) : professionals;
        calendar = calendar == null ? new Endpoint(null, null, null, null) : calendar;
        professionals = professionals.withDefaultUrl("http://localhost:8091");
        calendar = calendar.withDefaultUrl("http://localhost:8092");
        catalogTtl = catalogTtl == null ? Duration.ofSeconds(30) : catalogTtl;
    }

    /**
     * One MCP service.
     *
     * @param url     base URL ({@code /mcp} is appended)
     * @param token   service token; empty means the {@code AI_ASSISTANTS_MCP_TOKEN} environment variable
     * @param timeout per-call timeout (default 2 s)
     * @param retries extra attempts on transport failures for read-only calls (default 1)
     */
    public record Endpoint(URI url, String token, Duration timeout, @Min(0) @Max(5) Integer retries) {

        public Endpoint {
            timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
            retries = retries == null ? 1 : retries;
        }

        Endpoint withDefaultUrl(String defaultUrl) {
            return url != null ? this : new Endpoint(URI.create(defaultUrl), token, timeout, retries);
        }

        @NotNull
        public URI url() {
            return url;
        }
    }
}
