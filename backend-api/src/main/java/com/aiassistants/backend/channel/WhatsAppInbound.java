package com.aiassistants.backend.channel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.aiassistants.backend.support.Inputs;

/**
 * Body of the gateway inbound webhook (BRIEF §3) plus {@code reply_id} for tapped buttons/list
 * rows and, for the async variant, {@code callback_url}.
 */
public record WhatsAppInbound(
        @NotBlank @Pattern(regexp = Inputs.ID_PATTERN) String messageId,
        @NotBlank @Pattern(regexp = Inputs.PHONE_PATTERN, message = "must be an E.164 phone number") String fromNumber,
        @Size(max = Inputs.MAX_TEXT) String text,
        @Size(max = 64) String timestampIso,
        @Pattern(regexp = Inputs.ID_PATTERN) String customerId,
        @Size(max = 200) String customerName,
        @Pattern(regexp = Inputs.ID_PATTERN) String replyId,
        @Size(max = 2048) String callbackUrl) {
}
