package com.aiassistants.backend.tenant;

import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.aiassistants.common.web.ApiProblem;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "admin")
public class AdminAuthController {

    private final AdminUsers users;
    private final Tokens tokens;
    private final Projects projects;

    private final com.aiassistants.backend.ratelimit.RateLimiter rateLimiter;

    public AdminAuthController(AdminUsers users, Tokens tokens, Projects projects,
            com.aiassistants.backend.ratelimit.RateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
        this.users = users;
        this.tokens = tokens;
        this.projects = projects;
    }

    public record LoginRequest(@NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 200) String password) {
    }

    public record LoginResponse(String accessToken, String tokenType, long expiresIn, String role, String projectId,
            boolean superadmin) {
    }

    public record ProjectSummary(String projectId, String name, @Schema(allowableValues = {"es", "en"}) String locale,
            String timeZone) {

        static ProjectSummary of(Project project) {
            return new ProjectSummary(project.id(), project.name(), project.locale(), project.zone().getId());
        }
    }

    /**
     * The signed-in console user.
     *
     * @param projectId the project this call acts on (a superadmin's {@code X-Project-Id}, else the home project)
     * @param projects  the user's project, or every project for a superadmin
     */
    public record Me(@Schema(types = {"string", "null"}) String email,
            @Schema(allowableValues = {"owner", "admin", "staff"}) String role,
            @Schema(types = {"string", "null"}) String projectId,
            boolean superadmin, List<ProjectSummary> projects) {
    }

    @Operation(summary = "Who is signed in, and the projects they may open")
    @GetMapping("/v1/admin/me")
    public Me me(Caller caller) {
        caller.requireAnyProjectRole();
        List<ProjectSummary> visible = caller.superadmin()
                ? projects.all().stream().map(ProjectSummary::of).toList()
                : projects.find(caller.projectId()).map(ProjectSummary::of).stream().toList();
        if (caller.superadmin() && caller.project() != null) {
            projects.require(caller.project());
        }
        String email = SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication auth
                ? auth.email() : null;
        return new Me(email, caller.role().name().toLowerCase(Locale.ROOT), caller.project(), caller.superadmin(), visible);
    }

    @PostMapping("/v1/admin/login")
    public LoginResponse login(@Valid @RequestBody LoginRequest request, jakarta.servlet.http.HttpServletRequest http) {
        // failed attempts are throttled per account and per address (429 + Retry-After)
        rateLimiter.checkLogin(request.email(), http.getRemoteAddr());
        var found = users.login(request.email(), request.password());
        if (found.isEmpty()) {
            rateLimiter.loginFailed(request.email(), http.getRemoteAddr());
            throw ApiProblem.unauthorized("wrong e-mail or password");
        }
        var user = found.get();
        Tokens.Issued issued = tokens.session(user);
        return new LoginResponse(issued.token(), "Bearer", issued.expiresIn(), user.role().name().toLowerCase(),
                user.projectId(), user.superadmin());
    }
}
