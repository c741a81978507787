package com.aiassistants.backend.handoff;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.aiassistants.backend.support.Inputs;
import com.aiassistants.backend.tenant.AdminUsers.Role;
import com.aiassistants.backend.tenant.Caller;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Console conversation views and take-over (any console role of the project). */
@RestController
@Validated
@Tag(name = "admin")
public class AdminConversationController {

    private final HandoffService handoff;
    private final ConversationInbox inbox;

    public AdminConversationController(HandoffService handoff, ConversationInbox inbox) {
        this.handoff = handoff;
        this.inbox = inbox;
    }

    public record Paused(String conversationId, boolean paused) {
    }

    public record StaffReply(@NotBlank @Size(max = Inputs.MAX_TEXT) @com.aiassistants.common.channel.PlainText String text) {
    }

    @Operation(summary = "The project's conversations, newest activity first, with state and unread count")
    @GetMapping("/v1/admin/conversations")
    public ConversationInbox.ConversationPage list(Caller caller,
            @Parameter(description = "Search in customer name, phone digits (3 or more) and message text")
            @RequestParam(required = false) @Size(max = 100) @com.aiassistants.common.channel.PlainText String q,
            @Parameter(schema = @Schema(allowableValues = {"bot", "staff", "needs_human"}))
            @RequestParam(required = false) @Pattern(regexp = "bot|staff|needs_human") String state,
            @Parameter(schema = @Schema(allowableValues = {"whatsapp", "web"}))
            @RequestParam(required = false) @Pattern(regexp = "[a-z][a-z0-9_-]{0,31}") String channel,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return inbox.list(caller.requireAdminOnOwnProject(Role.STAFF), new ConversationInbox.Filter(q, state, channel),
                limit, offset);
    }

    @Operation(summary = "Mark every message of the conversation read (for the whole project)")
    @PostMapping("/v1/admin/conversations/{conversationId}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void read(Caller caller, @PathVariable String conversationId) {
        inbox.markRead(caller.requireAdminOnOwnProject(Role.STAFF), Inputs.id("conversation_id", conversationId));
    }

    @GetMapping("/v1/admin/conversations/{conversationId}/messages")
    public List<HandoffService.MessageView> messages(Caller caller, @PathVariable String conversationId,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
            @RequestParam(name = "before_id", required = false) Long beforeId) {
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
