package com.aiassistants.backend.assistant;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A project's activation codes ({@code wa.me/<number>?text=CODE} links pre-fill the code as the patient's first
 * message): a message that is exactly one code, ignoring case and surrounding spaces, starts that code's action. The
 * one reading of a code, for the dialogue engine (which starts the action) and the link-access log.
 */
public final class ActivationCodes {

    /** A matched code as configured (its key) and its action in lower case. */
    public record Match(String code, String action) {
    }

    private ActivationCodes() {
    }

    public static Optional<Match> match(Map<String, String> codes, String message) {
        String text = message == null ? "" : message.strip();
        if (codes == null || text.isEmpty() || text.length() > 64) {
            return Optional.empty();
        }
        for (Map.Entry<String, String> code : codes.entrySet()) {
            if (code.getKey().equalsIgnoreCase(text)) {
                return Optional.of(new Match(code.getKey(), code.getValue().strip().toLowerCase(Locale.ROOT)));
            }
        }
        return Optional.empty();
    }
}
