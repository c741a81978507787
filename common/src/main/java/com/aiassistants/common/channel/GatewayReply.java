package com.aiassistants.common.channel;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Answer of backend-api's gateway webhook: the text to send back (blank = send nothing, e.g. while staff
 * have taken the conversation over) and, when the reply offers choices, {@code interactive_type}
 * {@value #BUTTONS} with up to three {@code buttons} or {@value #LIST} with a {@code list_title} and up to ten
 * {@code list_items}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GatewayReply(String conversationId, String messageId, String responseText, String interactiveType,
        List<Button> buttons, String listTitle, List<ListItem> listItems) {

    public static final String BUTTONS = "buttons";
    public static final String LIST = "list";

    public record Button(String id, String title) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ListItem(String id, String title, String description) {
    }

    public static GatewayReply text(String conversationId, String messageId, String text) {
        return new GatewayReply(conversationId, messageId, text, null, null, null, null);
    }
}
