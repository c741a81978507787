package com.aiassistants.backend.handoff;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.aiassistants.backend.support.Inputs;
import com.aiassistants.backend.tenant.AdminUsers.Role;
import com.aiassistants.backend.tenant.Caller;

import io.swagger.v3.oas.annotations.tags.Tag;

/** Console conversation views and take-over (any console role of the project). */
@RestController
@Validated
@Tag(name = "admin")
public class AdminConversationController {

    private final HandoffService handoff;

    public AdminConversationController(HandoffService handoff) {
        this.handoff = handoff;
    }

    public record Paused(String conversationId, boolean paused) {
    }

    public record StaffReply(@NotBlank @Size(max = Inputs.MAX_TEXT) String text) {
    }

    @GetMapping("/v1/admin/conversations")
    public List<HandoffService.ConversationSummary> list(Caller caller,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return handoff.list(caller.requireAdminOnOwnProject(Role.STAFF), limit, offset);
    }

    @GetMapping("/v1/admin/conversations/{conversationId}/messages")
    public List<HandoffService.MessageView> messages(Caller caller, @PathVariable String conversationId,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
            @RequestParam(required = false) Long beforeId) {
        return handoff.messages(caller.requireAdminOnOwnProject(Role.STAFF), Inputs.id("conversation_id", conversationId),
                limit, beforeId);
    }

    @PostMapping("/v1/admin/conversations/{conversationId}/pause")
    public Paused pause(Caller caller, @PathVariable String conversationId) {
        handoff.setPaused(caller.requireAdminOnOwnProject(Role.STAFF), Inputs.id("conversation_id", conversationId), true,
                caller.subject());
        return new Paused(conversationId, true);
    }

    @PostMapping("/v1/admin/conversations/{conversationId}/resume")
    public Paused resume(Caller caller, @PathVariable String conversationId) {
        handoff.setPaused(caller.requireAdminOnOwnProject(Role.STAFF), Inputs.id("conversation_id", conversationId), false,
                caller.subject());
        return new Paused(conversationId, false);
    }

    @PostMapping("/v1/admin/conversations/{conversationId}/reply")
    public HandoffService.MessageView reply(Caller caller, @PathVariable String conversationId,
            @Valid @RequestBody StaffReply reply) {
        return handoff.reply(caller.requireAdminOnOwnProject(Role.STAFF), Inputs.id("conversation_id", conversationId),
                reply.text());
    }
}
