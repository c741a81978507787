package com.aiassistants.backend.ics;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

import com.aiassistants.backend.assistant.nlu.Language;
import com.aiassistants.common.scheduling.CalendarTools.Booking;
import com.aiassistants.common.scheduling.CalendarTools.BookingStatus;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Created;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import net.fortuna.ical4j.validate.ValidationResult;

/**
 * One booking as an iCalendar (RFC 5545) file, written by ical4j and validated by it (no error tolerated): one
 * {@code VEVENT} (no {@code METHOD}: a plain file to open or import, not an iTIP message, which would need an
 * {@code ORGANIZER} address the clinic may not have) whose {@code UID} is the booking's id (the same for every version of the file, so a calendar that
 * imports it again updates the event instead of adding one), {@code SEQUENCE} the booking's version (it grows with
 * every move or status change), times in UTC (no {@code VTIMEZONE} needed; calendars show them in the phone's own
 * zone), {@code STATUS:CONFIRMED} or, for a cancelled booking, {@code STATUS:CANCELLED}. The texts (service,
 * professional, clinic, booking code; never the patient's name) are in the project's language
 * ({@code ics/files_<lang>.properties}). Lines are folded at 75 octets by {@link #fold} (ical4j folds at 75
 * characters, too long for accented text in UTF-8).
 */
@Component
public class CalendarFile {

    static final int MAX_OCTETS = 75;
    private static final String CRLF = "\r\n";

    private final MessageSource texts;

    public CalendarFile() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("ics/files");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setAlwaysUseMessageFormat(true);
        this.texts = source;
    }

    /** The file's text (CRLF line ends, folded); {@code now} is its {@code DTSTAMP}. */
    public String render(Booking booking, String clinicName, Language language, Instant now) {
        Locale locale = Locale.forLanguageTag(language.code());
        boolean cancelled = booking.status() == BookingStatus.CANCELLED;
        String summary = texts.getMessage(cancelled ? "summary.cancelled" : "summary",
                new Object[] {booking.serviceName(), booking.professionalName()}, locale);
        VEvent event = new VEvent(false);
        event.add(new Uid(booking.id() + "@ai-assistants"));
        event.add(new DtStamp(now));
        event.add(new DtStart<>(booking.start()));
        event.add(new DtEnd<>(booking.end()));
        event.add(new Summary(summary));
        event.add(new Description(texts.getMessage("description", new Object[] {clinicName, booking.shortCode()}, locale)));
        event.add(new Sequence(booking.version() == null ? 0 : booking.version()));
        event.add(cancelled ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        if (booking.createdAt() != null) {
            event.add(new Created(booking.createdAt()));
        }
        if (booking.updatedAt() != null) {
            event.add(new LastModified(booking.updatedAt()));
        }
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//ai-assistants//booking calendar file//" + language.code().toUpperCase(Locale.ROOT)));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(event);
        StringWriter out = new StringWriter();
        try {
            ValidationResult validation = calendar.validate();
            if (validation.hasErrors()) {
                throw new IllegalStateException("invalid calendar file for booking " + booking.id() + ": " + validation);
            }
            // no folding by ical4j (a fold length no line reaches): fold() below counts octets
            new CalendarOutputter(false, Integer.MAX_VALUE).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("invalid calendar file for booking " + booking.id(), e);
        }
        return fold(out.toString());
    }

    /**
     * RFC 5545 section 3.1: content lines longer than 75 octets are split with CRLF and one space, never inside a
     * UTF-8 sequence (split between code points).
     */
    static String fold(String text) {
        StringBuilder folded = new StringBuilder(text.length() + 64);
        for (String line : text.split(CRLF, -1)) {
            if (line.isEmpty()) {
                continue;
            }
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int codePoint = line.codePointAt(i);
                String character = new String(Character.toChars(codePoint));
                int size = character.getBytes(StandardCharsets.UTF_8).length;
                if (octets + size > MAX_OCTETS) {
                    folded.append(CRLF).append(' ');
                    octets = 1;
                }
                folded.append(character);
                octets += size;
                i += Character.charCount(codePoint);
            }
            folded.append(CRLF);
        }
        return folded.toString();
    }
}
