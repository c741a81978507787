package com.aiassistants.backend.channel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.aiassistants.backend.support.Inputs;
import com.aiassistants.common.channel.OpaqueId;
import com.aiassistants.common.channel.PlainText;

/**
 * Body of the web message endpoints: {@code text}, plus optional {@code message_id} (dedupe key),
 * {@code customer_name} and, for the async variant, {@code callback_url}.
 */
public record WebMessage(@NotBlank @Size(max = Inputs.MAX_TEXT) @PlainText String text, @OpaqueId String messageId,
        @Size(max = 200) @PlainText String customerName, @Size(max = 2048) String callbackUrl) {
}
