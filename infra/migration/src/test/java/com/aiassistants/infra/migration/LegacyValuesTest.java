package com.aiassistants.infra.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** How old strings are read: times in a zone (DST included), statuses, event types, roles, phones, ids. */
class LegacyValuesTest {

    private static final ZoneId BUENOS_AIRES = ZoneId.of("America/Argentina/Buenos_Aires");
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    @Test
    void wallClockTimesAreReadInTheGivenZoneAndOffsetsAreExact() {
        assertThat(LegacyTimes.shown("2025-03-14", "9:30", BUENOS_AIRES, "start")).isEqualTo("2025-03-14T12:30:00Z");
        assertThat(LegacyTimes.shown("14/03/2025", "09:30:15", BUENOS_AIRES, "start")).isEqualTo("2025-03-14T12:30:15Z");
        // as the old system showed it: the digits after the T, whatever the Z or offset says
        assertThat(LegacyTimes.shown(null, "2025-03-14T09:30:00Z", BUENOS_AIRES, "start")).isEqualTo("2025-03-14T12:30:00Z");
        assertThat(LegacyTimes.shown("2025-03-14", "2025-03-14T09:30:00-03:00", BUENOS_AIRES, "start"))
                .isEqualTo("2025-03-14T12:30:00Z");
        assertThat(LegacyTimes.shown("2025-03-14", "2025-03-14T09:30:00+01:00", BUENOS_AIRES, "start"))
                .isEqualTo("2025-03-14T12:30:00Z");
        assertThat(LegacyTimes.shown("2025-01-01", "2025-03-14 09:30", BUENOS_AIRES, "start")).isEqualTo("2025-03-14T12:30:00Z");
        // summer time in Madrid: same wall clock, different offset either side of the change
        assertThat(LegacyTimes.shown("2025-03-29", "10:00", MADRID, "start")).isEqualTo("2025-03-29T09:00:00Z");
        assertThat(LegacyTimes.shown("2025-03-30", "10:00", MADRID, "start")).isEqualTo("2025-03-30T08:00:00Z");
        // 02:30 does not exist on 2025-03-30 in Madrid: moved forward by the gap, as java.time does
        assertThat(LegacyTimes.shown("2025-03-30", "02:30", MADRID, "start")).isEqualTo("2025-03-30T01:30:00Z");
    }

    @Test
    void timestampsAcceptIsoStringsAndEpochNumbers() {
        assertThat(LegacyTimes.instant("2025-03-01 10:00:00", BUENOS_AIRES, "created_at")).isEqualTo("2025-03-01T13:00:00Z");
        assertThat(LegacyTimes.instant("2025-03-01T10:00:00.123456-03:00", BUENOS_AIRES, "created_at"))
                .isEqualTo("2025-03-01T13:00:00.123456Z");
        assertThat(LegacyTimes.instant(1_740_830_400L, BUENOS_AIRES, "created_at")).isEqualTo(Instant.ofEpochSecond(1_740_830_400L));
        assertThat(LegacyTimes.instant(1_740_830_400_000L, BUENOS_AIRES, "created_at"))
                .isEqualTo(Instant.ofEpochSecond(1_740_830_400L));
    }

    @Test
    void impossibleDatesAndTimesAreRejectedByName() {
        assertThatThrownBy(() -> LegacyTimes.shown("2025-03-14", "25:99", BUENOS_AIRES, "start_time_iso"))
                .hasMessage("bad start_time_iso '25:99'");
        assertThatThrownBy(() -> LegacyTimes.shown("31/02/2025", "10:00", BUENOS_AIRES, "start_time_iso"))
                .hasMessage("bad date_iso '31/02/2025'");
        assertThatThrownBy(() -> LegacyTimes.shown(null, "10:00", BUENOS_AIRES, "start_time_iso"))
                .hasMessageContaining("missing date_iso");
        assertThatThrownBy(() -> LegacyTimes.instant("mañana", BUENOS_AIRES, "created_at")).hasMessage("bad created_at 'mañana'");
    }

    @Test
    void oldStatusWordsMapToOursAndUnknownOnesDoNot() {
        assertThat(BookingImporter.mapStatus("Confirmada")).isEqualTo("CONFIRMED");
        assertThat(BookingImporter.mapStatus("canceled")).isEqualTo("CANCELLED");
        assertThat(BookingImporter.mapStatus("No-Show")).isEqualTo("NO_SHOW");
        assertThat(BookingImporter.mapStatus("No asistió")).isEqualTo("NO_SHOW");
        assertThat(BookingImporter.mapStatus("atendido")).isEqualTo("COMPLETED");
        // the old calendar counted pending as taken, with no expiry
        assertThat(BookingImporter.mapStatus("pending")).isEqualTo("CONFIRMED");
        assertThat(BookingImporter.mapStatus("held")).isEqualTo("EXPIRED");
        assertThat(BookingImporter.mapStatus("tentativo")).isNull();
    }

    @Test
    void actionsBecomeEventTypesAndRolesAreMapped() {
        assertThat(BookingLogImporter.type("Booking Created")).isEqualTo("confirmed");
        assertThat(BookingLogImporter.type("cancelada")).isEqualTo("cancelled");
        assertThat(BookingLogImporter.type("Recordatorio enviado")).isEqualTo("recordatorio_enviado");
        // the old booking_logs has no action: derived from the row
        assertThat(BookingLogImporter.derivedType(null, "Acceso por link - Flujo: bookings", false)).isEqualTo("link_accessed");
        assertThat(BookingLogImporter.derivedType(null, "Primera vez", true)).isEqualTo("confirmed");
        assertThat(BookingLogImporter.derivedType(null, "", false)).isEqualTo("logbook_entry");
        assertThatThrownBy(() -> BookingLogImporter.type("42")).hasMessageContaining("cannot be an event type");
        assertThat(ConversationImporter.role("HumanMessage")).isEqualTo("user");
        assertThat(ConversationImporter.role("ai")).isEqualTo("assistant");
        assertThat(ConversationImporter.role("tool")).isNull();
    }

    @Test
    void phonesBecomeE164OrNothing() {
        assertThat(LegacyPhones.typed("+54 9 11 5555-0101")).isEqualTo("+5491155550101");
        assertThat(LegacyPhones.typed("0054 (911) 5555.0101")).isEqualTo("+5491155550101");
        assertThat(LegacyPhones.typed("11 5555-0102")).isNull();
        // WhatsApp ids: the old gateway's digits and the new gateway's E.164 are the same customer
        assertThat(LegacyPhones.customer("56959263366")).isEqualTo("+56959263366");
        assertThat(LegacyPhones.customer("+56959263366")).isEqualTo("+56959263366");
        assertThat(LegacyPhones.customer("whatsapp:56959263366")).isEqualTo("+56959263366");
        assertThat(LegacyPhones.conversation("whatsapp:56959263366")).isEqualTo("whatsapp:+56959263366");
        assertThat(LegacyPhones.conversation("web-7f3a")).isEqualTo("web-7f3a");
        assertThat(LegacyPhones.customer("web:5f1c")).isEqualTo("web:5f1c");
        assertThat(LegacyPhones.customer("ana@example.com")).isEqualTo("ana@example.com");
        assertThat(LegacyPhones.valid("+56959263366")).isTrue();
        assertThat(LegacyPhones.valid("+999123")).isFalse();
    }

    @Test
    void targetKeysAreStableAndShortCodesHaveTheCalendarShape() {
        assertThat(LegacyIds.booking("t", "1")).isEqualTo(LegacyIds.booking("t", "1")).isNotEqualTo(LegacyIds.booking("u", "1"));
        assertThat(LegacyIds.shortCode("t", "1", 0)).matches("[ABCDEFGHJKMNPQRTUVWXY346789]{6}")
                .isEqualTo(LegacyIds.shortCode("t", "1", 0)).isNotEqualTo(LegacyIds.shortCode("t", "1", 1));
        assertThat(LegacyIds.searchName("Dra. María  Pérez-Núñez")).isEqualTo("dra maria perez nunez");
    }
}
