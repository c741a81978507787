package com.aiassistants.professionals;

import static com.aiassistants.common.scheduling.ProfessionalsTools.*;
import static com.aiassistants.professionals.ProfessionalsToolsTest.range;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Bad arguments are tool errors with a readable message, never a stack trace, and change nothing. */
class ValidationTest extends McpTestBase {

    @Test
    void serviceDurationsMustBeBetween5And480Minutes() {
        String tenant = newTenant();
        var tooShort = callFails(tenant, UPSERT_SERVICE, new UpsertServiceInput(null, "Corte", null, 4, null, null, null,
                null, null), "invalid_request");
        assertThat(tooShort.getMessage()).contains("duration_minutes").contains("5").contains("480");
        callFails(tenant, UPSERT_SERVICE, new UpsertServiceInput(null, "Corte", null, 481, null, null, null, null, null),
                "invalid_request");
        callFails(tenant, UPSERT_SERVICE, new UpsertServiceInput(null, "Corte", null, 30, 241, null, null, null, null),
                "invalid_request");
        assertThat(call(tenant, UPSERT_SERVICE, new UpsertServiceInput(null, "Corte", null, 5, null, null, null, null, null),
                Service.class).durationMinutes()).isEqualTo(5);
        assertThat(call(tenant, UPSERT_SERVICE, new UpsertServiceInput(null, "Largo", null, 480, null, null, null, null,
                null), Service.class).durationMinutes()).isEqualTo(480);
    }

    @Test
    void pricesNeedAValidCurrencyAndNoNegativeAmounts() {
        String tenant = newTenant();
        callFails(tenant, UPSERT_SERVICE, new UpsertServiceInput(null, "X", null, 30, null, new BigDecimal("10"), null,
                null, null), "invalid_request");
        callFails(tenant, UPSERT_SERVICE, new UpsertServiceInput(null, "X", null, 30, null, new BigDecimal("10"), "PESOS",
                null, null), "invalid_request");
        callFails(tenant, UPSERT_SERVICE, new UpsertServiceInput(null, "X", null, 30, null, new BigDecimal("-1"), "ARS",
                null, null), "invalid_request");
        assertThat(call(tenant, LIST_SERVICES, new ListServicesInput(null, null), ServiceList.class).services()).isEmpty();
    }

    @Test
    void workingRangesMustBeOrderedAndNotOverlap() {
        String tenant = newTenant();
        Professional pro = ProfessionalsToolsTest.createProfessional(this, tenant, "Ana");
        var reversed = callFails(tenant, SET_WORKING_HOURS, new SetWorkingHoursInput(pro.id(),
                List.of(range(DayOfWeek.MONDAY, "13:00", "09:00"))), "invalid_request");
        assertThat(reversed.getMessage()).contains("start must be before end");
        callFails(tenant, SET_WORKING_HOURS, new SetWorkingHoursInput(pro.id(),
                List.of(range(DayOfWeek.MONDAY, "09:00", "09:00"))), "invalid_request");
        var overlap = callFails(tenant, SET_WORKING_HOURS, new SetWorkingHoursInput(pro.id(), List.of(
                range(DayOfWeek.TUESDAY, "09:00", "13:00"), range(DayOfWeek.TUESDAY, "12:00", "18:00"))), "invalid_request");
        assertThat(overlap.getMessage()).contains("overlap").contains("TUESDAY");
        // touching ranges and the same hours on different days are fine
        WorkingHours ok = call(tenant, SET_WORKING_HOURS, new SetWorkingHoursInput(pro.id(), List.of(
                range(DayOfWeek.TUESDAY, "09:00", "13:00"), range(DayOfWeek.TUESDAY, "13:00", "18:00"),
                range(DayOfWeek.WEDNESDAY, "12:00", "18:00"))), WorkingHours.class);
        assertThat(ok.ranges()).hasSize(3);
    }

    @Test
    void timeOffMustStartBeforeItEnds() {
        String tenant = newTenant();
        Professional pro = ProfessionalsToolsTest.createProfessional(this, tenant, "Ana");
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        callFails(tenant, ADD_TIME_OFF, new AddTimeOffInput(pro.id(), now, now, null), "invalid_request");
        callFails(tenant, ADD_TIME_OFF, new AddTimeOffInput(pro.id(), now.plusSeconds(60), now, null), "invalid_request");
        callFails(tenant, GET_WORKING_HOURS, new GetWorkingHoursInput(pro.id(), now.plusSeconds(60), now), "invalid_request");
    }

    @Test
    void dateOverridesNeedAValidDateAndRangesThatDoNotOverlap() {
        String tenant = newTenant();
        Professional pro = ProfessionalsToolsTest.createProfessional(this, tenant, "Ana");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("America/Argentina/Buenos_Aires"));
        java.time.LocalDate date = today.plusDays(2);
        var overlap = callFails(tenant, SET_DATE_OVERRIDE, new SetDateOverrideInput(pro.id(), date, List.of(
                ProfessionalsToolsTest.hours("09:00", "13:00"), ProfessionalsToolsTest.hours("12:00", "18:00")), null),
                "invalid_request");
        assertThat(overlap.getMessage()).contains("overlap");
        callFails(tenant, SET_DATE_OVERRIDE, new SetDateOverrideInput(pro.id(), date,
                List.of(ProfessionalsToolsTest.hours("13:00", "09:00")), null), "invalid_request");
        // the input schema already requires date and ranges
        callFails(tenant, SET_DATE_OVERRIDE, new SetDateOverrideInput(pro.id(), date, null, null), "invalid_arguments");
        callFails(tenant, SET_DATE_OVERRIDE, new SetDateOverrideInput(pro.id(), null, List.of(), null), "invalid_arguments");
        var past = callFails(tenant, SET_DATE_OVERRIDE, new SetDateOverrideInput(pro.id(), today.minusDays(2), List.of(),
                null), "invalid_request");
        assertThat(past.getMessage()).contains("past");
        callFails(tenant, SET_DATE_OVERRIDE, new SetDateOverrideInput(pro.id(), today.plusDays(500), List.of(), null),
                "invalid_request");
        callFails(tenant, SET_DATE_OVERRIDE, new SetDateOverrideInput(pro.id(), date, List.of(), "x".repeat(201)),
                "invalid_request");
        callFails(tenant, SET_DATE_OVERRIDE, new SetDateOverrideInput("pro-nope", date, List.of(), null), "not_found");
        // today is allowed, and touching ranges are fine
        assertThat(call(tenant, SET_DATE_OVERRIDE, new SetDateOverrideInput(pro.id(), today, List.of(
                ProfessionalsToolsTest.hours("09:00", "13:00"), ProfessionalsToolsTest.hours("13:00", "18:00")), null),
                DateOverride.class).ranges()).hasSize(2);
    }

    @Test
    void timeZonesMustBeIana() {
        String tenant = newTenant();
        callFails(tenant, SET_SCHEDULE_SETTINGS, new SetScheduleSettingsInput("Mars/Olympus_Mons"), "invalid_request");
        callFails(tenant, SET_SCHEDULE_SETTINGS, new SetScheduleSettingsInput("GMT-3"), "invalid_request");
        assertThat(call(tenant, GET_SCHEDULE_SETTINGS, new EmptyInput(), ScheduleSettings.class).timeZone())
                .isEqualTo("America/Argentina/Buenos_Aires");
    }

    @Test
    void phonesMustBeE164AndEmailsValid() {
        String tenant = newTenant();
        callFails(tenant, UPSERT_PROFESSIONAL, new UpsertProfessionalInput(null, "Ana", null, null, null, "1155550101", null),
                "invalid_request");
        callFails(tenant, UPSERT_PROFESSIONAL, new UpsertProfessionalInput(null, "Ana", null, null, null, "+12", null),
                "invalid_request");
        callFails(tenant, UPSERT_PROFESSIONAL, new UpsertProfessionalInput(null, "Ana", null, null, "not-an-email", null,
                null), "invalid_request");
        callFails(tenant, UPSERT_PROFESSIONAL, new UpsertProfessionalInput(null, "  ", null, null, null, null, null),
                "invalid_request");
        assertThat(call(tenant, LIST_PROFESSIONALS, new ListProfessionalsInput(null, true), ProfessionalList.class)
                .professionals()).isEmpty();
    }

    @Test
    void argumentsOutsideTheSchemaAreRejected() {
        String tenant = newTenant();
        assertThat(catchError(() -> client().callForMap(tenant, LIST_PROFESSIONALS, Map.of("tenant_id", "other"), false)))
                .isNotNull();
        assertThat(catchError(() -> client().callForMap(tenant, UPSERT_SERVICE,
                Map.of("name", "X", "duration_minutes", "thirty"), false))).isNotNull();
    }

    private static Throwable catchError(Runnable call) {
        try {
            call.run();
            return null;
        } catch (RuntimeException e) {
            assertThat(e.getMessage()).doesNotContain("Exception").doesNotContain("\tat ");
            return e;
        }
    }
}
