package com.aiassistants.backend.customer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.aiassistants.backend.calendar.CalendarViews.BookingView;

import io.swagger.v3.oas.annotations.media.Schema;

/** What the console's customers page reads (snake_case JSON, every property present). */
public final class CustomerViews {

    private CustomerViews() {
    }

    /** A patient the project has talked to: one row per customer id over their conversations. */
    public record CustomerSummary(String customerId, @Schema(types = {"string", "null"}) String name,
            @Schema(types = {"string", "null"}, description = "E.164, for WhatsApp customers") String phone,
            List<String> channels, int conversations, Instant lastActivityAt) {
    }

    public record CustomerPage(List<CustomerSummary> customers) {
    }

    public record CustomerConversation(String id, String channel, Instant createdAt, Instant updatedAt, int messages,
            @Schema(types = {"string", "null"}) String lastMessage) {
    }

    public record MemoryItem(String key, String value, Instant expiresAt, Instant updatedAt) {
    }

    /** One entry of what staff did with the patient's data. */
    public record AuditEntry(long id, String actor,
            @Schema(allowableValues = {"memory_forgotten", "exported", "erased", "number_changed"},
                    description = "number_changed: WhatsApp reported the patient writes from another number (details from_number, to_number)") String action,
            Map<String, Object> details, Instant createdAt) {
    }

    public record CustomerProfile(CustomerSummary customer, List<CustomerConversation> conversations,
            List<MemoryItem> memory, List<BookingView> bookings, List<AuditEntry> audit) {
    }

    /** What an erasure changed, per place; the patient is now {@code erased_as} everywhere. */
    public record Erasure(String erasedAs, int conversations, int messages, int memoryItems, int jobs, int reminders,
            int bookings, int bookingEvents,
            @Schema(allowableValues = {"erased", "not-on-gateway", "not-configured", "no-phone"},
                    description = "the WhatsApp gateway's copies of the patient's messages") String gateway) {
    }
}
