package com.aiassistants.professionals.catalog;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.aiassistants.common.mcp.server.ToolException;
import com.aiassistants.common.scheduling.ProfessionalsTools.Service;
import com.aiassistants.common.scheduling.ProfessionalsTools.UpsertServiceInput;
import com.aiassistants.professionals.directory.ProfessionalRepository;
import com.aiassistants.professionals.search.FuzzyMatcher;
import com.aiassistants.professionals.support.Ids;
import com.aiassistants.professionals.support.Inputs;

/** The services a tenant offers: what, how long, how much, and who performs them. */
@Component
public class ServiceCatalog {

    public static final int MIN_DURATION = 5;
    public static final int MAX_DURATION = 480;
    public static final int MAX_BUFFER = 240;

    private final ServiceRepository services;
    private final ProfessionalRepository professionals;

    public ServiceCatalog(ServiceRepository services, ProfessionalRepository professionals) {
        this.services = services;
        this.professionals = professionals;
    }

    /**
     * Active services in one statement (the hot path of slot search); with a query, only those whose
     * name matches it fuzzily, best first.
     */
    @Transactional(readOnly = true)
    public List<Service> list(String tenant, String professionalId, String query, boolean includeInactive) {
        String professional = professionalId == null || professionalId.isBlank() ? null : professionalId.trim();
        List<Service> all = services.list(tenant, professional, includeInactive);
        if (all.isEmpty() && professional != null && !professionals.exists(tenant, professional)) {
            throw Inputs.notFound("professional", professional);
        }
        if (query == null || query.isBlank()) {
            return all;
        }
        List<String> words = FuzzyMatcher.queryWords(Inputs.required(query, "query", 200));
        record Scored(Service service, double score) {
        }
        return all.stream()
                .map(s -> new Scored(s, FuzzyMatcher.score(words, s.name())))
                .filter(s -> s.score() > 0)
                .sorted(Comparator.comparingDouble(Scored::score).reversed())
                .map(Scored::service)
                .toList();
    }

    /**
     * Creates (no id) or updates (id given) a service. On update, absent optional fields keep their
     * value; professional_ids, when given, replaces the list ([] removes everyone).
     */
    @Transactional
    public Service upsert(String tenant, UpsertServiceInput input) {
        String requestedId = Inputs.optional(input.serviceId(), "service_id", 100);
        boolean create = requestedId == null || requestedId.isEmpty();
        ServiceRepository.Row existing = create ? null : services.findRowForUpdate(tenant, requestedId)
                .orElseThrow(() -> Inputs.notFound("service", requestedId));
        String name = Inputs.required(input.name(), "name", 200);
        String description = Inputs.optional(input.description(), "description", 1000);
        int duration = Inputs.between(input.durationMinutes(), MIN_DURATION, MAX_DURATION, "duration_minutes");
        Integer buffer = input.bufferMinutes() == null ? null
                : Inputs.between(input.bufferMinutes(), 0, MAX_BUFFER, "buffer_minutes");
        String currency = Inputs.currency(input.currency());
        BigDecimal price = price(input.price());
        Set<String> professionalIds = professionalIds(tenant, input.professionalIds());

        ServiceRepository.Row row = create
                ? new ServiceRepository.Row(Ids.newId(Ids.SERVICE), name, emptyToNull(description), duration,
                        buffer == null ? 0 : buffer, price, currency, input.active() == null || input.active())
                : new ServiceRepository.Row(existing.id(), name,
                        description == null ? existing.description() : emptyToNull(description), duration,
                        buffer == null ? existing.bufferMinutes() : buffer,
                        price == null ? existing.price() : price,
                        currency == null ? existing.currency() : currency,
                        input.active() == null ? existing.active() : input.active());
        if (row.price() != null && row.currency() == null) {
            throw Inputs.invalid("currency is required when a price is given, e.g. ARS");
        }
        if (create) {
            services.insert(tenant, row);
        } else {
            services.update(tenant, row);
        }
        if (professionalIds != null) {
            services.replaceProfessionals(tenant, row.id(), professionalIds);
        }
        return services.find(tenant, row.id()).orElseThrow();
    }

    /** Used by the demo loader: a service with a fixed, well-known id. */
    @Transactional
    public void createWithId(String tenant, String id, String name, String description, int durationMinutes,
            int bufferMinutes, BigDecimal price, String currency, List<String> professionalIds) {
        services.insert(tenant, new ServiceRepository.Row(id, name, description, durationMinutes, bufferMinutes, price,
                currency, true));
        services.replaceProfessionals(tenant, id, professionalIds);
    }

    private static BigDecimal price(BigDecimal price) {
        if (price == null) {
            return null;
        }
        if (price.signum() < 0) {
            throw Inputs.invalid("price must not be negative");
        }
        if (price.stripTrailingZeros().scale() > 2 || price.compareTo(new BigDecimal("9999999999.99")) > 0) {
            throw Inputs.invalid("price must have at most 2 decimals and be below 10,000,000,000");
        }
        return price;
    }

    private Set<String> professionalIds(String tenant, List<String> requested) {
        if (requested == null) {
            return null;
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String id : requested) {
            ids.add(Inputs.required(id, "professional_ids[]", 100));
        }
        if (professionals.countExisting(tenant, ids) != ids.size()) {
            List<String> missing = ids.stream().filter(id -> !professionals.exists(tenant, id)).toList();
            throw new ToolException(Inputs.NOT_FOUND,
                    "No professional with id " + missing + " exists for this tenant",
                    Map.of("missing_professional_ids", missing));
        }
        return ids;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
