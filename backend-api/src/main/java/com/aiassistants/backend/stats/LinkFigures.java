package com.aiassistants.backend.stats;

import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.aiassistants.backend.mcp.McpClients;
import com.aiassistants.common.scheduling.BookingLogTools;
import com.aiassistants.common.scheduling.BookingLogTools.LinkStatsInput;


/**
 * The dashboard's "which links lead to bookings": mcp-booking-log's {@code link_stats} over the dashboard's 30 days,
 * a booking counting when it was confirmed within {@link #WITHIN_DAYS} days after the patient opened the link. When
 * the booking log does not answer, {@code available} is false and the list empty.
 */
@Component
class LinkFigures {

    static final int WITHIN_DAYS = 7;
    private static final Logger log = LoggerFactory.getLogger(LinkFigures.class);

    private final McpClients mcp;

    LinkFigures(McpClients mcp) {
        this.mcp = mcp;
    }

    /**
     * One activation code's link.
     *
     * @param accesses       times the link was opened (the code arrived as a message)
     * @param patients       different patients who opened it
     * @param booked         of them, those with a booking confirmed within {@code within_days} after opening it
     * @param conversionRate booked / patients (0 without patients)
     */
    public record LinkConversion(String code, long accesses, long patients, long booked, double conversionRate) {
    }

    /** @param available false when mcp-booking-log did not answer (then {@code links} is empty) */
    public record LinkConversions(boolean available, int withinDays, List<LinkConversion> links) {
    }

    LinkConversions links(String projectId, Instant from, Instant to) {
        try {
            BookingLogTools.LinkStats stats = mcp.bookingLog().call(projectId, BookingLogTools.LINK_STATS,
                    new LinkStatsInput(from, to, WITHIN_DAYS), BookingLogTools.LinkStats.class);
            return new LinkConversions(true, stats.withinDays(), stats.links().stream()
                    .map(s -> new LinkConversion(s.code(), s.accesses(), s.customers(), s.booked(),
                            s.customers() == 0 ? 0 : (double) s.booked() / s.customers()))
                    .toList());
        } catch (RuntimeException e) {
            log.warn("dashboard without link figures: mcp-booking-log did not answer ({})", e.getMessage());
            return new LinkConversions(false, WITHIN_DAYS, List.of());
        }
    }
}
