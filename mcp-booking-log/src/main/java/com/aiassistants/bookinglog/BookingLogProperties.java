package com.aiassistants.bookinglog;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of mcp-booking-log ({@code ai-assistants.booking-log.*}).
 *
 * @param defaultLimit  events returned by list_booking_events when no limit is given (default 100)
 * @param maxLimit      the largest limit a caller may ask for (default 1000)
 * @param maxStateBytes the largest JSON size accepted for each of before/after (default 65536)
 */
@Validated
@ConfigurationProperties("ai-assistants.booking-log")
public record BookingLogProperties(@Min(1) @Max(10_000) Integer defaultLimit, @Min(1) @Max(10_000) Integer maxLimit,
        @Min(1024) Integer maxStateBytes) {

    public BookingLogProperties {
        defaultLimit = defaultLimit == null ? 100 : defaultLimit;
        maxLimit = maxLimit == null ? 1000 : maxLimit;
        maxStateBytes = maxStateBytes == null ? 65_536 : maxStateBytes;
    }
}
