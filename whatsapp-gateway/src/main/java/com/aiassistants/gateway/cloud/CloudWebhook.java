package com.aiassistants.gateway.cloud;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The Cloud API webhook body as Meta posts it ({@code object}, {@code entry[].changes[].value}): the parts the gateway
 * reads, with the wire's names. Unknown fields are ignored and absent ones are empty, so a payload newer than this
 * code still routes what it can; a body of another shape altogether is refused as unreadable.
 */
record CloudWebhook(@JsonProperty("object") String object, @JsonProperty("entry") List<Entry> entry) {

    CloudWebhook {
        entry = orEmpty(entry);
    }

    record Entry(@JsonProperty("id") String id, @JsonProperty("changes") List<Change> changes) {
        Entry {
            changes = orEmpty(changes);
        }
    }

    record Change(@JsonProperty("field") String field, @JsonProperty("value") Value value) {
        Change {
            value = Objects.requireNonNullElseGet(value, () -> new Value(null, null, null, null));
        }
    }

    record Value(@JsonProperty("metadata") Metadata metadata, @JsonProperty("contacts") List<Contact> contacts,
            @JsonProperty("messages") List<Message> messages, @JsonProperty("statuses") List<Status> statuses) {
        Value {
            metadata = Objects.requireNonNullElseGet(metadata, () -> new Metadata(null, null));
            contacts = orEmpty(contacts);
            messages = orEmpty(messages);
            statuses = orEmpty(statuses);
        }
    }

    record Metadata(@JsonProperty("display_phone_number") String displayPhoneNumber,
            @JsonProperty("phone_number_id") String phoneNumberId) {
        Metadata {
            phoneNumberId = orBlank(phoneNumberId);
        }
    }

    /** A sender: {@code wa_id} is the phone number; {@code user_id} the business-scoped id when there is none. */
    record Contact(@JsonProperty("wa_id") String waId, @JsonProperty("user_id") String userId,
            @JsonProperty("profile") Profile profile) {

        String key() {
            return waId != null ? waId : orBlank(userId);
        }

        String name() {
            return profile == null ? null : profile.name();
        }
    }

    record Profile(@JsonProperty("name") String name) {
    }

    record Message(@JsonProperty("from") String from, @JsonProperty("from_user_id") String fromUserId,
            @JsonProperty("user_id") String userId, @JsonProperty("id") String id,
            @JsonProperty("timestamp") Long timestamp, @JsonProperty("type") String type,
            @JsonProperty("text") Text text, @JsonProperty("interactive") Interactive interactive,
            @JsonProperty("button") Button button, @JsonProperty("reaction") Reaction reaction,
            @JsonProperty("system") SystemChange system, @JsonProperty("unsupported") Unsupported unsupported,
            @JsonProperty("errors") List<Error> errors) {

        Message {
            from = orBlank(from);
            id = orBlank(id);
            type = orBlank(type);
            errors = orEmpty(errors);
        }

        String senderUserId() {
            return fromUserId != null ? fromUserId : orBlank(userId);
        }

        String body() {
            return text == null ? "" : orBlank(text.body());
        }

        /** What WhatsApp could say of a message it could not show: the unsupported type or the first error's title. */
        String unreadableReason() {
            if (unsupported != null && unsupported.type() != null) {
                return unsupported.type();
            }
            return errors.isEmpty() ? "" : orBlank(errors.getFirst().title());
        }
    }

    record Text(@JsonProperty("body") String body) {
    }

    /** A tapped reply button or list row: the part named by {@code type} ({@code button_reply} or {@code list_reply}). */
    record Interactive(@JsonProperty("type") String type, @JsonProperty("button_reply") Reply buttonReply,
            @JsonProperty("list_reply") Reply listReply) {

        Reply reply() {
            Reply reply = switch (orBlank(type)) {
                case "button_reply" -> buttonReply;
                case "list_reply" -> listReply;
                default -> null;
            };
            return reply == null ? new Reply(null, null) : reply;
        }
    }

    record Reply(@JsonProperty("id") String id, @JsonProperty("title") String title) {
        Reply {
            id = orBlank(id);
            title = orBlank(title);
        }
    }

    /** A quick-reply button of a template. */
    record Button(@JsonProperty("payload") String payload, @JsonProperty("text") String text) {
        Button {
            payload = orBlank(payload);
            text = orBlank(text);
        }
    }

    record Reaction(@JsonProperty("message_id") String messageId, @JsonProperty("emoji") String emoji) {
    }

    /** {@code system}: {@code type} {@code user_changed_number} names the new number in {@code wa_id}. */
    record SystemChange(@JsonProperty("type") String type, @JsonProperty("wa_id") String waId,
            @JsonProperty("new_wa_id") String newWaId) {

        String newNumber() {
            return waId != null ? waId : orBlank(newWaId);
        }
    }

    record Unsupported(@JsonProperty("type") String type) {
    }

    record Status(@JsonProperty("id") String id, @JsonProperty("status") String status,
            @JsonProperty("timestamp") Long timestamp, @JsonProperty("errors") List<Error> errors) {
        Status {
            id = orBlank(id);
            status = orBlank(status);
            errors = orEmpty(errors);
        }
    }

    record Error(@JsonProperty("code") String code, @JsonProperty("title") String title,
            @JsonProperty("error_data") ErrorData errorData) {

        /** The title and, when Meta gives them, the details: what staff read next to a failed delivery. */
        String description() {
            String details = errorData == null ? "" : orBlank(errorData.details());
            return (orBlank(title) + " " + details).trim();
        }
    }

    record ErrorData(@JsonProperty("details") String details) {
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }

    private static String orBlank(String value) {
        return value == null ? "" : value;
    }
}
