package com.aiassistants.backend.orders;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.aiassistants.backend.support.Inputs;
import com.aiassistants.backend.tenant.AdminUsers.Role;
import com.aiassistants.backend.tenant.Caller;
import com.aiassistants.common.channel.PlainText;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The console's side of the orders hook: the owner sets the project's hook URL and secret (the secret is write-only:
 * no route returns it and it is never logged); every role reads a customer's claims.
 */
@RestController
@Tag(name = "admin")
public class OrderHookController {

    private final OrderHooks hooks;
    private final Claims claims;

    public OrderHookController(OrderHooks hooks, Claims claims) {
        this.hooks = hooks;
        this.claims = claims;
    }

    /** {@code secret}: absent or empty keeps the stored one (needed the first time); 16-200 characters. */
    public record OrderHookUpdate(@NotBlank @Size(max = 2000) String url,
            @Size(min = 16, max = 200) @PlainText String secret) {

        @Override
        public String toString() {
            return "OrderHookUpdate[url=" + url + ", secret=" + (secret == null ? "none" : "***") + "]";
        }
    }

    @Operation(summary = "The project's orders hook: its URL and whether a secret is set (owner)")
    @GetMapping("/v1/admin/projects/{projectId}/order-hook")
    public OrderHooks.OrderHookView get(Caller caller, @PathVariable String projectId) {
        own(caller, projectId);
        return hooks.view(projectId);
    }

    @Operation(summary = "Set the orders hook's URL and (write-only) secret (owner)")
    @PutMapping("/v1/admin/projects/{projectId}/order-hook")
    public OrderHooks.OrderHookView put(Caller caller, @PathVariable String projectId, @Valid @RequestBody OrderHookUpdate update) {
        own(caller, projectId);
        return hooks.save(projectId, update.url(), update.secret(), caller.subject());
    }

    @Operation(summary = "Remove the orders hook (owner): the assistant says it cannot look orders up")
    @DeleteMapping("/v1/admin/projects/{projectId}/order-hook")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(Caller caller, @PathVariable String projectId) {
        own(caller, projectId);
        hooks.remove(projectId, caller.subject());
    }

    @Operation(summary = "The claims a patient made through the assistant, newest first")
    @GetMapping("/v1/admin/customers/{customerId}/claims")
    public Claims.ClaimList claims(Caller caller, @PathVariable String customerId) {
        String project = caller.requireAdminOnOwnProject(Role.STAFF);
        return new Claims.ClaimList(claims.of(project, Inputs.opaqueId("customer_id", customerId)));
    }

    private static void own(Caller caller, String projectId) {
        Inputs.id("project_id", projectId);
        caller.requireProject(projectId, Role.OWNER);
    }
}
