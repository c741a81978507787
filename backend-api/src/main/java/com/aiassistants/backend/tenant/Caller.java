package com.aiassistants.backend.tenant;

import java.util.UUID;

import com.aiassistants.backend.tenant.AdminUsers.Role;
import com.aiassistants.common.web.ApiProblem;

/**
 * Who is calling: an integration with an API key (always one project) or a console user (one
 * project, or any project when superadmin; a superadmin picks one with {@code X-Project-Id}).
 * Controllers take it as a parameter; every query is scoped with {@link #projectId()}.
 */
public record Caller(Kind kind, String project, UUID apiKeyId, String subject, Role role, boolean superadmin) {

    public enum Kind { API_KEY, ADMIN }

    public static Caller apiKey(UUID keyId, String projectId) {
        return new Caller(Kind.API_KEY, projectId, keyId, "key:" + keyId, null, false);
    }

    /** The project this call acts on. */
    public String projectId() {
        if (project == null) {
            throw ApiProblem.badRequest("project-required", "superadmin calls must name a project in X-Project-Id");
        }
        return project;
    }

    public boolean isAdmin() {
        return kind == Kind.ADMIN;
    }

    /** Requires a console user allowed on {@code projectId} with at least {@code minimum} rights. */
    public void requireProject(String projectId, Role minimum) {
        if (kind != Kind.ADMIN) {
            throw ApiProblem.forbidden("this endpoint needs a console session, not an API key");
        }
        if (superadmin) {
            return;
        }
        if (!projectId.equals(project)) {
            throw ApiProblem.notFound("project");
        }
        if (role.ordinal() > minimum.ordinal()) {
            throw ApiProblem.forbidden("role " + role.name().toLowerCase() + " may not do this");
        }
    }

    /** Requires a console user on the caller's own project with at least {@code minimum} rights. */
    public String requireAdminOnOwnProject(Role minimum) {
        String projectId = projectId();
        requireProject(projectId, minimum);
        return projectId;
    }

    /** Requires a console user (any role); unlike {@link #requireProject} no project needs to be chosen. */
    public void requireAnyProjectRole() {
        if (kind != Kind.ADMIN) {
            throw ApiProblem.forbidden("this endpoint needs a console session, not an API key");
        }
    }

    public void requireSuperadmin() {
        if (kind != Kind.ADMIN || !superadmin) {
            throw ApiProblem.forbidden("only a superadmin may do this");
        }
    }

    public Caller withProject(String projectId) {
        return new Caller(kind, projectId, apiKeyId, subject, role, superadmin);
    }
}
