package com.aiassistants.gateway.provider;

import java.util.List;

import com.aiassistants.common.channel.GatewayReply;

/**
 * A provider-neutral message to one user, as stored in the outbox {@code body}.
 * Kinds: {@code text}; {@code buttons}; {@code list}; {@code template}. A provider fits it to its own limits
 * when sending (the Cloud API's: {@link WhatsAppLimits}). A message of another kind may carry its own approved
 * template (name, language, body parameters, quick-reply button payloads), sent instead of it where only a
 * template may go (the Cloud API outside the 24-hour window) in place of the tenant's window template.
 */
public record OutgoingMessage(
        Kind kind,
        String text,
        List<Button> buttons,
        String listTitle,
        List<ListItem> listItems,
        String templateName,
        String templateLanguage,
        List<String> templateParameters,
        List<String> templateButtonPayloads) {

    public enum Kind { TEXT, BUTTONS, LIST, TEMPLATE }

    public record Button(String id, String title) {
    }

    public record ListItem(String id, String title, String description) {
    }

    public static OutgoingMessage text(String text) {
        return new OutgoingMessage(Kind.TEXT, text, null, null, null, null, null, null, null);
    }

    public static OutgoingMessage buttons(String text, List<Button> buttons) {
        return new OutgoingMessage(Kind.BUTTONS, text, List.copyOf(buttons), null, null, null, null, null, null);
    }

    public static OutgoingMessage list(String text, String listTitle, List<ListItem> items) {
        return new OutgoingMessage(Kind.LIST, text, null, listTitle, List.copyOf(items), null, null, null, null);
    }

    public static OutgoingMessage template(String name, String language, List<String> parameters) {
        return template(name, language, parameters, List.of());
    }

    /** @param buttonPayloads the payload of each quick-reply button of the template, in order (WhatsApp sends it back on a tap) */
    public static OutgoingMessage template(String name, String language, List<String> parameters,
            List<String> buttonPayloads) {
        return new OutgoingMessage(Kind.TEMPLATE, null, null, null, null, name, language, List.copyOf(parameters),
                buttonPayloads == null ? List.of() : List.copyOf(buttonPayloads));
    }

    /** This message with its own template for where only a template may be sent (language null = the project's). */
    public OutgoingMessage withOwnTemplate(String name, String language, List<String> parameters,
            List<String> buttonPayloads) {
        return new OutgoingMessage(kind, text, buttons, listTitle, listItems, name, language,
                parameters == null ? List.of() : List.copyOf(parameters),
                buttonPayloads == null ? List.of() : List.copyOf(buttonPayloads));
    }

    /** A non-template message that names the template to send in its place outside the window. */
    public boolean hasOwnTemplate() {
        return kind != Kind.TEMPLATE && templateName != null && !templateName.isBlank();
    }

    /** Its own template as a message of kind template. */
    public OutgoingMessage ownTemplate(String language) {
        return template(templateName, language, templateParameters == null ? List.of() : templateParameters,
                templateButtonPayloads);
    }

    /** The message that answers a backend reply, or null for "no reply" (e.g. a human took the conversation over). */
    public static OutgoingMessage of(GatewayReply reply) {
        String text = reply.responseText();
        if (text == null || text.isBlank()) {
            return null;
        }
        if (GatewayReply.BUTTONS.equals(reply.interactiveType()) && reply.buttons() != null && !reply.buttons().isEmpty()) {
            return buttons(text, reply.buttons().stream().map(b -> new Button(b.id(), b.title())).toList());
        }
        if (GatewayReply.LIST.equals(reply.interactiveType()) && reply.listItems() != null && !reply.listItems().isEmpty()) {
            return list(text, reply.listTitle(), reply.listItems().stream()
                    .map(i -> new ListItem(i.id(), i.title(), i.description())).toList());
        }
        return text(text);
    }

    /** The same message with another body text. */
    public OutgoingMessage withText(String newText) {
        return new OutgoingMessage(kind, newText, buttons, listTitle, listItems, templateName, templateLanguage,
                templateParameters, templateButtonPayloads);
    }

    /** The text a channel without interactive messages shows: body plus numbered options. */
    public String asPlainText() {
        StringBuilder out = new StringBuilder(text == null ? "" : text);
        if (kind == Kind.BUTTONS && buttons != null) {
            for (int i = 0; i < buttons.size(); i++) {
                out.append('\n').append(i + 1).append(". ").append(buttons.get(i).title());
            }
        }
        if (kind == Kind.LIST && listItems != null) {
            for (int i = 0; i < listItems.size(); i++) {
                out.append('\n').append(i + 1).append(". ").append(listItems.get(i).title());
            }
        }
        return out.toString();
    }
}
