package com.aiassistants.backend.mcp;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The MCP services backend-api calls ({@code ai-assistants.backend.mcp.*}), read once for the
 * deterministic engine and the LLM agent alike.
 *
 * @param llm           mcp-llm (default http://localhost:8094, timeout 10 s, no transport retries: the agent's
 *                      turn budget bounds it anyway)
 * @param professionals mcp-professionals (default http://localhost:8091, timeout 2 s, 1 retry for reads)
 * @param calendar      mcp-calendar (default http://localhost:8092, timeout 2 s, 1 retry for reads)
 * @param bookingLog    mcp-booking-log (default http://localhost:8093, timeout 2 s, 1 retry for reads)
 * @param catalogTtl    how long services, professionals and working hours are cached per tenant (default 5 s; a
 *                      catalogue edit through the console also empties this instance's cache at once)
 */
@Validated
@ConfigurationProperties("ai-assistants.backend.mcp")
public record McpProperties(@Valid Endpoint llm, @Valid Endpoint professionals, @Valid Endpoint calendar,
        @Valid Endpoint bookingLog, Duration catalogTtl) {

    public McpProperties {
        llm = Endpoint.orDefault(llm, "http://localhost:8094", Duration.ofSeconds(10), 0);
        professionals = Endpoint.orDefault(professionals, "http://localhost:8091", Duration.ofSeconds(2), 1);
        calendar = Endpoint.orDefault(calendar, "http://localhost:8092", Duration.ofSeconds(2), 1);
        bookingLog = Endpoint.orDefault(bookingLog, "http://localhost:8093", Duration.ofSeconds(2), 1);
        catalogTtl = catalogTtl == null ? Duration.ofSeconds(5) : catalogTtl;
    }

    /**
     * One MCP service.
     *
     * @param url     base URL ({@code /mcp} is appended)
     * @param token   service token; empty = the {@code AI_ASSISTANTS_MCP_TOKEN} environment variable
     * @param timeout per-call timeout
     * @param retries extra attempts on transport failures for calls that are safe to repeat
     */
    public record Endpoint(URI url, String token, Duration timeout, @Min(0) @Max(5) Integer retries) {

        static Endpoint orDefault(Endpoint given, String url, Duration timeout, int retries) {
            Endpoint e = given == null ? new Endpoint(null, null, null, null) : given;
            return new Endpoint(e.url == null ? URI.create(url) : e.url, e.token,
                    e.timeout == null ? timeout : e.timeout, e.retries == null ? retries : e.retries);
        }
    }
}
