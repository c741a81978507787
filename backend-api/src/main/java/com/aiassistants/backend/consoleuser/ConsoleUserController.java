package com.aiassistants.backend.consoleuser;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.aiassistants.backend.support.Inputs;
import com.aiassistants.backend.tenant.AdminAuthController.LoginResponse;
import com.aiassistants.backend.tenant.AdminUsers.AdminUser;
import com.aiassistants.backend.tenant.AdminUsers.Role;
import com.aiassistants.backend.tenant.Caller;
import com.aiassistants.backend.tenant.CallerAuthentication;
import com.aiassistants.backend.tenant.Projects;
import com.aiassistants.backend.tenant.Tokens;
import com.aiassistants.common.web.ApiProblem;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The Settings page's console users (owners and superadmins only) and the invitee's set-password link. */
@RestController
@Tag(name = "admin")
public class ConsoleUserController {

    private final ConsoleUsers users;
    private final Projects projects;
    private final Tokens tokens;

    public ConsoleUserController(ConsoleUsers users, Projects projects, Tokens tokens) {
        this.users = users;
        this.projects = projects;
        this.tokens = tokens;
    }

    /** @param delivery how invitations reach people here: {@code link} (set-password link) or {@code cognito} */
    public record UserList(List<ConsoleUsers.UserView> users,
            @Schema(allowableValues = {"link", "cognito"}) String delivery) {
    }

    @Operation(summary = "The project's console users (owner)")
    @GetMapping("/v1/admin/projects/{projectId}/users")
    public UserList list(Caller caller, @PathVariable String projectId) {
        ownProject(caller, projectId);
        return new UserList(users.list(projectId), users.delivery());
    }

    public record InviteRequest(@NotBlank @Email @Size(max = 320) String email,
            @NotBlank @Schema(allowableValues = {"owner", "admin", "staff"}) String role) {
    }

    @Operation(summary = "Invite a console user (owner): a set-password link shown once, or a Cognito user")
    @PostMapping("/v1/admin/projects/{projectId}/users")
    @ResponseStatus(HttpStatus.CREATED)
    public ConsoleUsers.Invitation invite(Caller caller, @PathVariable String projectId,
            @Valid @RequestBody InviteRequest request) {
        ownProject(caller, projectId);
        String by = SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication auth
                && auth.email() != null ? auth.email() : caller.subject();
        return users.invite(projectId, request.email(), role(request.role()), by);
    }

    public record RoleChange(@NotBlank @Schema(allowableValues = {"owner", "admin", "staff"}) String role) {
    }

    @Operation(summary = "Change a console user's role (owner); 409 last-owner")
    @PutMapping("/v1/admin/projects/{projectId}/users/{userId}/role")
    public ConsoleUsers.UserView changeRole(Caller caller, @PathVariable String projectId, @PathVariable UUID userId,
            @Valid @RequestBody RoleChange request) {
        ownProject(caller, projectId);
        return users.changeRole(projectId, userId, role(request.role()));
    }

    @Operation(summary = "Deactivate a console user (owner): no sign-in, sessions end; 409 last-owner")
    @PostMapping("/v1/admin/projects/{projectId}/users/{userId}/deactivate")
    public ConsoleUsers.UserView deactivate(Caller caller, @PathVariable String projectId, @PathVariable UUID userId) {
        ownProject(caller, projectId);
        return users.deactivate(projectId, userId);
    }

    @Operation(summary = "Reactivate a console user (owner)")
    @PostMapping("/v1/admin/projects/{projectId}/users/{userId}/reactivate")
    public ConsoleUsers.UserView reactivate(Caller caller, @PathVariable String projectId, @PathVariable UUID userId) {
        ownProject(caller, projectId);
        return users.reactivate(projectId, userId);
    }

    @Operation(summary = "A new set-password link for an invited user (owner); the old one stops working")
    @PostMapping("/v1/admin/projects/{projectId}/users/{userId}/invitation")
    public ConsoleUsers.Invitation renewInvitation(Caller caller, @PathVariable String projectId,
            @PathVariable UUID userId) {
        ownProject(caller, projectId);
        return users.renewInvitation(projectId, userId);
    }

    public record InviteToken(@NotBlank @Size(max = 200) String token) {
    }

    public record InviteInfo(String email, String projectName) {
    }

    @Operation(summary = "Whose set-password link this is (no session needed); 410 invite-invalid")
    @PostMapping("/v1/admin/invites/lookup")
    public InviteInfo lookup(@Valid @RequestBody InviteToken request) {
        return users.lookup(request.token()).map(u -> new InviteInfo(u.email(), u.projectName()))
                .orElseThrow(() -> new ApiProblem(HttpStatus.GONE, "invite-invalid",
                        "this link is unknown, used or expired: ask an owner for a new one"));
    }

    public record AcceptInvite(@NotBlank @Size(max = 200) String token,
            @NotNull @Size(min = 8, max = 200) String password) {
    }

    @Operation(summary = "Set the password through the link and sign in (no session needed); 410 invite-invalid")
    @PostMapping("/v1/admin/invites/accept")
    public LoginResponse accept(@Valid @RequestBody AcceptInvite request) {
        if (request.password().isBlank()) {
            throw ApiProblem.badRequest("invalid-password", "password must not be blank");
        }
        AdminUser user = users.accept(request.token(), request.password());
        Tokens.Issued issued = tokens.session(user);
        return new LoginResponse(issued.token(), "Bearer", issued.expiresIn(), user.role().name().toLowerCase(Locale.ROOT),
                user.projectId(), user.superadmin());
    }

    private static Role role(String value) {
        try {
            return Role.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("invalid-role", "role must be owner, admin or staff");
        }
    }

    private void ownProject(Caller caller, String projectId) {
        Inputs.id("project_id", projectId);
        caller.requireProject(projectId, Role.OWNER);
        projects.require(projectId);
    }
}
