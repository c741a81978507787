package com.aiassistants.professionals.directory;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aiassistants.common.mcp.server.ToolException;
import com.aiassistants.common.scheduling.ProfessionalsTools.Professional;
import com.aiassistants.common.scheduling.ProfessionalsTools.UpsertProfessionalInput;
import com.aiassistants.professionals.search.FuzzyMatcher;
import com.aiassistants.professionals.support.Ids;
import com.aiassistants.professionals.support.Inputs;

/** Professionals of a tenant: listing, fuzzy search by name and create/update. */
@Service
public class ProfessionalDirectory {

    static final int MAX_SEARCH_RESULTS = 10;

    private final ProfessionalRepository repository;

    public ProfessionalDirectory(ProfessionalRepository repository) {
        this.repository = repository;
    }

    @Transactional(readOnly = true)
    public List<Professional> list(String tenant, String serviceId, boolean includeInactive) {
        return repository.list(tenant, serviceId == null || serviceId.isBlank() ? null : serviceId.trim(), includeInactive);
    }

    @Transactional(readOnly = true)
    public Professional get(String tenant, String professionalId) {
        String id = Inputs.required(professionalId, "professional_id", 100);
        return repository.find(tenant, id).orElseThrow(() -> Inputs.notFound("professional", id));
    }

    /** Active professionals whose name (or specialty) matches the query, best first, at most 10. */
    @Transactional(readOnly = true)
    public List<Professional> search(String tenant, String query) {
        List<String> words = FuzzyMatcher.queryWords(Inputs.required(query, "query", 200));
        if (words.isEmpty()) {
            throw Inputs.invalid("query must contain letters or digits");
        }
        record Scored(Professional professional, double score) {
        }
        return repository.list(tenant, null, false).stream()
                .map(p -> new Scored(p, Math.max(FuzzyMatcher.score(words, p.name()),
                        0.8 * FuzzyMatcher.score(words, p.name() + " " + nullToEmpty(p.specialty())))))
                .filter(s -> s.score() > 0)
                .sorted(Comparator.comparingDouble(Scored::score).reversed()
                        .thenComparing(s -> s.professional().name()))
                .limit(MAX_SEARCH_RESULTS)
                .map(Scored::professional)
                .toList();
    }

    /**
     * Creates (no id) or updates (id given) a professional. On update, absent optional fields keep
     * their value and empty strings clear them.
     */
    @Transactional
    public Professional upsert(String tenant, UpsertProfessionalInput input) {
        String name = Inputs.required(input.name(), "name", 200);
        String specialty = Inputs.optional(input.specialty(), "specialty", 120);
        String area = Inputs.optional(input.area(), "area", 120);
        String email = Inputs.email(input.email());
        String phone = Inputs.phone(input.phone());
        String requestedId = Inputs.optional(input.professionalId(), "professional_id", 100);
        Set<String> serviceIds = serviceIds(tenant, input.serviceIds());
        if (requestedId == null || requestedId.isEmpty()) {
            var row = new ProfessionalRepository.Row(Ids.newId(Ids.PROFESSIONAL), name, labelId(tenant, specialty, true),
                    labelId(tenant, area, false), emptyToNull(email), emptyToNull(phone),
                    input.active() == null || input.active());
            repository.insert(tenant, row);
            if (serviceIds != null) {
                repository.replaceServices(tenant, row.id(), serviceIds);
            }
            return repository.find(tenant, row.id()).orElseThrow();
        }
        var existing = repository.findRow(tenant, requestedId)
                .orElseThrow(() -> Inputs.notFound("professional", requestedId));
        var row = new ProfessionalRepository.Row(existing.id(), name,
                specialty == null ? existing.specialtyId() : labelId(tenant, specialty, true),
                area == null ? existing.areaId() : labelId(tenant, area, false),
                email == null ? existing.email() : emptyToNull(email),
                phone == null ? existing.phone() : emptyToNull(phone),
                input.active() == null ? existing.active() : input.active());
        repository.update(tenant, row);
        if (serviceIds != null) {
            repository.replaceServices(tenant, row.id(), serviceIds);
        }
        return repository.find(tenant, row.id()).orElseThrow();
    }

    private Set<String> serviceIds(String tenant, List<String> requested) {
        if (requested == null) {
            return null;
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String id : requested) {
            ids.add(Inputs.required(id, "service_ids[]", 100));
        }
        if (repository.countExistingServices(tenant, ids) != ids.size()) {
            throw new ToolException(Inputs.NOT_FOUND, "Some of the services " + ids + " do not exist for this tenant");
        }
        return ids;
    }

    /** Used by the demo loader: creates a professional with a fixed, well-known id. */
    @Transactional
    public void createWithId(String tenant, String id, String name, String specialty, String area, String email,
            String phone) {
        repository.insert(tenant, new ProfessionalRepository.Row(id, name, labelId(tenant, specialty, true),
                labelId(tenant, area, false), email, Inputs.phone(phone), true));
    }

    private String labelId(String tenant, String label, boolean specialty) {
        if (label == null || label.isEmpty()) {
            return null;
        }
        return specialty ? repository.specialtyId(tenant, label) : repository.areaId(tenant, label);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
