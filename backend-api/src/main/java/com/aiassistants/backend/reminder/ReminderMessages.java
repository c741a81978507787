package com.aiassistants.backend.reminder;

import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.aiassistants.backend.assistant.ReminderAnswer;
import com.aiassistants.backend.assistant.nlu.Language;
import com.aiassistants.backend.assistant.replies.Formats;
import com.aiassistants.backend.assistant.replies.Replies;
import com.aiassistants.backend.handoff.GatewayClient;
import com.aiassistants.backend.tenant.Project;
import com.aiassistants.backend.tenant.ReminderSettings;
import com.aiassistants.common.scheduling.CalendarTools.Booking;

/**
 * What a reminder, follow-up or notice says, in the project's language, with the booking's service, professional,
 * day and time in the clinic's zone (the calendar's local start). A reminder carries three reply buttons whose
 * ids the assistant reads ({@link #CONFIRM}, {@link #CANCEL}, {@link #RESCHEDULE} + the booking id) and the
 * project's approved template for outside the 24-hour window: body {{1}} service, {{2}} professional, {{3}} day,
 * {{4}} time, and three quick-reply buttons carrying the same ids as payloads.
 */
@Component
public class ReminderMessages {

    public static final String PREFIX = ReminderAnswer.REPLY_PREFIX;
    public static final String CONFIRM = PREFIX + "confirm:";
    public static final String CANCEL = PREFIX + "cancel:";
    public static final String RESCHEDULE = PREFIX + "reschedule:";

    private final MessageSource bundles = Replies.bundles();

    /** The message about {@code booking} of this kind, addressed to {@code to}, sent once per {@code reminder} id. */
    public GatewayClient.Message build(Reminder reminder, Project project, ReminderSettings.Effective settings,
            Booking booking, String gatewayTenant, String to) {
        Replies say = Replies.in(bundles, Language.fromCode(project.locale(), Language.ES));
        String service = orDash(booking.serviceName());
        String professional = orDash(booking.professionalName());
        var at = booking.localStart();
        return switch (reminder.kind()) {
            case REMINDER -> {
                List<String> ids = List.of(CONFIRM + booking.id(), CANCEL + booking.id(), RESCHEDULE + booking.id());
                List<GatewayClient.Button> buttons = List.of(
                        new GatewayClient.Button(ids.get(0), Formats.clip(say.reminders().reminderConfirmButton(), 20)),
                        new GatewayClient.Button(ids.get(1), Formats.clip(say.reminders().reminderCancelButton(), 20)),
                        new GatewayClient.Button(ids.get(2), Formats.clip(say.reminders().reminderRescheduleButton(), 20)));
                yield new GatewayClient.Message(gatewayTenant, to, say.reminders().reminder(service, professional, at), buttons,
                        new GatewayClient.Template(settings.templateName(), settings.templateLanguage(),
                                List.of(service, professional, say.reminders().dayOf(at), Formats.time(at.toLocalTime())), ids),
                        reminder.id());
            }
            case FOLLOW_UP -> new GatewayClient.Message(gatewayTenant, to,
                    settings.followUpText() != null && !settings.followUpText().isBlank() ? settings.followUpText()
                            : say.reminders().followUp(service, professional), null,
                    new GatewayClient.Template(settings.followUpTemplateName(), settings.followUpTemplateLanguage(),
                            List.of(service, professional), List.of()), reminder.id());
            case NOTICE_CREATED, NOTICE_MOVED, NOTICE_CANCELLED -> {
                String code = booking.shortCode() != null ? booking.shortCode() : booking.id();
                String text = switch (reminder.kind()) {
                    case NOTICE_CREATED -> say.reminders().noticeCreated(service, professional, at, code);
                    case NOTICE_MOVED -> say.reminders().noticeMoved(service, professional, at, code);
                    default -> say.reminders().noticeCancelled(service, at);
                };
                String change = reminder.kind() == Reminder.Kind.NOTICE_CREATED ? "created"
                        : reminder.kind() == Reminder.Kind.NOTICE_MOVED ? "moved" : "cancelled";
                yield new GatewayClient.Message(gatewayTenant, to, text, null,
                        new GatewayClient.Template(settings.noticeTemplateName(), settings.noticeTemplateLanguage(),
                                List.of(service, professional, say.reminders().dayOf(at), Formats.time(at.toLocalTime()), change),
                                List.of()), reminder.id());
            }
        };
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }
}
