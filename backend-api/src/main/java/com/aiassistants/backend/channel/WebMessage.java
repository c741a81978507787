package com.aiassistants.backend.channel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.aiassistants.backend.support.Inputs;

/**
 * Body of the web message endpoints: {@code text}, plus optional {@code message_id} (dedupe key),
 * {@code customer_name} and, for the async variant, {@code callback_url}.
 */
public record WebMessage(@NotBlank @Size(max = Inputs.MAX_TEXT) String text, @Size(max = 128) String messageId,
        @Size(max = 200) String customerName, @Size(max = 2048) String callbackUrl) {
}
