package com.aiassistants.backend.channel;

import java.util.List;

import com.aiassistants.backend.assistant.AssistantReply;
import com.aiassistants.backend.conversation.TurnResult;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Response of the gateway inbound webhook; the interactive fields only when the reply has a menu. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WhatsAppReply(String conversationId, String messageId, String responseText, String interactiveType,
        List<Button> buttons, String listTitle, List<ListItem> listItems) {

    public record Button(String id, String title) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ListItem(String id, String title, String description) {
    }

    public static WhatsAppReply of(TurnResult result) {
        AssistantReply.Interactive interactive = result.interactive();
        if (interactive == null || interactive.options() == null || interactive.options().isEmpty()) {
            return new WhatsAppReply(result.conversationId(), result.messageId(), result.text(), null, null, null, null);
        }
        if (interactive.type() == AssistantReply.Interactive.Type.BUTTONS) {
            List<Button> buttons = interactive.options().stream().limit(3)
                    .map(o -> new Button(o.id(), o.title())).toList();
            return new WhatsAppReply(result.conversationId(), result.messageId(), result.text(), "buttons", buttons,
                    null, null);
        }
        List<ListItem> items = interactive.options().stream().limit(10)
                .map(o -> new ListItem(o.id(), o.title(), o.description())).toList();
        return new WhatsAppReply(result.conversationId(), result.messageId(), result.text(), "list", null,
                interactive.title(), items);
    }
}
