package com.aiassistants.backend.assistant.dialogue;

import java.util.List;
import java.util.Optional;

import com.aiassistants.backend.assistant.nlu.FuzzyMatcher;
import com.aiassistants.backend.assistant.scheduling.SchedulingGateway;
import com.aiassistants.common.scheduling.ProfessionalsTools.Professional;
import com.aiassistants.common.scheduling.ProfessionalsTools.Service;

/** The tenant's active services and professionals (loaded once per turn, on first use) and their matchers. */
final class Catalog {

    final List<Service> services;
    final List<Professional> professionals;
    final FuzzyMatcher<Service> serviceMatcher;
    final FuzzyMatcher<Professional> professionalMatcher;

    Catalog(SchedulingGateway gateway, String tenantId) {
        this.services = gateway.services(tenantId).stream().filter(Service::active).toList();
        this.professionals = gateway.professionals(tenantId).stream().filter(Professional::active).toList();
        this.serviceMatcher = new FuzzyMatcher<>(services, Service::name);
        this.professionalMatcher = new FuzzyMatcher<>(professionals, Professional::name);
    }

    Optional<Service> service(String id) {
        return services.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    Optional<Professional> professional(String id) {
        return professionals.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    boolean offers(Professional professional, Service service) {
        return (service.professionalIds() != null && service.professionalIds().contains(professional.id()))
                || (professional.serviceIds() != null && professional.serviceIds().contains(service.id()));
    }

    List<Professional> professionalsFor(Service service) {
        return professionals.stream().filter(p -> offers(p, service)).toList();
    }

    List<Service> servicesOf(Professional professional) {
        return services.stream().filter(s -> offers(professional, s)).toList();
    }
}
