package com.aiassistants.professionals;

import static com.aiassistants.common.scheduling.ProfessionalsTools.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.aiassistants.professionals.demo.DemoClinic;

/** Fuzzy search over MCP against the demo clinic's names. */
class SearchTest extends McpTestBase {

    @Autowired
    DemoClinic demoClinic;

    String tenant;

    @BeforeEach
    void clinic() {
        tenant = newTenant();
        demoClinic.load(tenant);
    }

    private List<String> search(String query) {
        return call(tenant, SEARCH_PROFESSIONALS, new SearchProfessionalsInput(query), ProfessionalList.class)
                .professionals().stream().map(Professional::id).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Perez", "perez", "PÉREZ", "Pérez", "dra perez", "Dra. Pérez", "maria perez", "María",
            "peres", "perz", "la doctora perez", "odontologia"})
    void findsDraMariaPerez(String query) {
        assertThat(search(query)).first().isEqualTo(DemoClinic.PRO_PEREZ);
    }

    @Test
    void doesNotReturnUnrelatedPeople() {
        assertThat(search("Gomez")).containsExactly(DemoClinic.PRO_GOMEZ);
        assertThat(search("Laura Fernandez")).containsExactly(DemoClinic.PRO_FERNANDEZ);
        assertThat(search("Rodriguez")).isEmpty();
        assertThat(search("maria gomez")).isEmpty();
    }

    @Test
    void leavesOutInactiveProfessionals() {
        call(tenant, UPSERT_PROFESSIONAL, new UpsertProfessionalInput(DemoClinic.PRO_GOMEZ, "Dr. Juan Gómez", null, null,
                null, null, false), Professional.class);
        assertThat(search("gomez")).isEmpty();
    }

    @Test
    void blankQueriesAreInvalid() {
        callFails(tenant, SEARCH_PROFESSIONALS, new SearchProfessionalsInput("  ...  "), "invalid_request");
    }

    @Test
    void servicesAreFilteredByFuzzyName() {
        List<String> ids = call(tenant, LIST_SERVICES, new ListServicesInput(null, "limpiesa"), ServiceList.class)
                .services().stream().map(Service::id).toList();
        assertThat(ids).containsExactly(DemoClinic.SVC_LIMPIEZA);
        assertThat(call(tenant, LIST_SERVICES, new ListServicesInput(null, "consulta"), ServiceList.class).services())
                .extracting(Service::id)
                .containsExactlyInAnyOrder(DemoClinic.SVC_CONSULTA_CLINICA, DemoClinic.SVC_CONSULTA_ODONTOLOGICA);
    }
}
