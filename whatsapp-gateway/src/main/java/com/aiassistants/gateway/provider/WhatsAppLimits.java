package com.aiassistants.gateway.provider;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.aiassistants.common.channel.ChannelText;

/**
 * Fits a message into WhatsApp's send limits (the Cloud API's reference) by rule, so Meta never refuses it for its
 * shape and the simulator shows what a phone would: text body
 * 4,096 characters; interactive body 1,024; at most 3 reply buttons (more become a list) with unique titles of
 * at most 20 characters and ids of at most 256; a list of at most 10 rows with titles of 24 and descriptions of 72
 * characters, row ids of at most 200, a section title of 24 and a button label of 20; template body parameters
 * without line breaks, tabs or more than four consecutive spaces. Texts are cut at a word boundary with "…".
 */
public final class WhatsAppLimits {

    public static final int TEXT_BODY = 4096;
    public static final int INTERACTIVE_BODY = 1024;
    public static final int MAX_BUTTONS = 3;
    public static final int BUTTON_TITLE = 20;
    public static final int BUTTON_ID = 256;
    public static final int MAX_ROWS = 10;
    public static final int ROW_TITLE = 24;
    public static final int ROW_DESCRIPTION = 72;
    public static final int ROW_ID = 200;
    public static final int SECTION_TITLE = 24;
    public static final int LIST_BUTTON = 20;
    /** Our cap for one template parameter (the approved template's own text shares Meta's 1,024-character body). */
    public static final int TEMPLATE_PARAMETER = 900;

    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*[\\r\\n]+\\s*");
    private static final Pattern SPACES = Pattern.compile("[\\t ]{2,}");
    private static final String ELLIPSIS = "…";

    private WhatsAppLimits() {
    }

    /** @param language {@code es} / {@code en}, for the label of a list that had none */
    public static OutgoingMessage fit(OutgoingMessage m, String language) {
        return fit(m, () -> language);
    }

    /** @param language asked only when a list needs a label of its own */
    public static OutgoingMessage fit(OutgoingMessage m, java.util.function.Supplier<String> language) {
        OutgoingMessage fitted = fitOwnKind(m, language);
        return m.hasOwnTemplate() ? fitted.withOwnTemplate(m.templateName(), m.templateLanguage(),
                m.templateParameters().stream().map(WhatsAppLimits::templateParameter).toList(),
                m.templateButtonPayloads()) : fitted;
    }

    private static OutgoingMessage fitOwnKind(OutgoingMessage m, java.util.function.Supplier<String> language) {
        return switch (m.kind()) {
            case TEXT -> OutgoingMessage.text(cut(blankToDot(m.text()), TEXT_BODY));
            case BUTTONS -> m.buttons().size() > MAX_BUTTONS
                    ? fit(OutgoingMessage.list(m.text(), null, m.buttons().stream()
                            .map(b -> new OutgoingMessage.ListItem(b.id(), b.title(), null)).toList()), language)
                    : OutgoingMessage.buttons(cut(blankToDot(m.text()), INTERACTIVE_BODY), buttons(m.buttons()));
            case LIST -> OutgoingMessage.list(cut(blankToDot(m.text()), INTERACTIVE_BODY), listTitle(m.listTitle(), language),
                    rows(m.listItems()));
            case TEMPLATE -> OutgoingMessage.template(m.templateName(), m.templateLanguage(),
                    m.templateParameters().stream().map(WhatsAppLimits::templateParameter).toList(),
                    m.templateButtonPayloads());
        };
    }

    /** Meta refuses template parameters with new lines, tabs or more than four consecutive spaces. */
    public static String templateParameter(String value) {
        String flat = LINE_BREAKS.matcher(value == null ? "" : value.strip()).replaceAll(" · ");
        flat = SPACES.matcher(flat.replace('\t', ' ')).replaceAll(" ");
        return cut(blankToDot(flat), TEMPLATE_PARAMETER);
    }

    private static List<OutgoingMessage.Button> buttons(List<OutgoingMessage.Button> buttons) {
        List<OutgoingMessage.Button> out = new ArrayList<>();
        Set<String> titles = new HashSet<>();
        for (int i = 0; i < buttons.size(); i++) {
            OutgoingMessage.Button b = buttons.get(i);
            String title = unique(cut(orDefault(b.title(), Integer.toString(i + 1)), BUTTON_TITLE), titles, BUTTON_TITLE);
            out.add(new OutgoingMessage.Button(id(b.id(), i, BUTTON_ID), title));
        }
        return out;
    }

    private static List<OutgoingMessage.ListItem> rows(List<OutgoingMessage.ListItem> items) {
        List<OutgoingMessage.ListItem> out = new ArrayList<>();
        Set<String> titles = new HashSet<>();
        for (int i = 0; i < Math.min(items.size(), MAX_ROWS); i++) {
            OutgoingMessage.ListItem item = items.get(i);
            String title = item.title() == null ? "" : item.title();
            String description = item.description();
            if (title.length() > ROW_TITLE && (description == null || description.isBlank())) {
                // the title's rest goes to the description instead of being lost
                description = title;
            }
            String rowTitle = unique(cut(orDefault(title, Integer.toString(i + 1)), ROW_TITLE), titles, ROW_TITLE);
            out.add(new OutgoingMessage.ListItem(id(item.id(), i, ROW_ID), rowTitle,
                    description == null || description.isBlank() ? null : cut(description, ROW_DESCRIPTION)));
        }
        return out;
    }

    private static String listTitle(String title, java.util.function.Supplier<String> language) {
        String label = title == null || title.isBlank() ? ("en".equals(language.get()) ? "Options" : "Opciones") : title;
        return cut(label, Math.min(LIST_BUTTON, SECTION_TITLE));
    }

    private static String unique(String title, Set<String> seen, int max) {
        String candidate = title;
        for (int n = 2; !seen.add(candidate); n++) {
            String suffix = " " + n;
            candidate = cut(title, max - suffix.length()) + suffix;
        }
        return candidate;
    }

    private static String id(String id, int index, int max) {
        String value = id == null || id.isBlank() ? "option-" + (index + 1) : id;
        return value.length() <= max ? value : value.substring(0, max);
    }

    private static String cut(String text, int max) {
        return ChannelText.shorten(text, max, ELLIPSIS);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Meta refuses an empty body or parameter. */
    private static String blankToDot(String text) {
        return text == null || text.isBlank() ? "…" : text;
    }
}
