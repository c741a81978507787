package com.aiassistants.professionals;

import static com.aiassistants.common.scheduling.ProfessionalsTools.*;
import static com.aiassistants.professionals.ProfessionalsToolsTest.range;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.aiassistants.professionals.demo.DemoClinic;

/** Every tool called with tenant B's header can neither read nor change tenant A's data. */
class TenantIsolationTest extends McpTestBase {

    @Autowired
    DemoClinic demoClinic;

    @Test
    void tenantBCannotReadOrChangeTenantA() {
        String a = newTenant();
        String b = newTenant();
        Professional pro = ProfessionalsToolsTest.createProfessional(this, a, "Dra. María Pérez");
        Service svc = ProfessionalsToolsTest.createService(this, a, "Limpieza dental", List.of(pro.id()));
        call(a, SET_WORKING_HOURS, new SetWorkingHoursInput(pro.id(), List.of(range(DayOfWeek.MONDAY, "09:00", "13:00"))),
                WorkingHours.class);
        Instant start = Instant.now().plusSeconds(3600);
        call(a, ADD_TIME_OFF, new AddTimeOffInput(pro.id(), start, start.plusSeconds(3600), "feriado"), TimeOff.class);
        call(a, SET_SCHEDULE_SETTINGS, new SetScheduleSettingsInput("Europe/Madrid"), ScheduleSettings.class);
        java.time.LocalDate overrideDate = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Madrid")).plusDays(2);
        call(a, SET_DATE_OVERRIDE, new SetDateOverrideInput(pro.id(), overrideDate, List.of(), "feriado"),
                DateOverride.class);

        // reads
        assertThat(call(b, LIST_PROFESSIONALS, new ListProfessionalsInput(null, true), ProfessionalList.class)
                .professionals()).isEmpty();
        assertThat(call(b, LIST_PROFESSIONALS, new ListProfessionalsInput(svc.id(), true), ProfessionalList.class)
                .professionals()).isEmpty();
        callFails(b, GET_PROFESSIONAL, new GetProfessionalInput(pro.id()), "not_found");
        assertThat(call(b, SEARCH_PROFESSIONALS, new SearchProfessionalsInput("Perez"), ProfessionalList.class)
                .professionals()).isEmpty();
        assertThat(call(b, LIST_SERVICES, new ListServicesInput(null, null), ServiceList.class).services()).isEmpty();
        assertThat(call(b, LIST_SERVICES, new ListServicesInput(null, "limpieza"), ServiceList.class).services()).isEmpty();
        callFails(b, LIST_SERVICES, new ListServicesInput(pro.id(), null), "not_found");
        callFails(b, GET_WORKING_HOURS, new GetWorkingHoursInput(pro.id(), null, null), "not_found");
        assertThat(call(b, GET_SCHEDULE_SETTINGS, new EmptyInput(), ScheduleSettings.class).timeZone())
                .isEqualTo("America/Argentina/Buenos_Aires");

        // writes
        callFails(b, UPSERT_PROFESSIONAL, new UpsertProfessionalInput(pro.id(), "Hijacked", null, null, null, null, false),
                "not_found");
        callFails(b, UPSERT_SERVICE, new UpsertServiceInput(svc.id(), "Hijacked", null, 10, null, null, null, null, false),
                "not_found");
        callFails(b, UPSERT_SERVICE, new UpsertServiceInput(null, "Mine", null, 10, null, null, null, List.of(pro.id()), null),
                "not_found");
        callFails(b, SET_WORKING_HOURS, new SetWorkingHoursInput(pro.id(), List.of()), "not_found");
        callFails(b, ADD_TIME_OFF, new AddTimeOffInput(pro.id(), start, start.plusSeconds(60), "x"), "not_found");
        callFails(b, SET_DATE_OVERRIDE, new SetDateOverrideInput(pro.id(), overrideDate, List.of(), null), "not_found");
        callFails(b, REMOVE_DATE_OVERRIDE, new RemoveDateOverrideInput(pro.id(), overrideDate), "not_found");
        call(b, SET_SCHEDULE_SETTINGS, new SetScheduleSettingsInput("Asia/Tokyo"), ScheduleSettings.class);

        // tenant A is untouched
        Professional still = call(a, GET_PROFESSIONAL, new GetProfessionalInput(pro.id()), Professional.class);
        assertThat(still).isEqualTo(new Professional(pro.id(), pro.name(), pro.specialty(), pro.area(), pro.email(),
                pro.phone(), true, List.of(svc.id())));
        assertThat(call(a, LIST_SERVICES, new ListServicesInput(null, null), ServiceList.class).services())
                .singleElement().satisfies(s -> {
                    assertThat(s.name()).isEqualTo("Limpieza dental");
                    assertThat(s.active()).isTrue();
                });
        WorkingHours hours = call(a, GET_WORKING_HOURS, new GetWorkingHoursInput(pro.id(), null, null), WorkingHours.class);
        assertThat(hours.timeZone()).isEqualTo("Europe/Madrid");
        assertThat(hours.ranges()).hasSize(1);
        assertThat(hours.timeOff()).hasSize(1);
        assertThat(hours.dateOverrides()).extracting(DateOverride::date).containsExactly(overrideDate);
    }

    @Test
    void theSameIdsMayExistInTwoTenantsIndependently() {
        String a = newTenant();
        String b = newTenant();
        demoClinic.load(a);
        demoClinic.load(b);
        call(b, UPSERT_PROFESSIONAL, new UpsertProfessionalInput("pro-perez", "Otra Pérez", null, null, null, null, null),
                Professional.class);
        assertThat(call(a, GET_PROFESSIONAL, new GetProfessionalInput("pro-perez"), Professional.class).name())
                .isEqualTo("Dra. María Pérez");
        assertThat(call(b, GET_PROFESSIONAL, new GetProfessionalInput("pro-perez"), Professional.class).name())
                .isEqualTo("Otra Pérez");
    }

    @Test
    void callsWithoutATenantAreRefused() {
        callFails(null, LIST_PROFESSIONALS, new ListProfessionalsInput(null, null), "invalid_request");
    }
}
