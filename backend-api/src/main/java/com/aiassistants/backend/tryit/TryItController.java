package com.aiassistants.backend.tryit;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.aiassistants.backend.support.Inputs;
import com.aiassistants.backend.tenant.AdminUsers.Role;
import com.aiassistants.backend.tenant.Caller;
import com.aiassistants.backend.tryit.TryItViews.TryReply;
import com.aiassistants.backend.tryit.TryItViews.TryRequest;
import com.aiassistants.common.web.ApiProblem;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The Flows page's "try it" panel: admins and owners chat with an unsaved flow draft in a sandbox conversation. */
@RestController
@Validated
@Tag(name = "flows")
public class TryItController {

    private final SandboxConversations sandboxes;

    public TryItController(SandboxConversations sandboxes) {
        this.sandboxes = sandboxes;
    }

    @Operation(summary = "Send a message to an unsaved flow draft in a sandbox conversation (never WhatsApp, no bookings, "
            + "not in the inbox; admin)")
    @PostMapping("/v1/admin/flows/try")
    public TryReply tryDraft(Caller caller, @RequestBody @Valid TryRequest body) {
        String project = caller.requireAdminOnOwnProject(Role.ADMIN);
        String replyId = Inputs.optionalOpaqueId("reply_id", body.replyId());
        if (replyId == null && body.text().isBlank()) {
            throw invalid("text", "must not be blank");
        }
        String text = Inputs.text(body.text(), replyId != null);
        return sandboxes.turn(project, body.sandboxId(), text, replyId, body.flow());
    }

    @Operation(summary = "Reset a sandbox conversation: its messages and what the assistant remembered are deleted (admin)")
    @DeleteMapping("/v1/admin/flows/try/{sandbox_id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void reset(Caller caller, @PathVariable("sandbox_id") String sandboxId) {
        String project = caller.requireAdminOnOwnProject(Role.ADMIN);
        if (sandboxId == null || !sandboxId.matches(TryItViews.SANDBOX_ID)) {
            throw invalid("sandbox_id", "must be a sandbox id from an earlier answer");
        }
        sandboxes.reset(project, sandboxId);
    }

    private static ApiProblem invalid(String field, String message) {
        return ApiProblem.badRequest("validation-failed", "Request validation failed")
                .with("errors", List.of(Map.of("field", field, "message", message)));
    }
}
