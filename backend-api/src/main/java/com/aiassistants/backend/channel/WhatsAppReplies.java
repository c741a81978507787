package com.aiassistants.backend.channel;

import java.util.List;

import com.aiassistants.backend.assistant.AssistantReply;
import com.aiassistants.backend.conversation.TurnResult;
import com.aiassistants.common.channel.GatewayReply;

/** A turn's result as the gateway webhook answers it; the interactive fields only when the reply has a menu. */
public final class WhatsAppReplies {

    private WhatsAppReplies() {
    }

    public static GatewayReply of(TurnResult result) {
        AssistantReply.Interactive interactive = result.interactive();
        if (interactive == null || interactive.options() == null || interactive.options().isEmpty()) {
            return GatewayReply.text(result.conversationId(), result.messageId(), result.text());
        }
        if (interactive.type() == AssistantReply.Interactive.Type.BUTTONS) {
            List<GatewayReply.Button> buttons = interactive.options().stream().limit(3)
                    .map(o -> new GatewayReply.Button(o.id(), o.title())).toList();
            return new GatewayReply(result.conversationId(), result.messageId(), result.text(), GatewayReply.BUTTONS,
                    buttons, null, null);
        }
        List<GatewayReply.ListItem> items = interactive.options().stream().limit(10)
                .map(o -> new GatewayReply.ListItem(o.id(), o.title(), o.description())).toList();
        return new GatewayReply(result.conversationId(), result.messageId(), result.text(), GatewayReply.LIST, null,
                interactive.title(), items);
    }
}
