package com.aiassistants.common.channel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of backend-api's gateway webhook ({@link GatewayContract#INBOUND_PATH}): one message a WhatsApp user
 * sent. {@code reply_id} is the id (or payload) of a tapped button or list row; {@code callback_url} is
 * for the async variant only.
 *
 * @param timestampIso when the user sent it (ISO-8601), as WhatsApp reported it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GatewayInbound(
        @NotBlank @OpaqueId String messageId,
        @NotBlank @Pattern(regexp = PhoneNumbers.E164_PATTERN, message = "must be an E.164 phone number") String fromNumber,
        @Size(max = ChannelText.MAX_LENGTH) @PlainText String text,
        @Size(max = 64) String timestampIso,
        @OpaqueId String customerId,
        @Size(max = 200) @PlainText String customerName,
        @OpaqueId String replyId,
        @Size(max = 2048) String callbackUrl) {

    /** A message as the gateway forwards it (no callback). */
    public static GatewayInbound of(String messageId, String fromNumber, String text, String timestampIso,
            String customerName, String replyId) {
        return new GatewayInbound(messageId, fromNumber, text, timestampIso, null, customerName, replyId, null);
    }
}
