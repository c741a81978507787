package com.aiassistants.professionals;

import static com.aiassistants.common.scheduling.ProfessionalsTools.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.aiassistants.common.mcp.ToolSchemas;

import io.modelcontextprotocol.spec.McpSchema;

/** The tools over MCP Streamable HTTP with the common client: listing, schemas, and a full happy path. */
class ProfessionalsToolsTest extends McpTestBase {

    static Professional createProfessional(McpTestBase test, String tenant, String name) {
        return test.call(tenant, UPSERT_PROFESSIONAL,
                new UpsertProfessionalInput(null, name, "Odontología", "Salud", null, null, null), Professional.class);
    }

    static Service createService(McpTestBase test, String tenant, String name, List<String> professionalIds) {
        return test.call(tenant, UPSERT_SERVICE, new UpsertServiceInput(null, name, null, 30, null,
                new BigDecimal("1000"), "ARS", professionalIds, null), Service.class);
    }

    static WorkingRange range(DayOfWeek day, String start, String end) {
        return new WorkingRange(day, LocalTime.parse(start), LocalTime.parse(end));
    }

    @Test
    @SuppressWarnings("unchecked")
    void listsAllFourteenToolsWithDescriptionsAndGeneratedSchemas() {
        List<McpSchema.Tool> tools = client().listTools();
        assertThat(tools).extracting(McpSchema.Tool::name).containsExactlyInAnyOrder(LIST_PROFESSIONALS,
                GET_PROFESSIONAL, SEARCH_PROFESSIONALS, LIST_SERVICES, GET_WORKING_HOURS, GET_SCHEDULE_SETTINGS,
                UPSERT_PROFESSIONAL, UPSERT_SERVICE, SET_WORKING_HOURS, ADD_TIME_OFF, REMOVE_TIME_OFF, SET_SCHEDULE_SETTINGS,
                SET_DATE_OVERRIDE, REMOVE_DATE_OVERRIDE);
        assertThat(tools).allSatisfy(tool -> {
            assertThat(tool.description()).hasSizeGreaterThan(60);
            assertThat(tool.outputSchema()).containsKey("properties");
        });
        McpSchema.Tool upsertService = tools.stream().filter(t -> t.name().equals(UPSERT_SERVICE)).findFirst().orElseThrow();
        assertThat((Map<String, Object>) upsertService.inputSchema().get("properties"))
                .containsKeys("service_id", "name", "duration_minutes", "professional_ids");
        assertThat((List<String>) upsertService.inputSchema().get("required"))
                .containsExactlyInAnyOrder("name", "duration_minutes");
        assertThat(tools.stream().filter(t -> t.name().equals(LIST_SERVICES)).findFirst().orElseThrow()
                .annotations().readOnlyHint()).isTrue();
    }

    /** Every tool publishes the contract record itself as its output schema. */
    @Test
    void outputSchemasAreTheContractRecords() {
        Map<String, Class<?>> contract = Map.ofEntries(Map.entry(LIST_PROFESSIONALS, ProfessionalList.class),
                Map.entry(GET_PROFESSIONAL, Professional.class), Map.entry(SEARCH_PROFESSIONALS, ProfessionalList.class),
                Map.entry(LIST_SERVICES, ServiceList.class), Map.entry(GET_WORKING_HOURS, WorkingHours.class),
                Map.entry(GET_SCHEDULE_SETTINGS, ScheduleSettings.class), Map.entry(UPSERT_PROFESSIONAL, Professional.class),
                Map.entry(UPSERT_SERVICE, Service.class), Map.entry(SET_WORKING_HOURS, WorkingHours.class),
                Map.entry(ADD_TIME_OFF, TimeOff.class), Map.entry(REMOVE_TIME_OFF, TimeOff.class),
                Map.entry(SET_SCHEDULE_SETTINGS, ScheduleSettings.class),
                Map.entry(SET_DATE_OVERRIDE, DateOverride.class), Map.entry(REMOVE_DATE_OVERRIDE, DateOverride.class));
        for (McpSchema.Tool tool : client().listTools()) {
            assertThat(tool.outputSchema()).as(tool.name()).isEqualTo(ToolSchemas.of(contract.get(tool.name())));
        }
    }

    /**
     * Results whose optional fields are null (left out of the JSON) pass the SDK's server-side
     * output validation: a professional without specialty, area, email or phone, a service without
     * description or price, time off without reason, and working hours with local times.
     */
    @Test
    @SuppressWarnings("unchecked")
    void resultsWithAbsentOptionalFieldsPassOutputValidation() {
        String tenant = newTenant();
        Map<String, Object> bare = client().callForMap(tenant, UPSERT_PROFESSIONAL,
                new UpsertProfessionalInput(null, "Sin Datos", null, null, null, null, null), false);
        assertThat(bare).containsKeys("id", "name", "active")
                .doesNotContainKeys("specialty", "area", "email", "phone");
        String professionalId = (String) bare.get("id");
        assertThat(client().callForMap(tenant, GET_PROFESSIONAL, new GetProfessionalInput(professionalId), false))
                .doesNotContainKey("phone");
        assertThat((List<Map<String, Object>>) client().callForMap(tenant, LIST_PROFESSIONALS,
                new ListProfessionalsInput(null, null), false).get("professionals"))
                .singleElement().satisfies(p -> assertThat(p).doesNotContainKey("phone"));

        Map<String, Object> service = client().callForMap(tenant, UPSERT_SERVICE,
                new UpsertServiceInput(null, "Consulta", null, 30, null, null, null, List.of(professionalId), null), false);
        assertThat(service).doesNotContainKeys("description", "price", "currency");
        assertThat((List<Map<String, Object>>) client().callForMap(tenant, LIST_SERVICES,
                new ListServicesInput(null, null), false).get("services"))
                .singleElement().satisfies(s -> assertThat(s).doesNotContainKey("description"));

        Map<String, Object> hours = client().callForMap(tenant, SET_WORKING_HOURS, new SetWorkingHoursInput(professionalId,
                List.of(range(DayOfWeek.MONDAY, "09:00", "13:30"))), false);
        assertThat((List<Map<String, Object>>) hours.get("ranges")).singleElement()
                .satisfies(r -> assertThat(r.get("start")).asString().startsWith("09:00"));
        Instant start = Instant.now().plusSeconds(86_400);
        assertThat(client().callForMap(tenant, ADD_TIME_OFF, new AddTimeOffInput(professionalId, start,
                start.plusSeconds(3_600), null), false)).doesNotContainKey("reason");
        assertThat((List<?>) client().callForMap(tenant, GET_WORKING_HOURS,
                new GetWorkingHoursInput(professionalId, null, null), false).get("time_off")).hasSize(1);
    }

    @Test
    void createsAProfessionalWithServiceHoursAndTimeOffAndReadsThemBack() {
        String tenant = newTenant();
        Professional perez = call(tenant, UPSERT_PROFESSIONAL, new UpsertProfessionalInput(null, "Dra. María Pérez",
                "Odontología", "Salud", "maria@example.com", "+54 9 11 5555-0101", null), Professional.class);
        assertThat(perez.id()).startsWith("pro-");
        assertThat(perez.phone()).isEqualTo("+5491155550101");
        assertThat(perez.active()).isTrue();

        Service cleaning = call(tenant, UPSERT_SERVICE, new UpsertServiceInput(null, "Limpieza dental", "Con control",
                45, 15, new BigDecimal("35000.50"), "ars", List.of(perez.id()), null), Service.class);
        assertThat(cleaning.id()).startsWith("svc-");
        assertThat(cleaning).extracting(Service::durationMinutes, Service::bufferMinutes, Service::currency)
                .containsExactly(45, 15, "ARS");
        assertThat(cleaning.price()).isEqualByComparingTo("35000.50");
        assertThat(cleaning.professionalIds()).containsExactly(perez.id());

        WorkingHours saved = call(tenant, SET_WORKING_HOURS, new SetWorkingHoursInput(perez.id(), List.of(
                range(DayOfWeek.MONDAY, "14:00", "18:00"), range(DayOfWeek.MONDAY, "09:00", "13:00"),
                range(DayOfWeek.SATURDAY, "09:00", "12:00"))), WorkingHours.class);
        assertThat(saved.ranges()).containsExactly(range(DayOfWeek.MONDAY, "09:00", "13:00"),
                range(DayOfWeek.MONDAY, "14:00", "18:00"), range(DayOfWeek.SATURDAY, "09:00", "12:00"));

        Instant start = Instant.now().plusSeconds(86_400);
        TimeOff vacation = call(tenant, ADD_TIME_OFF, new AddTimeOffInput(perez.id(), start, start.plusSeconds(7 * 86_400),
                "vacaciones"), TimeOff.class);
        assertThat(vacation.id()).startsWith("off-");

        call(tenant, SET_SCHEDULE_SETTINGS, new SetScheduleSettingsInput("America/Montevideo"), ScheduleSettings.class);
        WorkingHours hours = call(tenant, GET_WORKING_HOURS, new GetWorkingHoursInput(perez.id(), null, null),
                WorkingHours.class);
        assertThat(hours.timeZone()).isEqualTo("America/Montevideo");
        assertThat(hours.ranges()).hasSize(3);
        assertThat(hours.timeOff()).extracting(TimeOff::id, TimeOff::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(vacation.id(), "vacaciones"));
        WorkingHours later = call(tenant, GET_WORKING_HOURS,
                new GetWorkingHoursInput(perez.id(), start.plusSeconds(30L * 86_400), null), WorkingHours.class);
        assertThat(later.timeOff()).isEmpty();

        assertThat(call(tenant, LIST_SERVICES, new ListServicesInput(perez.id(), null), ServiceList.class).services())
                .extracting(Service::id).containsExactly(cleaning.id());
        assertThat(call(tenant, LIST_PROFESSIONALS, new ListProfessionalsInput(cleaning.id(), null), ProfessionalList.class)
                .professionals()).extracting(Professional::id).containsExactly(perez.id());
        Professional fetched = call(tenant, GET_PROFESSIONAL, new GetProfessionalInput(perez.id()), Professional.class);
        assertThat(fetched.serviceIds()).containsExactly(cleaning.id());
        assertThat(fetched.specialty()).isEqualTo("Odontología");
    }

    @Test
    void updatesKeepAbsentFieldsClearEmptyOnesAndDeactivate() {
        String tenant = newTenant();
        Professional created = call(tenant, UPSERT_PROFESSIONAL, new UpsertProfessionalInput(null, "Juan Gómez",
                "Clínica", "Medicina", "juan@example.com", "+5491155550102", null), Professional.class);
        Professional updated = call(tenant, UPSERT_PROFESSIONAL, new UpsertProfessionalInput(created.id(),
                "Dr. Juan Gómez", null, "", null, "", false), Professional.class);
        assertThat(updated).extracting(Professional::id, Professional::name, Professional::specialty, Professional::area,
                Professional::email, Professional::phone, Professional::active)
                .containsExactly(created.id(), "Dr. Juan Gómez", "Clínica", null, "juan@example.com", null, false);
        assertThat(call(tenant, LIST_PROFESSIONALS, new ListProfessionalsInput(null, null), ProfessionalList.class)
                .professionals()).isEmpty();
        assertThat(call(tenant, LIST_PROFESSIONALS, new ListProfessionalsInput(null, true), ProfessionalList.class)
                .professionals()).extracting(Professional::id).containsExactly(created.id());

        Service service = createService(this, tenant, "Consulta", List.of(created.id()));
        Service renamed = call(tenant, UPSERT_SERVICE, new UpsertServiceInput(service.id(), "Consulta clínica", null, 20,
                null, null, null, null, null), Service.class);
        assertThat(renamed).extracting(Service::durationMinutes, Service::currency).containsExactly(20, "ARS");
        assertThat(renamed.professionalIds()).as("inactive professionals are not offered").isEmpty();
        Service inactive = call(tenant, UPSERT_SERVICE, new UpsertServiceInput(service.id(), "Consulta clínica", null, 20,
                null, null, null, List.of(), false), Service.class);
        assertThat(inactive.active()).isFalse();
        assertThat(call(tenant, LIST_SERVICES, new ListServicesInput(null, null), ServiceList.class).services()).isEmpty();
    }

    @Test
    void theConsoleEditsServicesGivenTimeOffAndSeesInactiveServices() {
        String tenant = newTenant();
        Professional perez = createProfessional(this, tenant, "Dra. Pérez");
        Service cleaning = createService(this, tenant, "Limpieza", List.of());
        Service checkup = createService(this, tenant, "Control", List.of());
        Professional linked = call(tenant, UPSERT_PROFESSIONAL, new UpsertProfessionalInput(perez.id(), perez.name(),
                null, null, null, null, null, List.of(cleaning.id(), checkup.id())), Professional.class);
        assertThat(linked.serviceIds()).containsExactlyInAnyOrder(cleaning.id(), checkup.id());
        // absent service_ids keep the links; an empty list clears them
        assertThat(call(tenant, UPSERT_PROFESSIONAL, new UpsertProfessionalInput(perez.id(), "Dra. María Pérez", null,
                null, null, null, null), Professional.class).serviceIds()).hasSize(2);
        assertThat(call(tenant, UPSERT_PROFESSIONAL, new UpsertProfessionalInput(perez.id(), "Dra. María Pérez", null,
                null, null, null, null, List.of(checkup.id())), Professional.class).serviceIds())
                .containsExactly(checkup.id());
        callFails(tenant, UPSERT_PROFESSIONAL, new UpsertProfessionalInput(perez.id(), "X", null, null, null, null, null,
                List.of("svc-nope")), "not_found");

        Instant start = Instant.now().plusSeconds(86_400);
        TimeOff off = call(tenant, ADD_TIME_OFF, new AddTimeOffInput(perez.id(), start, start.plusSeconds(3600), null),
                TimeOff.class);
        assertThat(call(tenant, REMOVE_TIME_OFF, new RemoveTimeOffInput(perez.id(), off.id()), TimeOff.class).id())
                .isEqualTo(off.id());
        assertThat(call(tenant, GET_WORKING_HOURS, new GetWorkingHoursInput(perez.id(), null, null), WorkingHours.class)
                .timeOff()).isEmpty();
        callFails(tenant, REMOVE_TIME_OFF, new RemoveTimeOffInput(perez.id(), off.id()), "not_found");
        callFails(newTenant(), REMOVE_TIME_OFF, new RemoveTimeOffInput(perez.id(), off.id()), "not_found");

        call(tenant, UPSERT_SERVICE, new UpsertServiceInput(cleaning.id(), "Limpieza", null, 30, null, null, null, null,
                false), Service.class);
        assertThat(call(tenant, LIST_SERVICES, new ListServicesInput(null, null), ServiceList.class).services())
                .extracting(Service::id).containsExactly(checkup.id());
        assertThat(call(tenant, LIST_SERVICES, new ListServicesInput(null, null, true), ServiceList.class).services())
                .extracting(Service::id).containsExactlyInAnyOrder(cleaning.id(), checkup.id());
    }

    @Test
    void scheduleSettingsDefaultToTheConfiguredZone() {
        assertThat(call(newTenant(), GET_SCHEDULE_SETTINGS, new EmptyInput(), ScheduleSettings.class).timeZone())
                .isEqualTo("America/Argentina/Buenos_Aires");
    }

    @Test
    void unknownIdsAreNotFound() {
        String tenant = newTenant();
        callFails(tenant, GET_PROFESSIONAL, new GetProfessionalInput("pro-nope"), "not_found");
        callFails(tenant, GET_WORKING_HOURS, new GetWorkingHoursInput("pro-nope", null, null), "not_found");
        callFails(tenant, UPSERT_SERVICE, new UpsertServiceInput("svc-nope", "X", null, 30, null, null, null, null, null),
                "not_found");
        var missing = callFails(tenant, UPSERT_SERVICE,
                new UpsertServiceInput(null, "X", null, 30, null, null, null, List.of("pro-nope"), null), "not_found");
        assertThat(missing.body()).containsEntry("missing_professional_ids", List.of("pro-nope"));
        callFails(tenant, LIST_SERVICES, new ListServicesInput("pro-nope", null), "not_found");
    }

    static HoursRange hours(String start, String end) {
        return new HoursRange(LocalTime.parse(start), LocalTime.parse(end));
    }

    /** A date override replaces one date's weekly hours, closes it with no ranges, and is removed again. */
    @Test
    void dateOverridesAreSetReadReplacedAndRemoved() {
        String tenant = newTenant();
        Professional perez = createProfessional(this, tenant, "Dra. Pérez");
        LocalDate date = LocalDate.now(ZoneId.of("America/Argentina/Buenos_Aires")).plusDays(3);
        LocalDate closed = date.plusDays(1);
        DateOverride shorter = call(tenant, SET_DATE_OVERRIDE, new SetDateOverrideInput(perez.id(), date,
                List.of(hours("15:00", "18:00"), hours("10:00", "12:00")), "jornada corta"), DateOverride.class);
        assertThat(shorter).isEqualTo(new DateOverride(date, List.of(hours("10:00", "12:00"), hours("15:00", "18:00")),
                "jornada corta"));
        // no reason, no ranges: closed; the answer leaves the null reason out and passes output validation
        Map<String, Object> bare = client().callForMap(tenant, SET_DATE_OVERRIDE,
                new SetDateOverrideInput(perez.id(), closed, List.of(), null), false);
        assertThat(bare).containsEntry("ranges", List.of()).doesNotContainKey("reason");

        WorkingHours read = call(tenant, GET_WORKING_HOURS, new GetWorkingHoursInput(perez.id(), null, null),
                WorkingHours.class);
        assertThat(read.dateOverrides()).containsExactly(shorter, new DateOverride(closed, List.of(), null));
        // outside the asked window: not returned
        Instant far = Instant.now().plusSeconds(40L * 86_400);
        assertThat(call(tenant, GET_WORKING_HOURS, new GetWorkingHoursInput(perez.id(), far, null), WorkingHours.class)
                .dateOverrides()).isEmpty();

        // setting the date again replaces it, ranges and all
        call(tenant, SET_DATE_OVERRIDE, new SetDateOverrideInput(perez.id(), date, List.of(hours("08:00", "00:00")),
                null), DateOverride.class);
        assertThat(call(tenant, GET_WORKING_HOURS, new GetWorkingHoursInput(perez.id(), null, null), WorkingHours.class)
                .dateOverrides()).first().isEqualTo(new DateOverride(date, List.of(hours("08:00", "00:00")), null));

        assertThat(call(tenant, REMOVE_DATE_OVERRIDE, new RemoveDateOverrideInput(perez.id(), closed), DateOverride.class))
                .isEqualTo(new DateOverride(closed, List.of(), null));
        callFails(tenant, REMOVE_DATE_OVERRIDE, new RemoveDateOverrideInput(perez.id(), closed), "not_found");
        assertThat(call(tenant, GET_WORKING_HOURS, new GetWorkingHoursInput(perez.id(), null, null), WorkingHours.class)
                .dateOverrides()).extracting(DateOverride::date).containsExactly(date);
    }
}
