package com.aiassistants.calendar.config;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import com.aiassistants.common.mcp.client.McpTarget;

/**
 * Settings of mcp-calendar ({@code ai-assistants.calendar.*}); every one is listed in the module README.
 *
 * @param holdTtl                    how long a HELD booking blocks its slot before it expires (default 5m)
 * @param maxActiveHoldsPerCustomer  unexpired holds one customer may have at once (default 3)
 * @param sweeperInterval            how often stale holds are flipped to EXPIRED (default 30s; they never block
 *                                   new holds even before the sweeper runs)
 * @param bookingHorizon             how far ahead a slot may be held, booked or moved to (default 365d); searches
 *                                   stop there too
 * @param directoryCacheTtl          how long services, professionals and working hours read from
 *                                   mcp-professionals are reused (default 5s, so a catalogue edit reaches
 *                                   slot search within seconds; 0 = per request only)
 * @param professionals              where mcp-professionals lives
 * @param bookingLog                 where mcp-booking-log lives and how the outbox retries
 */
@Validated
@ConfigurationProperties("ai-assistants.calendar")
public record CalendarProperties(
        @NotNull Duration holdTtl,
        @NotNull @Min(1) @Max(50) Integer maxActiveHoldsPerCustomer,
        @NotNull Duration sweeperInterval,
        @NotNull Duration directoryCacheTtl,
        @NotNull Duration bookingHorizon,
        @Valid @NotNull McpTarget professionals,
        @Valid @NotNull BookingLog bookingLog) {

    public CalendarProperties {
        holdTtl = holdTtl == null ? Duration.ofMinutes(5) : holdTtl;
        maxActiveHoldsPerCustomer = maxActiveHoldsPerCustomer == null ? 3 : maxActiveHoldsPerCustomer;
        sweeperInterval = sweeperInterval == null ? Duration.ofSeconds(30) : sweeperInterval;
        directoryCacheTtl = directoryCacheTtl == null ? Duration.ofSeconds(5) : directoryCacheTtl;
        bookingHorizon = bookingHorizon == null ? Duration.ofDays(365) : bookingHorizon;
        if (holdTtl.isNegative() || holdTtl.isZero()) {
            throw new IllegalArgumentException("ai-assistants.calendar.hold-ttl must be positive");
        }
    }

    /**
     * mcp-booking-log target and outbox delivery settings.
     *
     * @param url          base URL of mcp-booking-log
     * @param token        its service token
     * @param timeout      per-call timeout (default 3s)
     * @param pollInterval how often the outbox looks for due events (default 1s)
     * @param retryInitial delay before the first retry of a failed delivery (default 1s), doubled per attempt
     * @param retryMax     longest delay between retries (default 1m); events are retried until delivered
     * @param batchSize    events delivered per poll round (default 100)
     */
    public record BookingLog(@NotNull URI url, @NotBlank String token, Duration timeout, Duration pollInterval,
            Duration retryInitial, Duration retryMax, @Min(1) @Max(1000) Integer batchSize) {

        public BookingLog {
            timeout = timeout == null ? Duration.ofSeconds(3) : timeout;
            pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
            retryInitial = retryInitial == null ? Duration.ofSeconds(1) : retryInitial;
            retryMax = retryMax == null ? Duration.ofMinutes(1) : retryMax;
            batchSize = batchSize == null ? 100 : batchSize;
        }

        /** No client-side retries: the outbox itself retries with backoff. */
        public McpTarget target() {
            return new McpTarget(url, token, timeout, 0);
        }

        /** Delay before attempt number {@code attempts + 1}: retryInitial doubled per attempt, capped at retryMax. */
        public Duration backoff(int attempts) {
            return com.aiassistants.common.retry.Backoffs.delay(retryInitial, retryMax, attempts);
        }
    }
}
