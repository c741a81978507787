package com.aiassistants.backend.tenant;

import java.time.LocalTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A project's appointment reminders, follow-ups and notices (all optional in the stored JSON; {@link #effective}
 * fills the documented defaults, listed in backend-api's README).
 *
 * @param enabled     send reminders at all (default true)
 * @param leadMinutes how long before each appointment a reminder goes out; several allowed (default 1440 = 24 h)
 * @param quietHours  local hours in which nothing is sent (default 21:00–08:00); a reminder due then moves out of them
 * @param template    the approved Cloud API template used outside the 24-hour window
 * @param followUp    a message after a completed appointment (off by default)
 * @param notices     tell the patient when staff create, move or cancel a booking (default on)
 */
public record ReminderSettings(Boolean enabled, @Size(max = 5) List<@Min(15) @Max(20160) Integer> leadMinutes,
        @Valid QuietHours quietHours, @Valid Template template, @Valid FollowUp followUp, @Valid Notices notices) {

    public static final List<Integer> DEFAULT_LEAD_MINUTES = List.of(1440);
    public static final String DEFAULT_TEMPLATE = "appointment_reminder";
    public static final String DEFAULT_FOLLOW_UP_TEMPLATE = "appointment_follow_up";
    public static final String DEFAULT_NOTICE_TEMPLATE = "appointment_update";

    /** @param start first quiet minute ("21:00"); @param end first minute allowed again ("08:00"); equal = no quiet hours */
    public record QuietHours(@Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]") String start,
            @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]") String end) {
    }

    /**
     * @param name     approved template name (lower case, digits, _)
     * @param language template language code; empty = the project's locale
     */
    public record Template(@Size(max = 512) @Pattern(regexp = "[a-z0-9_]+") String name,
            @Size(max = 15) @Pattern(regexp = "[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})?") String language) {
    }

    /** @param delayMinutes after the appointment's end (default 120) */
    public record FollowUp(Boolean enabled, @Min(0) @Max(20160) Integer delayMinutes, @Size(max = 1000) String text,
            @Valid Template template) {
    }

    public record Notices(Boolean enabled, @Valid Template template) {
    }

    /** Every value decided. */
    public record Effective(boolean enabled, List<Integer> leadMinutes, LocalTime quietStart, LocalTime quietEnd,
            String templateName, String templateLanguage, boolean followUpEnabled, int followUpDelayMinutes,
            String followUpText, String followUpTemplateName, String followUpTemplateLanguage, boolean noticesEnabled,
            String noticeTemplateName, String noticeTemplateLanguage) {

        public int maxLeadMinutes() {
            return leadMinutes.stream().mapToInt(Integer::intValue).max().orElse(0);
        }

        /** Whether a local time falls in the quiet hours (which may span midnight). */
        public boolean quiet(LocalTime time) {
            if (quietStart.equals(quietEnd)) {
                return false;
            }
            return quietStart.isBefore(quietEnd) ? !time.isBefore(quietStart) && time.isBefore(quietEnd)
                    : !time.isBefore(quietStart) || time.isBefore(quietEnd);
        }
    }

    static Effective effective(ReminderSettings s, Integer legacyLeadMinutes) {
        List<Integer> leads = s != null && s.leadMinutes() != null && !s.leadMinutes().isEmpty()
                ? s.leadMinutes().stream().distinct().sorted().toList()
                : legacyLeadMinutes != null && legacyLeadMinutes > 0 ? List.of(legacyLeadMinutes) : DEFAULT_LEAD_MINUTES;
        boolean enabled = (s == null || s.enabled() == null || s.enabled())
                && !(legacyLeadMinutes != null && legacyLeadMinutes == 0 && (s == null || s.leadMinutes() == null));
        QuietHours quiet = s == null ? null : s.quietHours();
        LocalTime quietStart = quiet == null || quiet.start() == null ? LocalTime.of(21, 0) : LocalTime.parse(quiet.start());
        LocalTime quietEnd = quiet == null || quiet.end() == null ? LocalTime.of(8, 0) : LocalTime.parse(quiet.end());
        Template template = s == null ? null : s.template();
        FollowUp followUp = s == null ? null : s.followUp();
        Template followUpTemplate = followUp == null ? null : followUp.template();
        Notices notices = s == null ? null : s.notices();
        Template noticeTemplate = notices == null ? null : notices.template();
        return new Effective(enabled, leads, quietStart, quietEnd, name(template, DEFAULT_TEMPLATE), language(template),
                followUp != null && Boolean.TRUE.equals(followUp.enabled()),
                followUp == null || followUp.delayMinutes() == null ? 120 : followUp.delayMinutes(),
                followUp == null ? null : followUp.text(), name(followUpTemplate, DEFAULT_FOLLOW_UP_TEMPLATE),
                language(followUpTemplate), notices == null || notices.enabled() == null || notices.enabled(),
                name(noticeTemplate, DEFAULT_NOTICE_TEMPLATE), language(noticeTemplate));
    }

    private static String name(Template t, String fallback) {
        return t == null || t.name() == null || t.name().isBlank() ? fallback : t.name();
    }

    private static String language(Template t) {
        return t == null || t.language() == null || t.language().isBlank() ? null : t.language();
    }
}
