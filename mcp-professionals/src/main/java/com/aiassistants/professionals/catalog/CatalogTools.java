package com.aiassistants.professionals.catalog;

import static com.aiassistants.common.scheduling.ProfessionalsTools.LIST_SERVICES;
import static com.aiassistants.common.scheduling.ProfessionalsTools.UPSERT_SERVICE;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.aiassistants.common.mcp.server.McpTool;
import com.aiassistants.common.scheduling.ProfessionalsTools.ListServicesInput;
import com.aiassistants.common.scheduling.ProfessionalsTools.Service;
import com.aiassistants.common.scheduling.ProfessionalsTools.ServiceList;
import com.aiassistants.common.scheduling.ProfessionalsTools.UpsertServiceInput;

/** MCP tools over the service catalog. */
@Configuration(proxyBeanMethods = false)
class CatalogTools {

    @Bean
    McpTool<ListServicesInput, ServiceList> listServicesTool(ServiceCatalog catalog) {
        return McpTool.query(LIST_SERVICES, """
                Lists the active services (all with include_inactive) this business offers (e.g. 'Limpieza dental'), each with its \
                duration and buffer in minutes, price and currency, and the ids of the active professionals \
                who perform it. Give professional_id to see only what that professional offers, or query to \
                filter by name (accents, case and small typos ignored, best match first). Use a service's id \
                to search for free slots.""",
                ListServicesInput.class, ServiceList.class,
                (context, in) -> new ServiceList(catalog.list(context.requireTenant(), in.professionalId(), in.query(),
                        Boolean.TRUE.equals(in.includeInactive()))));
    }

    @Bean
    McpTool<UpsertServiceInput, Service> upsertServiceTool(ServiceCatalog catalog) {
        return McpTool.command(UPSERT_SERVICE, """
                Creates a service (omit service_id) or updates one (give its id). duration_minutes must be 5-480 \
                and buffer_minutes 0-240 (free time kept after each appointment); a price needs an ISO 4217 \
                currency such as ARS. professional_ids, when given, replaces who offers it ([] removes \
                everyone); other fields left out keep their value on update. Deactivate (active=false) instead \
                of deleting. Returns the saved service.""",
                UpsertServiceInput.class, Service.class,
                (context, in) -> catalog.upsert(context.requireTenant(), in));
    }
}
