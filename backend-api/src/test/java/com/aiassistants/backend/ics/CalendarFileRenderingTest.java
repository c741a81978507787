package com.aiassistants.backend.ics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.aiassistants.backend.assistant.nlu.Language;
import com.aiassistants.common.scheduling.CalendarTools.Booking;
import com.aiassistants.common.scheduling.CalendarTools.BookingStatus;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * The file against RFC 5545's rules (CRLF line ends, lines of at most 75 octets folded with CRLF + space,
 * DTSTAMP, UID, UTC times), read back with ical4j; and the link tokens (made with the key or refused).
 */
class CalendarFileRenderingTest {

    static final Instant START = Instant.parse("2026-03-03T12:00:00Z");
    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    static Booking booking(BookingStatus status, Instant start, int version) {
        return new Booking("6f1c0c3e-2b7a-4c55-9d0e-3f4b5a6c7d8e", "K7M2Q", status, "svc-1",
                "Kinesiología y rehabilitación funcional de rodilla con ejercicios", "pro-1",
                "Dra. María José Pérez Ñúñez de Álvarez", "+5491122334455", "Ana Paciente", start,
                start.plusSeconds(1800), start.atZone(ZoneId.of("America/Argentina/Buenos_Aires")).toLocalDateTime(),
                "America/Argentina/Buenos_Aires", "", "whatsapp", null, NOW.minusSeconds(3600), NOW, null, version);
    }

    static Calendar parse(String text) throws Exception {
        return new CalendarBuilder().build(new StringReader(text));
    }

    static VEvent event(Calendar calendar) {
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    static String value(VEvent event, String property) {
        return event.getProperty(property).map(p -> p.getValue()).orElseThrow(() -> new AssertionError("no " + property));
    }

    @Test
    void theFileFollowsRfc5545AndReadsBack() throws Exception {
        String text = new CalendarFile().render(booking(BookingStatus.CONFIRMED, START, 2), "Clínica Demo",
                Language.ES, NOW);

        assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
        String[] lines = text.split("\r\n");
        for (String line : lines) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        assertThat(lines).as("the long accented summary is folded").anyMatch(l -> l.startsWith(" "));
        assertThat(text).contains("VERSION:2.0\r\n").contains("PRODID:").doesNotContain("METHOD:")
                .contains("DTSTAMP:20260301T100000Z\r\n").contains("DTSTART:20260303T120000Z\r\n")
                .contains("DTEND:20260303T123000Z\r\n").contains("STATUS:CONFIRMED\r\n").contains("SEQUENCE:2\r\n")
                .doesNotContain("Ana Paciente").doesNotContain("5491122334455");

        Calendar calendar = parse(text);
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        VEvent event = event(calendar);
        assertThat(value(event, "UID")).isEqualTo("6f1c0c3e-2b7a-4c55-9d0e-3f4b5a6c7d8e@ai-assistants");
        assertThat(value(event, "SUMMARY"))
                .isEqualTo("Kinesiología y rehabilitación funcional de rodilla con ejercicios con Dra. María José Pérez Ñúñez de Álvarez");
        assertThat(value(event, "DESCRIPTION")).isEqualTo("Clínica Demo. Código del turno: K7M2Q");
        assertThat(value(event, "DTSTART")).isEqualTo("20260303T120000Z");
        assertThat(value(event, "SEQUENCE")).isEqualTo("2");
    }

    @Test
    void aCancelledBookingIsACancelledEventWithTheSameUidInEnglishWhenAsked() throws Exception {
        String text = new CalendarFile().render(booking(BookingStatus.CANCELLED, START, 5), "Demo Clinic",
                Language.EN, NOW);
        VEvent event = event(parse(text));
        assertThat(value(event, "UID")).isEqualTo("6f1c0c3e-2b7a-4c55-9d0e-3f4b5a6c7d8e@ai-assistants");
        assertThat(value(event, "STATUS")).isEqualTo("CANCELLED");
        assertThat(value(event, "SEQUENCE")).isEqualTo("5");
        assertThat(value(event, "SUMMARY")).startsWith("Cancelled: ");
        assertThat(value(event, "DESCRIPTION")).isEqualTo("Demo Clinic. Booking code: K7M2Q");
    }

    @Test
    void foldingNeverSplitsACharacterAndUnfoldsToTheSameLine() {
        String line = "SUMMARY:" + "ñ".repeat(100) + "😀".repeat(20);
        String folded = CalendarFile.fold(line + "\r\n");
        for (String part : folded.split("\r\n")) {
            assertThat(part.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
            assertThat(new String(part.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(part);
        }
        assertThat(folded.replace("\r\n ", "")).isEqualTo(line + "\r\n");
    }

    static CalendarLinks links(String key) {
        return new CalendarLinks(new CalendarFileProperties("https://clinic.example.com", key),
                "a-jwt-secret-of-at-least-32-characters!!");
    }

    @Test
    void aLinkNamesOneBookingOfOneProjectAndCannotBeForgedOrChanged() {
        CalendarLinks links = links("");
        String token = links.token("acme", "6f1c0c3e-2b7a-4c55-9d0e-3f4b5a6c7d8e");
        assertThat(links.url("acme", "6f1c0c3e-2b7a-4c55-9d0e-3f4b5a6c7d8e"))
                .isEqualTo("https://clinic.example.com/v1/public/bookings/" + token + ".ics");
        assertThat(links.verify(token)).contains(new CalendarLinks.Target("acme", "6f1c0c3e-2b7a-4c55-9d0e-3f4b5a6c7d8e"));

        // another project's name in the payload with the first signature
        String forged = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("other/6f1c0c3e-2b7a-4c55-9d0e-3f4b5a6c7d8e".getBytes(StandardCharsets.UTF_8))
                + token.substring(token.indexOf('.'));
        for (String bad : List.of(forged, token.substring(0, token.indexOf('.')), token + ".x", "", "not a token",
                "%%%.%%%", links("another-signing-key-of-32-characters-or-more").token("acme", "b"))) {
            assertThat(links.verify(bad)).as(bad).isEqualTo(Optional.empty());
        }
        // The signature's last character carries 2 bits; the decoder alone would accept 3 other spellings of it.
        for (char last : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray()) {
            String respelled = token.substring(0, token.length() - 1) + last;
            if (!respelled.equals(token)) {
                assertThat(links.verify(respelled)).as(respelled).isEmpty();
            }
        }
        // a key of its own signs differently from the one derived from the JWT secret
        assertThat(links("a-separate-signing-key-with-32-chars-min").verify(token)).isEmpty();
    }
}
