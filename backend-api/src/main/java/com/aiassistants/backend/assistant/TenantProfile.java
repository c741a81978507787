package com.aiassistants.backend.assistant;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * What the assistant needs to know about a project.
 *
 * @param tenantId project id
 * @param name     business name, e.g. "Clínica Demo"
 * @param zone     IANA time zone all dates are resolved in
 * @param locale   default language, {@code es} or {@code en} (each message is still detected)
 * @param flow     the project's configurable flow
 */
public record TenantProfile(String tenantId, String name, ZoneId zone, String locale, FlowSettings flow) {

    /**
     * Console-editable flow settings.
     *
     * @param greeting        first message of a new conversation (null: built-in greeting)
     * @param requiredFields  what to collect before booking, e.g. {@code name}
     * @param activationCodes code → action, e.g. {@code FLOW_RESERVA_INIT → book}, {@code MENU_INIT → menu}
     * @param menuStyle       {@code buttons} (≤3 options) or {@code list} (≤10)
     * @param systemPrompt    current system prompt (for the LLM agent)
     * @param engine          {@code deterministic} or {@code llm}
     */
    public record FlowSettings(String greeting, List<String> requiredFields, Map<String, String> activationCodes,
            String menuStyle, String systemPrompt, String engine) {

        public static FlowSettings defaults() {
            return new FlowSettings(null, List.of("name"),
                    Map.of("FLOW_RESERVA_INIT", "book", "MENU_INIT", "menu"), "list", null, "deterministic");
        }
    }
}
