package com.aiassistants.professionals;

import static com.aiassistants.common.scheduling.ProfessionalsTools.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.aiassistants.professionals.demo.DemoClinic;

/** The demo clinic: loaded at startup for ai-assistants.professionals.demo-tenant=demo, once per tenant. */
class DemoClinicTest extends McpTestBase {

    @Autowired
    DemoClinic demoClinic;

    @Test
    void wasLoadedAtStartupIntoTheDemoTenantWithStableIds() {
        assertThat(call("demo", GET_SCHEDULE_SETTINGS, new EmptyInput(), ScheduleSettings.class).timeZone())
                .isEqualTo("America/Argentina/Buenos_Aires");
        assertThat(call("demo", LIST_PROFESSIONALS, new ListProfessionalsInput(null, null), ProfessionalList.class)
                .professionals()).extracting(Professional::id, Professional::name, Professional::specialty)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("pro-perez", "Dra. María Pérez", "Odontología"),
                        org.assertj.core.groups.Tuple.tuple("pro-gomez", "Dr. Juan Gómez", "Clínica médica"),
                        org.assertj.core.groups.Tuple.tuple("pro-fernandez", "Lic. Laura Fernández", "Kinesiología"));
        List<Service> services = call("demo", LIST_SERVICES, new ListServicesInput(null, null), ServiceList.class).services();
        assertThat(services).extracting(Service::id).containsExactlyInAnyOrder("svc-limpieza",
                "svc-consulta-odontologica", "svc-consulta-clinica", "svc-kinesiologia");
        assertThat(services).allSatisfy(s -> {
            assertThat(s.currency()).isEqualTo("ARS");
            assertThat(s.professionalIds()).hasSize(1);
        });

        WorkingHours perez = call("demo", GET_WORKING_HOURS, new GetWorkingHoursInput("pro-perez", null, null),
                WorkingHours.class);
        assertThat(perez.ranges()).filteredOn(r -> r.dayOfWeek() == DayOfWeek.MONDAY).hasSize(2);
        assertThat(perez.ranges()).noneMatch(r -> r.dayOfWeek() == DayOfWeek.SATURDAY);
        WorkingHours gomez = call("demo", GET_WORKING_HOURS, new GetWorkingHoursInput("pro-gomez", null, null),
                WorkingHours.class);
        assertThat(gomez.ranges()).anyMatch(r -> r.dayOfWeek() == DayOfWeek.SATURDAY && r.end().getHour() <= 13);
        assertThat(gomez.ranges()).noneMatch(r -> r.dayOfWeek() == DayOfWeek.SUNDAY);
    }

    @Test
    void loadsOnlyIntoATenantWithoutProfessionals() {
        assertThat(demoClinic.load("demo")).isFalse();
        String fresh = newTenant();
        assertThat(demoClinic.load(fresh)).isTrue();
        assertThat(demoClinic.load(fresh)).isFalse();
        assertThat(call(fresh, LIST_PROFESSIONALS, new ListProfessionalsInput(null, true), ProfessionalList.class)
                .professionals()).hasSize(3);

        String ownData = newTenant();
        ProfessionalsToolsTest.createProfessional(this, ownData, "Alguien");
        assertThat(demoClinic.load(ownData)).isFalse();
        assertThat(call(ownData, LIST_SERVICES, new ListServicesInput(null, null), ServiceList.class).services()).isEmpty();
    }
}
