package com.aiassistants.common.channel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of backend-api's gateway notice webhook ({@link GatewayContract#NOTICE_PATH}): something WhatsApp told us
 * about a user that is not a message to answer. The only kind today is {@value #NUMBER_CHANGED}: the user now
 * writes from {@code new_number} (WhatsApp's {@code system} message {@code user_changed_number}).
 *
 * @param messageId WhatsApp's id of the system message (repeated calls with it are recorded once)
 * @param timestampIso when WhatsApp reported it (ISO-8601)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GatewayNotice(
        @NotBlank @Pattern(regexp = NUMBER_CHANGED, message = "must be " + NUMBER_CHANGED) String kind,
        @NotBlank @OpaqueId String messageId,
        @NotBlank @Pattern(regexp = PhoneNumbers.E164_PATTERN, message = "must be an E.164 phone number") String fromNumber,
        @NotBlank @Pattern(regexp = PhoneNumbers.E164_PATTERN, message = "must be an E.164 phone number") String newNumber,
        @Size(max = 64) String timestampIso) {

    public static final String NUMBER_CHANGED = "number_changed";

    public static GatewayNotice numberChanged(String messageId, String fromNumber, String newNumber, String timestampIso) {
        return new GatewayNotice(NUMBER_CHANGED, messageId, fromNumber, newNumber, timestampIso);
    }
}
