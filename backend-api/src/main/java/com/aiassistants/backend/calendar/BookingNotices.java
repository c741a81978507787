package com.aiassistants.backend.calendar;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.aiassistants.backend.assistant.nlu.Language;
import com.aiassistants.backend.assistant.replies.Formats;
import com.aiassistants.backend.handoff.GatewayClient;
import com.aiassistants.backend.handoff.HandoffService;
import com.aiassistants.backend.tenant.Projects;
import com.aiassistants.common.channel.PhoneNumbers;
import com.aiassistants.common.scheduling.CalendarTools.Booking;

/**
 * Tells a patient on WhatsApp that staff booked, moved or cancelled their appointment, in the project's
 * language ({@code calendar/notices_<lang>.properties}). When the patient already has a WhatsApp
 * conversation the notice goes through it as a staff message (the Inbox shows it); otherwise straight
 * through the gateway. A failed notice never undoes the change: the caller reports it.
 */
@Component
public class BookingNotices {

    private static final Logger log = LoggerFactory.getLogger(BookingNotices.class);

    enum Kind { BOOKED, MOVED, CANCELLED }

    private final MessageSource messages;
    private final Projects projects;
    private final JdbcClient jdbc;
    private final HandoffService handoff;
    private final GatewayClient gateway;

    public BookingNotices(Projects projects, JdbcClient jdbc, HandoffService handoff, GatewayClient gateway) {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("calendar/notices");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setAlwaysUseMessageFormat(true);
        this.messages = source;
        this.projects = projects;
        this.jdbc = jdbc;
        this.handoff = handoff;
        this.gateway = gateway;
    }

    /** {@code sent}, {@code failed}, or {@code skipped} when the customer id is not a phone number. */
    String send(String projectId, Booking booking, Kind kind, String reason) {
        String phone = booking.customerId();
        if (phone == null || !phone.startsWith("+") || !phone.matches(PhoneNumbers.E164_PATTERN)) {
            return "skipped";
        }
        Language lang = Language.fromCode(projects.require(projectId).locale(), Language.ES);
        String text = text(booking, kind, reason, lang);
        try {
            String conversationId = "whatsapp:" + phone;
            boolean known = jdbc.sql("select count(*) from conversation where project_id = ? and id = ?")
                    .params(projectId, conversationId).query(Integer.class).single() > 0;
            if (known) {
                handoff.reply(projectId, conversationId, text);
            } else {
                gateway.send(projectId, phone, text);
            }
            return "sent";
        } catch (RuntimeException e) {
            log.warn("booking notice for {} not sent: {}", booking.shortCode(), e.getMessage());
            return "failed";
        }
    }

    String text(Booking booking, Kind kind, String reason, Language lang) {
        LocalDateTime local = booking.start().atZone(ZoneId.of(booking.timeZone())).toLocalDateTime();
        String key = switch (kind) {
            case BOOKED -> "booked";
            case MOVED -> "moved";
            case CANCELLED -> reason == null || reason.isBlank() ? "cancelled" : "cancelled.reason";
        };
        return messages.getMessage(key, new Object[] {booking.serviceName(), booking.professionalName(),
                Formats.day(local.toLocalDate(), lang), Formats.time(local.toLocalTime()), booking.shortCode(),
                reason}, Locale.forLanguageTag(lang.code()));
    }
}
