package com.aiassistants.backend.tenant;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.aiassistants.backend.support.Inputs;
import com.aiassistants.backend.tenant.AdminUsers.Role;
import com.aiassistants.common.web.ApiProblem;

import io.swagger.v3.oas.annotations.tags.Tag;

/** Console administration of projects, API keys and settings (console JWT only). */
@RestController
@Tag(name = "admin")
public class AdminProjectController {

    private final ProjectAdministration administration;
    private final Projects projects;
    private final ApiKeys apiKeys;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    public AdminProjectController(ProjectAdministration administration, Projects projects, ApiKeys apiKeys,
            org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.administration = administration;
        this.projects = projects;
        this.apiKeys = apiKeys;
    }

    public record CreateProjectRequest(@NotBlank @Size(max = 128) String id, @NotBlank @Size(max = 200) String name,
            @NotBlank String timeZone, @NotBlank String locale) {
    }

    @PostMapping("/v1/admin/projects")
    @ResponseStatus(HttpStatus.CREATED)
    public ProjectAdministration.CreatedProject createProject(Caller caller, @Valid @RequestBody CreateProjectRequest request) {
        caller.requireSuperadmin();
        return administration.create(request.id(), request.name(), request.timeZone(), request.locale());
    }

    /** A project on the superadmin page, with how many console users it has (active or invited). */
    public record ProjectRow(String projectId, String name,
            @io.swagger.v3.oas.annotations.media.Schema(allowableValues = {"es", "en"}) String locale, String timeZone,
            java.time.Instant createdAt, long users) {
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "Every project (superadmin)")
    @GetMapping("/v1/admin/projects")
    public List<ProjectRow> listProjects(Caller caller) {
        caller.requireSuperadmin();
        return jdbc.sql("""
                select p.id, p.name, p.locale, p.time_zone, p.created_at,
                       (select count(*) from admin_user u where u.project_id = p.id and u.deactivated_at is null) as users
                from project p order by p.created_at desc, p.id""")
                .query((rs, n) -> new ProjectRow(rs.getString("id"), rs.getString("name"), rs.getString("locale"),
                        rs.getString("time_zone"), rs.getTimestamp("created_at").toInstant(), rs.getLong("users")))
                .list();
    }

    public record CreateKeyRequest(@Size(max = 100) @com.aiassistants.common.channel.PlainText String name) {
    }

    @PostMapping("/v1/admin/projects/{projectId}/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    public ApiKeys.CreatedKey createKey(Caller caller, @PathVariable String projectId,
            @Valid @RequestBody(required = false) CreateKeyRequest request) {
        ownProject(caller, projectId, Role.OWNER);
        String name = request == null || request.name() == null || request.name().isBlank() ? "key" : request.name();
        return apiKeys.create(projectId, name);
    }

    @GetMapping("/v1/admin/projects/{projectId}/api-keys")
    public List<ApiKeys.ApiKeyView> listKeys(Caller caller, @PathVariable String projectId) {
        ownProject(caller, projectId, Role.OWNER);
        return apiKeys.list(projectId);
    }

    @DeleteMapping("/v1/admin/projects/{projectId}/api-keys/{keyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void revokeKey(Caller caller, @PathVariable String projectId, @PathVariable UUID keyId) {
        ownProject(caller, projectId, Role.OWNER);
        if (!apiKeys.revoke(projectId, keyId)) {
            throw ApiProblem.notFound("api key");
        }
    }

    public record SettingsView(String id, String name, String timeZone, String locale, ProjectSettings settings) {

        static SettingsView of(Project p) {
            return new SettingsView(p.id(), p.name(), p.zone().getId(), p.locale(), p.settings());
        }
    }

    public record SettingsUpdate(@NotBlank @Size(max = 200) String name, @NotBlank String timeZone,
            @NotBlank String locale, @Valid @NotNull ProjectSettings settings) {
    }

    @GetMapping("/v1/admin/projects/{projectId}/settings")
    public SettingsView settings(Caller caller, @PathVariable String projectId) {
        ownProject(caller, projectId, Role.STAFF);
        return SettingsView.of(projects.require(projectId));
    }

    @PutMapping("/v1/admin/projects/{projectId}/settings")
    public SettingsView updateSettings(Caller caller, @PathVariable String projectId,
            @Valid @RequestBody SettingsUpdate update) {
        ownProject(caller, projectId, Role.OWNER);
        // the orders hook has its own route (PUT …/order-hook, which checks the URL): kept as stored here
        ProjectSettings settings = update.settings().withOrderHook(projects.require(projectId).settings().orderHook());
        Project updated = projects.update(projectId, update.name(), ProjectAdministration.zone(update.timeZone()),
                ProjectAdministration.locale(update.locale()), settings, caller.subject());
        return SettingsView.of(updated);
    }

    @GetMapping("/v1/admin/projects/{projectId}/settings/history")
    public List<Projects.SettingsVersion> settingsHistory(Caller caller, @PathVariable String projectId) {
        ownProject(caller, projectId, Role.OWNER);
        return projects.history(projectId);
    }

    public record WebhookSecret(String webhookSecret) {
    }

    /** Rotates the HMAC secret of gateway webhooks and callbacks; the new secret is shown once. */
    @PostMapping("/v1/admin/projects/{projectId}/webhook-secret")
    public WebhookSecret rotateWebhookSecret(Caller caller, @PathVariable String projectId) {
        ownProject(caller, projectId, Role.OWNER);
        return new WebhookSecret(projects.rotateWebhookSecret(projectId));
    }

    private void ownProject(Caller caller, String projectId, Role minimum) {
        Inputs.id("project_id", projectId);
        caller.requireProject(projectId, minimum);
        projects.require(projectId);
    }
}
