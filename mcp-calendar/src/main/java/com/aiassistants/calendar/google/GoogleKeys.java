package com.aiassistants.calendar.google;

import org.springframework.stereotype.Component;

import com.aiassistants.common.mcp.server.ToolException;
import com.aiassistants.common.scheduling.GoogleCalendarTools;

/** The token key of an enabled integration; a bad key stops start-up, a missing one switches the integration off. */
@Component
class GoogleKeys {

    private final TokenCipher cipher;

    GoogleKeys(GoogleProperties properties) {
        this.cipher = properties.enabled() ? new TokenCipher(properties.tokenKey()) : null;
    }

    boolean enabled() {
        return cipher != null;
    }

    /** The cipher, or the {@code google_disabled} tool error. */
    TokenCipher cipher() {
        if (cipher == null) {
            throw new ToolException(GoogleCalendarTools.DISABLED,
                    "Google Calendar is not configured on this deployment (ai-assistants.calendar.google.*)");
        }
        return cipher;
    }
}
