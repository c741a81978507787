package com.aiassistants.backend.assistant.dialogue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import com.aiassistants.common.mcp.McpJson;

/**
 * The explicit per-conversation state: the working memory of the dialogue, mutated while one turn
 * is handled and persisted as JSON (snake_case) by the conversation layer between turns. Unknown
 * properties are ignored on read so older states keep loading after the shape grows.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public final class DialogueState {

    private static final JsonMapper MAPPER = McpJson.MAPPER.rebuild()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public int version = 1;
    public Step step = Step.IDLE;
    public Flow flow;
    public String language;
    /** Random per conversation; with {@link #flowSeq} it makes hold idempotency keys. */
    public String nonceSeed;
    /** Incremented for every new booking attempt, so a retried turn reuses its key and a new attempt does not. */
    public int flowSeq;
    public String customerName;
    public String serviceId;
    public String serviceName;
    public String professionalId;
    public String professionalName;
    public boolean anyProfessional;
    public LocalDate dateFrom;
    public LocalDate dateTo;
    public LocalTime exactTime;
    public LocalTime earliest;
    public LocalTime latest;
    /** Ids the user can pick by number in ASK_SERVICE / ASK_PROFESSIONAL / CHOOSE_BOOKING. */
    public List<String> choices = new ArrayList<>();
    public List<OfferedSlot> offers = new ArrayList<>();
    public BookingRef hold;
    public List<BookingRef> bookings = new ArrayList<>();
    public BookingRef target;
    public OfferedSlot newSlot;
    public int misses;

    public static DialogueState parse(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return MAPPER.readValue(json, DialogueState.class);
        } catch (RuntimeException e) {
            return null;
        }
    }

    public String toJson() {
        return MAPPER.writeValueAsString(this);
    }

    /** Forgets the task in progress (keeps who the customer is and the language). */
    public void resetTask() {
        step = Step.IDLE;
        flow = null;
        serviceId = null;
        serviceName = null;
        professionalId = null;
        professionalName = null;
        anyProfessional = false;
        clearWhen();
        choices = new ArrayList<>();
        offers = new ArrayList<>();
        hold = null;
        bookings = new ArrayList<>();
        target = null;
        newSlot = null;
        misses = 0;
    }

    public void clearWhen() {
        dateFrom = null;
        dateTo = null;
        exactTime = null;
        earliest = null;
        latest = null;
    }

    public boolean hasDate() {
        return dateFrom != null;
    }
}
