package com.aiassistants.backend.assistant.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import com.aiassistants.backend.assistant.AssistantReply.Interactive.Option;
import com.aiassistants.backend.assistant.replies.Formats;
import com.aiassistants.common.mcp.McpJson;
import com.aiassistants.common.mcp.client.McpToolError;
import com.aiassistants.common.scheduling.CalendarTools.Slot;

/** Presenting offered slots, and reading the {@code alternatives} of a {@code slot_taken} refusal. */
final class Slots {

    static final int MAX_OFFERS = 5;
    private static final JsonMapper LENIENT = McpJson.MAPPER.rebuild()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private Slots() {
    }

    /** Shows the offers as numbered lines and as a WhatsApp list with ids {@code slot:<n>}. */
    static void render(Turn t) {
        List<OfferedSlot> offers = t.state.offers();
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < offers.size(); i++) {
            OfferedSlot slot = offers.get(i);
            String when = Formats.shortDateTime(slot.localStart(), t.lang);
            String who = slot.professionalName() == null ? "" : slot.professionalName();
            t.out.say((i + 1) + ". " + when + (who.isEmpty() ? "" : " — " + who));
            options.add(new Option("slot:" + (i + 1), Formats.clip(when, 24), Formats.clip(who, 72)));
        }
        t.out.say(t.say.slots().pickSlot());
        t.out.list(t.say.slots().slotsTitle(), options);
        t.state.moveTo(Step.OFFER_SLOTS);
    }

    static void offer(Turn t, List<Slot> slots) {
        t.state.offer(slots.stream().limit(MAX_OFFERS).map(OfferedSlot::of).toList());
        render(t);
    }

    @SuppressWarnings("unchecked")
    static List<Slot> alternatives(McpToolError error, OfferedSlot taken) {
        Object raw = error.body() == null ? null : error.body().get("alternatives");
        if (!(raw instanceof List<?> list)) {
            return List.of();
        }
        List<Slot> result = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof Map<?, ?> map) {
                try {
                    Slot slot = LENIENT.convertValue((Map<String, Object>) map, Slot.class);
                    boolean same = taken != null && slot.start() != null && slot.start().equals(taken.start())
                            && Objects.equals(slot.professionalId(), taken.professionalId());
                    if (slot.start() != null && slot.localStart() != null && !same) {
                        result.add(slot);
                    }
                } catch (RuntimeException ignored) {
                    // an alternative we cannot read is simply not offered
                }
            }
        }
        return result;
    }
}
