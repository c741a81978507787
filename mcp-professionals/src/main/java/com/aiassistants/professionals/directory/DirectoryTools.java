package com.aiassistants.professionals.directory;

import static com.aiassistants.common.scheduling.ProfessionalsTools.GET_PROFESSIONAL;
import static com.aiassistants.common.scheduling.ProfessionalsTools.LIST_PROFESSIONALS;
import static com.aiassistants.common.scheduling.ProfessionalsTools.SEARCH_PROFESSIONALS;
import static com.aiassistants.common.scheduling.ProfessionalsTools.UPSERT_PROFESSIONAL;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.aiassistants.common.mcp.server.McpTool;
import com.aiassistants.common.scheduling.ProfessionalsTools.GetProfessionalInput;
import com.aiassistants.common.scheduling.ProfessionalsTools.ListProfessionalsInput;
import com.aiassistants.common.scheduling.ProfessionalsTools.Professional;
import com.aiassistants.common.scheduling.ProfessionalsTools.ProfessionalList;
import com.aiassistants.common.scheduling.ProfessionalsTools.SearchProfessionalsInput;
import com.aiassistants.common.scheduling.ProfessionalsTools.UpsertProfessionalInput;

/** MCP tools over the professionals directory. */
@Configuration(proxyBeanMethods = false)
class DirectoryTools {

    @Bean
    McpTool<ListProfessionalsInput, ProfessionalList> listProfessionalsTool(ProfessionalDirectory directory) {
        return McpTool.query(LIST_PROFESSIONALS, """
                Lists the professionals (doctors, therapists, stylists…) of this business, sorted by name, with \
                their specialty, area, contact data and the ids of the services they offer. Use service_id to \
                get only those who offer a given service. Inactive professionals are left out unless \
                include_inactive is true.""",
                ListProfessionalsInput.class, ProfessionalList.class,
                (context, in) -> new ProfessionalList(directory.list(context.requireTenant(), in.serviceId(),
                        Boolean.TRUE.equals(in.includeInactive()))));
    }

    @Bean
    McpTool<GetProfessionalInput, Professional> getProfessionalTool(ProfessionalDirectory directory) {
        return McpTool.query(GET_PROFESSIONAL, """
                Returns one professional by id (from list_professionals or search_professionals), including \
                inactive ones. Fails with not_found when the id does not exist.""",
                GetProfessionalInput.class, Professional.class,
                (context, in) -> directory.get(context.requireTenant(), in.professionalId()));
    }

    @Bean
    McpTool<SearchProfessionalsInput, ProfessionalList> searchProfessionalsTool(ProfessionalDirectory directory) {
        return McpTool.query(SEARCH_PROFESSIONALS, """
                Finds active professionals by name when the customer names one, e.g. 'Perez', 'la doctora \
                Pérez' or 'maria perez'. Accents, case, titles (Dr., Dra., Lic.) and small typos are ignored; \
                the specialty is matched too ('kinesiologia'). Returns up to 10, best match first; an empty \
                list means nobody matched.""",
                SearchProfessionalsInput.class, ProfessionalList.class,
                (context, in) -> new ProfessionalList(directory.search(context.requireTenant(), in.query())));
    }

    @Bean
    McpTool<UpsertProfessionalInput, Professional> upsertProfessionalTool(ProfessionalDirectory directory) {
        return McpTool.command(UPSERT_PROFESSIONAL, """
                Creates a professional (omit professional_id) or updates one (give its id). On update, fields \
                left out keep their value and an empty string clears email, phone, specialty or area. \
                The phone must be E.164 (e.g. +5491155550101). Returns the saved professional with its id. \
                Deactivate (active=false) instead of deleting: past bookings keep referring to the id.""",
                UpsertProfessionalInput.class, Professional.class,
                (context, in) -> directory.upsert(context.requireTenant(), in));
    }
}
