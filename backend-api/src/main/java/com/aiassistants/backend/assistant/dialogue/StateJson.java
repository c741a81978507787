package com.aiassistants.backend.assistant.dialogue;

import java.security.SecureRandom;
import java.util.HexFormat;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import com.aiassistants.common.mcp.McpJson;

/**
 * The persisted form of the dialogue state ({@code DialogueState}): JSON, snake_case, fields only; unknown properties are ignored on
 * read so older states keep loading after the shape grows, and a state that cannot be read is no state.
 */
final class StateJson {

    private static final JsonMapper MAPPER = McpJson.MAPPER.rebuild()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private StateJson() {
    }

    /** The value {@code json} holds; null when there is none or it cannot be read as {@code type}. */
    static <T> T read(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return MAPPER.readValue(json, type);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String write(Object state) {
        return MAPPER.writeValueAsString(state);
    }

    /** A random per-conversation seed for hold idempotency keys. */
    static String newSeed() {
        byte[] seed = new byte[6];
        RANDOM.nextBytes(seed);
        return HexFormat.of().formatHex(seed);
    }
}
