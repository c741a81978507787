package com.aiassistants.backend.tenant;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.aiassistants.backend.assistant.TenantProfile;

/**
 * The console-editable part of a project, stored as JSON. Missing values fall back to defaults
 * ({@link TenantProfile.FlowSettings#defaults()}, the {@code ai-assistants.backend.limits} settings).
 */
public record ProjectSettings(@Valid Flow flow, @Valid RateLimits rateLimits,
        @Min(0) @Max(10080) Integer reminderLeadMinutes, @Min(1) @Max(3650) Integer memoryTtlDays,
        @Valid ReminderSettings reminders,
        @io.swagger.v3.oas.annotations.media.ArraySchema(arraySchema = @io.swagger.v3.oas.annotations.media.Schema(
                description = "hosts this project's callback_urls may name (exact, or *.example.com for its subdomains); "
                        + "empty or absent: any public https host"))
        @Size(max = 50) List<@Pattern(regexp = "(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?",
                message = "must be a host name, or *. and a domain") String> callbackHosts,
        @Valid OrderHook orderHook) {

    public ProjectSettings(Flow flow, RateLimits rateLimits, Integer reminderLeadMinutes, Integer memoryTtlDays,
            ReminderSettings reminders) {
        this(flow, rateLimits, reminderLeadMinutes, memoryTtlDays, reminders, null, null);
    }

    public static ProjectSettings empty() {
        return new ProjectSettings(null, null, null, null, null, null, null);
    }

    /** The same settings with another orders hook (null: none). */
    public ProjectSettings withOrderHook(OrderHook hook) {
        return new ProjectSettings(flow, rateLimits, reminderLeadMinutes, memoryTtlDays, reminders, callbackHosts, hook);
    }

    /** The orders hook's URL, or null when the project has none. */
    public String orderHookUrl() {
        return orderHook == null || orderHook.url() == null || orderHook.url().isBlank() ? null : orderHook.url();
    }

    /**
     * The shop's orders and claims hook (backend-api's README, "Orders and claims hook"); its HMAC secret is set
     * apart ({@code PUT …/order-hook}) and never shown.
     */
    public record OrderHook(
            @io.swagger.v3.oas.annotations.media.Schema(types = {"string", "null"},
                    description = "https URL the assistant POSTs {action, payload} to (signed)")
            @Size(max = 2000) String url) {
    }

    /** The callback host allowlist (empty: any public https host). */
    public List<String> callbackHostsOrEmpty() {
        return callbackHosts == null ? List.of() : callbackHosts;
    }

    /** Reminder settings with every default filled in (the older {@code reminder_lead_minutes} is one lead time). */
    public ReminderSettings.Effective remindersOrDefault() {
        return ReminderSettings.effective(reminders, reminderLeadMinutes);
    }

    public Flow flowOrDefault() {
        return flow == null ? Flow.from(TenantProfile.FlowSettings.defaults()) : flow;
    }

    public record Flow(@Size(max = 1000) String greeting, @Size(max = 10) List<@Size(max = 40) String> requiredFields,
            @Size(max = 50) Map<@Pattern(regexp = "[A-Za-z0-9_-]{1,40}") String, @Size(max = 40) String> activationCodes,
            @Pattern(regexp = "buttons|list") String menuStyle, @Size(max = 20000) String systemPrompt,
            @Pattern(regexp = "deterministic|llm") String engine,
            @io.swagger.v3.oas.annotations.media.Schema(types = {"string", "null"},
                    description = "the clinic's WhatsApp number in E.164, for wa.me links of activation codes")
            @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be an E.164 number, e.g. +5491122334455")
            String whatsappNumber) {

        static Flow from(TenantProfile.FlowSettings s) {
            return new Flow(s.greeting(), s.requiredFields(), s.activationCodes(), s.menuStyle(), s.systemPrompt(),
                    s.engine(), null);
        }

        TenantProfile.FlowSettings toFlowSettings() {
            TenantProfile.FlowSettings d = TenantProfile.FlowSettings.defaults();
            return new TenantProfile.FlowSettings(greeting,
                    requiredFields == null ? d.requiredFields() : List.copyOf(requiredFields),
                    activationCodes == null ? d.activationCodes() : Map.copyOf(activationCodes),
                    menuStyle == null ? d.menuStyle() : menuStyle, systemPrompt,
                    engine == null ? d.engine() : engine);
        }
    }

    public record RateLimits(@Min(1) @Max(1_000_000) Integer perApiKeyPerMinute,
            @Min(1) @Max(100_000) Integer perPhonePerMinute) {
    }
}
