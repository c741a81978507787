package com.aiassistants.backend.assistant.golden;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * One scripted conversation, read from {@code src/test/resources/golden/*.yaml}. The format names
 * only what a customer does and sees, plus scheduling fixtures expressed in contract terms, so the
 * same files can be run through the HTTP API against the real MCP services.
 *
 * @param name     unique id of the dialogue
 * @param language es or en (documentation; the assistant detects per message)
 * @param clock    the fixed "now" of every turn, e.g. 2026-01-12T09:00:00-03:00 (a Monday)
 * @param zone     the tenant's IANA zone
 * @param channel  whatsapp (default) or web
 * @param customer customer id (default +5491155550101)
 * @param memory   customer memory before the first turn (e.g. name)
 * @param tenant   flow settings overrides
 * @param fixtures bookings that exist before the first turn
 * @param turns    the script
 */
public record GoldenDialogue(String name, String description, String language, OffsetDateTime clock, String zone,
        String channel, String customer, Map<String, String> memory, Tenant tenant, Fixtures fixtures, List<Turn> turns) {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public static GoldenDialogue read(InputStream in) throws IOException {
        return YAML.readValue(in, GoldenDialogue.class);
    }

    public String customerId() {
        return customer != null ? customer : "+5491155550101";
    }

    public String channelOrDefault() {
        return channel != null ? channel : "whatsapp";
    }

    /** Flow settings of the tenant; absent fields keep the defaults. */
    public record Tenant(String name, String locale, String greeting, List<String> requiredFields,
            Map<String, String> activationCodes, String menuStyle) {
    }

    public record Fixtures(List<FixtureBooking> bookings) {
    }

    /**
     * A confirmed booking made through the calendar tools (hold + confirm).
     *
     * @param customer {@code self} (the dialogue's customer), {@code other}, or a customer id
     * @param start    tenant-local start
     */
    public record FixtureBooking(String customer, String service, String professional, LocalDateTime start) {
    }

    /**
     * @param user    the message text
     * @param replyId id of a tapped button/list row (e.g. {@code slot:2}, {@code confirm:yes}, {@code menu:book})
     * @param before  what happens in the world before this message
     */
    public record Turn(String user, String replyId, Before before, Expect expect) {
    }

    /**
     * @param take    another customer books this slot (e.g. between the offer and the choice)
     * @param outage  true: the scheduling services stop answering; false: they are back
     */
    public record Before(FixtureBooking take, Boolean outage) {
    }

    /**
     * @param contains      substrings the reply text must contain (case-insensitive)
     * @param notContains   substrings it must not contain
     * @param interactive   list, buttons or none
     * @param options       substrings each expected among the interactive options' ids or titles
     * @param bookingStatus status of the customer's most recently changed booking after the turn
     * @param handoff       whether the turn hands the conversation to a human
     */
    public record Expect(List<String> contains, List<String> notContains, String interactive, List<String> options,
            String bookingStatus, Boolean handoff) {
    }
}
