package com.aiassistants.backend.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

/** The phone page's view of the gateway's simulator messages (its transcript entries and live frames). */
public final class PhoneMessages {

    private PhoneMessages() {
    }

    /** A button or list item the bot offered. */
    public record Choice(String id, String title, @Schema(types = {"string", "null"}) String description) {
    }

    /**
     * One message of a simulated chat.
     *
     * @param direction {@code in}: the patient wrote it; {@code out}: the bot or staff sent it
     * @param kind      {@code text}, {@code buttons}, {@code list}, {@code template}; a patient's tap is {@code interactive}
     * @param replyId   the button/list item a patient tapped
     */
    public record PhoneMessage(long id, @Schema(allowableValues = {"in", "out"}) String direction,
            @Schema(allowableValues = {"text", "buttons", "list", "interactive", "media", "template"}) String kind,
            @Schema(types = {"string", "null"}) String text,
            @Schema(types = {"array", "null"}) List<Choice> buttons,
            @Schema(types = {"string", "null"}) String listTitle,
            @Schema(types = {"array", "null"}) List<Choice> listItems,
            @Schema(types = {"string", "null"}) String replyId,
            Instant at) {
    }

    /** A live frame of {@code /v1/ws/simulator}: a message of the watched phone, or an {@code error}. */
    public record PhoneFrame(String type, String phone, String messageId, String direction, String kind, String text,
            List<Choice> buttons, String listTitle, List<Choice> listItems, String replyId, String error) {

        static PhoneFrame error(String error) {
            return new PhoneFrame("error", null, null, null, null, null, null, null, null, null, error);
        }
    }

    /** A transcript entry of {@code GET /simulator/users/{phone}/messages}: {@code {id, direction, body, at}}. */
    static PhoneMessage fromTranscript(JsonNode entry) {
        JsonNode body = entry.path("body");
        return new PhoneMessage(entry.path("id").asLong(), entry.path("direction").asString(null),
                body.path("kind").asString(null), text(body, "text"), choices(body.get("buttons")), text(body, "list_title"),
                choices(body.get("list_items")), text(body, "reply_id"), Instant.parse(entry.path("at").asString()));
    }

    /** A frame of the gateway's {@code /simulator/ws}: the body's fields flattened beside type/tenant/phone. */
    static PhoneFrame fromEvent(JsonNode event) {
        return new PhoneFrame("message", event.path("phone").asString(null), text(event, "message_id"),
                text(event, "direction"), text(event, "kind"), text(event, "text"), choices(event.get("buttons")),
                text(event, "list_title"), choices(event.get("list_items")), text(event, "reply_id"), null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static List<Choice> choices(JsonNode array) {
        if (array == null || !array.isArray()) {
            return null;
        }
        List<Choice> choices = new ArrayList<>();
        array.forEach(item -> choices.add(new Choice(text(item, "id"), text(item, "title"), text(item, "description"))));
        return choices;
    }
}
