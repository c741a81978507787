package com.aiassistants.backend.tryit;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.aiassistants.backend.assistant.AssistantReply;
import com.aiassistants.backend.support.Inputs;
import com.aiassistants.backend.tenant.ProjectSettings;

import io.swagger.v3.oas.annotations.media.Schema;

/** What the "try it" panel sends and reads (snake_case on the wire). */
public final class TryItViews {

    private TryItViews() {
    }

    static final String SANDBOX_ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /**
     * One message to the draft.
     *
     * @param sandboxId the sandbox conversation to continue (from an earlier answer); absent: a new one
     * @param text      what the tester writes (may be blank when {@code reply_id} is given)
     * @param replyId   the id of a button or list row the tester tapped
     * @param flow      the flow as currently edited in the form (greeting, required fields, menu style, engine, system
     *                  prompt, activation codes), used instead of the saved one
     */
    public record TryRequest(
            @Schema(description = "the sandbox conversation to continue (from an earlier answer); absent: a new one")
            @Pattern(regexp = SANDBOX_ID, message = "must be a sandbox id from an earlier answer") String sandboxId,
            @NotNull @Size(max = Inputs.MAX_TEXT) String text,
            @Schema(description = "the id of a button or list row the tester tapped")
            @Size(max = 256) String replyId,
            @Schema(description = "the flow as edited in the form, used instead of the saved one")
            @NotNull @Valid ProjectSettings.Flow flow) {
    }

    /**
     * The assistant's answer in the sandbox.
     *
     * @param sandboxId   send it with the next message to continue this conversation
     * @param text        the reply ({@code ""} when the assistant stayed silent, e.g. after handing over)
     * @param interactive buttons or a list to tap, or null
     * @param handedOver  the assistant handed the conversation to a person (further messages get no reply; reset)
     * @param messages    the sandbox conversation so far, oldest first
     * @param expiresAt   when the sandbox conversation is deleted unless another message arrives
     */
    public record TryReply(String sandboxId, String text, AssistantReply.Interactive interactive, boolean handedOver,
            List<TryMessage> messages, Instant expiresAt) {
    }

    /** One message of a sandbox conversation: {@code role} user or assistant. */
    public record TryMessage(String role, String text, Instant createdAt) {
    }
}
