package com.aiassistants.gateway.cloud;

import java.util.ArrayList;
import java.util.List;

import com.aiassistants.gateway.provider.OutgoingMessage;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST {graph}/{phone_number_id}/messages} as the Graph API reads it: a text, reply buttons, a
 * list or an approved template. Names are the wire's, whatever the mapper's naming; absent parts are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record GraphMessage(@JsonProperty("messaging_product") String messagingProduct,
        @JsonProperty("recipient_type") String recipientType, @JsonProperty("to") String to,
        @JsonProperty("type") String type, @JsonProperty("text") Text text,
        @JsonProperty("interactive") Interactive interactive, @JsonProperty("template") Template template) {

    record Text(@JsonProperty("preview_url") boolean previewUrl, @JsonProperty("body") String body) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Interactive(@JsonProperty("type") String type, @JsonProperty("body") Body body,
            @JsonProperty("action") Action action) {
    }

    record Body(@JsonProperty("text") String text) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Action(@JsonProperty("buttons") List<Button> buttons, @JsonProperty("button") String button,
            @JsonProperty("sections") List<Section> sections) {
    }

    record Button(@JsonProperty("type") String type, @JsonProperty("reply") Reply reply) {
    }

    record Reply(@JsonProperty("id") String id, @JsonProperty("title") String title) {
    }

    record Section(@JsonProperty("title") String title, @JsonProperty("rows") List<Row> rows) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Row(@JsonProperty("id") String id, @JsonProperty("title") String title,
            @JsonProperty("description") String description) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Template(@JsonProperty("name") String name, @JsonProperty("language") Language language,
            @JsonProperty("components") List<Component> components) {
    }

    record Language(@JsonProperty("code") String code) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Component(@JsonProperty("type") String type, @JsonProperty("sub_type") String subType,
            @JsonProperty("index") String index, @JsonProperty("parameters") List<Parameter> parameters) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Parameter(@JsonProperty("type") String type, @JsonProperty("text") String text,
            @JsonProperty("payload") String payload) {
    }

    /** The Graph API message for {@code m} to {@code to} (titles and descriptions clipped to WhatsApp's limits). */
    static GraphMessage of(String to, OutgoingMessage m) {
        return switch (m.kind()) {
            case TEXT -> message(to, "text", new Text(false, m.text()), null, null);
            case BUTTONS -> message(to, "interactive", null, new Interactive("button", new Body(m.text()),
                    new Action(m.buttons().stream()
                            .map(b -> new Button("reply", new Reply(b.id(), clip(b.title(), 20)))).toList(),
                            null, null)),
                    null);
            case LIST -> message(to, "interactive", null, new Interactive("list", new Body(m.text()),
                    new Action(null, clip(m.listTitle(), 20), List.of(new Section(clip(m.listTitle(), 24),
                            m.listItems().stream().map(item -> new Row(item.id(), clip(item.title(), 24),
                                    item.description() == null || item.description().isBlank() ? null
                                            : clip(item.description(), 72)))
                                    .toList())))),
                    null);
            case TEMPLATE -> message(to, "template", null, null,
                    new Template(m.templateName(), new Language(m.templateLanguage()), components(m)));
        };
    }

    private static GraphMessage message(String to, String type, Text text, Interactive interactive, Template template) {
        return new GraphMessage("whatsapp", "individual", to, type, text, interactive, template);
    }

    /** The body's parameters, then one quick-reply component per button payload (a tap brings the payload back). */
    private static List<Component> components(OutgoingMessage m) {
        List<Component> components = new ArrayList<>();
        if (m.templateParameters() != null && !m.templateParameters().isEmpty()) {
            components.add(new Component("body", null, null,
                    m.templateParameters().stream().map(p -> new Parameter("text", p, null)).toList()));
        }
        List<String> payloads = m.templateButtonPayloads() == null ? List.of() : m.templateButtonPayloads();
        for (int i = 0; i < payloads.size(); i++) {
            components.add(new Component("button", "quick_reply", Integer.toString(i),
                    List.of(new Parameter("payload", null, payloads.get(i)))));
        }
        return components.isEmpty() ? null : components;
    }

    private static String clip(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
