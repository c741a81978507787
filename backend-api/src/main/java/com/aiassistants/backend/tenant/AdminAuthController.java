package com.aiassistants.backend.tenant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.aiassistants.common.web.ApiProblem;

import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "admin")
public class AdminAuthController {

    private final AdminUsers users;
    private final Tokens tokens;

    public AdminAuthController(AdminUsers users, Tokens tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    public record LoginRequest(@NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 200) String password) {
    }

    public record LoginResponse(String accessToken, String tokenType, long expiresIn, String role, String projectId,
            boolean superadmin) {
    }

    @PostMapping("/v1/admin/login")
    public LoginResponse login(@Valid @RequestBody LoginRequest request) {
        var user = users.login(request.email(), request.password())
                .orElseThrow(() -> ApiProblem.unauthorized("wrong e-mail or password"));
        Tokens.Issued issued = tokens.session(user);
        return new LoginResponse(issued.token(), "Bearer", issued.expiresIn(), user.role().name().toLowerCase(),
                user.projectId(), user.superadmin());
    }
}
