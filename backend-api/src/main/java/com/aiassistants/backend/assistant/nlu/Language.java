package com.aiassistants.backend.assistant.nlu;

import java.util.Locale;

/** The two languages the deterministic engine speaks. */
public enum Language {
    ES, EN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean es() {
        return this == ES;
    }

    public static Language fromCode(String code, Language fallback) {
        if (code == null) {
            return fallback;
        }
        String c = code.toLowerCase(Locale.ROOT);
        return c.startsWith("en") ? EN : c.startsWith("es") ? ES : fallback;
    }
}
