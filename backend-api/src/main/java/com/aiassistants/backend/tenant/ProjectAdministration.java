package com.aiassistants.backend.tenant;

import java.time.DateTimeException;
import java.time.ZoneId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aiassistants.backend.support.Inputs;
import com.aiassistants.common.web.ApiProblem;

/** Creating projects (admin REST, management CLI, demo seeding share this). */
@Service
public class ProjectAdministration {

    private final Projects projects;
    private final ApiKeys apiKeys;

    public ProjectAdministration(Projects projects, ApiKeys apiKeys) {
        this.projects = projects;
        this.apiKeys = apiKeys;
    }

    /** The new project with its secrets, each shown only here. */
    public record CreatedProject(String id, String name, String timeZone, String locale, String webhookSecret,
            ApiKeys.CreatedKey apiKey) {
    }

    @Transactional
    public CreatedProject create(String id, String name, String timeZone, String locale) {
        Inputs.id("project_id", id);
        ZoneId zone = zone(timeZone);
        String checkedLocale = locale(locale);
        String secret = Projects.newSecret();
        if (!projects.create(id, name, zone, checkedLocale, ProjectSettings.empty(), secret)) {
            throw ApiProblem.conflict("project-exists", "a project with id " + id + " exists");
        }
        ApiKeys.CreatedKey key = apiKeys.create(id, "default");
        return new CreatedProject(id, name, zone.getId(), checkedLocale, secret, key);
    }

    public static ZoneId zone(String timeZone) {
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException | NullPointerException e) {
            throw ApiProblem.badRequest("invalid-time-zone", "time_zone must be an IANA zone such as America/Argentina/Buenos_Aires");
        }
    }

    public static String locale(String locale) {
        if (!"es".equals(locale) && !"en".equals(locale)) {
            throw ApiProblem.badRequest("invalid-locale", "locale must be es or en");
        }
        return locale;
    }
}
