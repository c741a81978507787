package com.aiassistants.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Asserts that a Graph API send request stays within the limits of Meta's send-message reference (messages
 * endpoint, interactive object): text body 1-4096 characters; interactive body 1-1024; 1-3 reply buttons with
 * unique titles of 1-20 characters and ids of 1-256; a list with a button label of 1-20, at most 10 rows in all,
 * row titles 1-24, descriptions up to 72, row ids 1-200, section titles up to 24; template body parameters
 * without new lines, tabs or more than four consecutive spaces; template button components of sub-type
 * {@code quick_reply} with an index and one {@code payload} parameter.
 */
public final class MetaSendLimits {

    private MetaSendLimits() {
    }

    public static void check(JsonNode send) {
        assertThat(send.path("messaging_product").asString()).isEqualTo("whatsapp");
        assertThat(send.path("to").asString()).as("to: a WhatsApp user's phone number").matches("\\+?[1-9][0-9]{6,14}");
        switch (send.path("type").asString()) {
            case "text" -> between(send.path("text").path("body").asString(), 1, 4096, "text.body");
            case "interactive" -> interactive(send.path("interactive"));
            case "template" -> {
                for (JsonNode component : send.path("template").path("components")) {
                    if ("button".equals(component.path("type").asString())) {
                        // a quick-reply button of the approved template: its index and the payload a tap sends back
                        assertThat(component.path("sub_type").asString()).isEqualTo("quick_reply");
                        assertThat(component.path("index").asString()).matches("[0-9]");
                        assertThat(component.path("parameters").size()).isEqualTo(1);
                        assertThat(component.path("parameters").path(0).path("type").asString()).isEqualTo("payload");
                        assertThat(component.path("parameters").path(0).path("payload").asString()).isNotBlank();
                        continue;
                    }
                    for (JsonNode parameter : component.path("parameters")) {
                        String text = parameter.path("text").asString();
                        assertThat(text).as("template parameter").doesNotContain("\n", "\t", "     ").isNotBlank();
                    }
                }
                assertThat(send.path("template").path("language").path("code").asString()).isNotBlank();
            }
            default -> throw new AssertionError("unexpected send type " + send.path("type"));
        }
    }

    private static void interactive(JsonNode interactive) {
        between(interactive.path("body").path("text").asString(), 1, 1024, "interactive.body.text");
        JsonNode action = interactive.path("action");
        if ("button".equals(interactive.path("type").asString())) {
            assertThat(action.path("buttons").size()).as("buttons").isBetween(1, 3);
            Set<String> titles = new HashSet<>();
            for (JsonNode button : action.path("buttons")) {
                String title = button.path("reply").path("title").asString();
                between(title, 1, 20, "button title");
                assertThat(titles.add(title)).as("unique button title " + title).isTrue();
                between(button.path("reply").path("id").asString(), 1, 256, "button id");
            }
        } else {
            assertThat(interactive.path("type").asString()).isEqualTo("list");
            between(action.path("button").asString(), 1, 20, "list button");
            int rows = 0;
            for (JsonNode section : action.path("sections")) {
                assertThat(section.path("title").asString().length()).as("section title").isLessThanOrEqualTo(24);
                for (JsonNode row : section.path("rows")) {
                    rows++;
                    between(row.path("title").asString(), 1, 24, "row title");
                    between(row.path("id").asString(), 1, 200, "row id");
                    assertThat(row.path("description").asString("").length()).as("row description").isLessThanOrEqualTo(72);
                }
            }
            assertThat(rows).as("list rows").isBetween(1, 10);
        }
    }

    private static void between(String value, int min, int max, String what) {
        assertThat(value.length()).as(what + " length of «" + value + "»").isBetween(min, max);
    }
}
