package com.aiassistants.backend.assistant.replies;

import java.time.LocalDateTime;
import java.util.Locale;

import org.springframework.context.MessageSource;

import com.aiassistants.backend.assistant.nlu.Language;

/** One language of the assistant's message bundles, shared by {@link Replies} and its groups of sentences. */
final class Bundle {

    private final MessageSource messages;
    private final Language lang;
    private final Locale locale;

    Bundle(MessageSource messages, Language lang) {
        this.messages = messages;
        this.lang = lang;
        this.locale = Locale.forLanguageTag(lang.code());
    }

    Language language() {
        return lang;
    }

    String m(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    String day(LocalDateTime at) {
        return Formats.day(at.toLocalDate(), lang);
    }

    static String time(LocalDateTime at) {
        return Formats.time(at.toLocalTime());
    }
}
