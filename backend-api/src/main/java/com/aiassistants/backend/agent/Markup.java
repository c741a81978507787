package com.aiassistants.backend.agent;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds text that is not for a patient's eyes: tool-call markup a model wrote as text (a vLLM server with
 * the wrong tool parser returns {@code <tool_call>{…}</tool_call>} as content; Llama writes
 * {@code <function=…>} or {@code <|python_tag|>}; Mistral {@code [TOOL_CALLS]}), JSON objects (a tool call
 * as a bare {@code {"name": …, "arguments": …}} blob), function-call syntax ({@code find_available_slots(…)}),
 * reasoning blocks ({@code <think>}), code fences, HTML/XML tags and unfilled template placeholders
 * ({@code {{name}}}, {@code {fecha}}, {@code ${x}}, {@code [NOMBRE]}, {@code %s}). WhatsApp's own
 * formatting ({@code *bold*}, {@code _italic_}) and ordinary punctuation pass.
 */
final class Markup {

    /** One kind of markup: what it is (for logs) and how to find it. */
    private record Kind(String name, Pattern pattern) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("special token", Pattern.compile("<\\|[^|<>\\n]{1,40}\\|>|<\\|[a-z_]{2,40}>|<[a-z_]{2,40}\\|>")),
            new Kind("tag", Pattern.compile("</?[A-Za-z][\\w:.-]{0,40}(\\s[^<>]{0,200})?/?>")),
            new Kind("control marker", Pattern.compile("\\[/?[A-Z][A-Z_]{2,}\\]")),
            new Kind("JSON object", Pattern.compile("\\{\\s*\"[^\"\\n]{1,64}\"\\s*:")),
            new Kind("JSON object", Pattern.compile("\\{\\s*'[^'\\n]{1,64}'\\s*:")),
            new Kind("function call", Pattern.compile("\\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\\s*\\(")),
            new Kind("code fence", Pattern.compile("```")),
            new Kind("template placeholder", Pattern.compile(
                    "\\{\\{[^{}]{0,60}\\}\\}|\\$\\{[^{}]{0,60}\\}|\\{\\s*[A-Za-z_][\\w.]{0,40}\\s*\\}|%[sd]\\b|%\\(\\w+\\)s")),
            new Kind("template placeholder", Pattern.compile(
                    "\\[(?:[A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ _]{2,30}|(?i:nombre|name|fecha|date|hora|time|servicio|service|"
                            + "profesional|professional|cliente|customer|precio|price)[^\\]]{0,30})\\]")));

    private Markup() {
    }

    /** What kind of markup {@code text} contains, if any. */
    static Optional<String> find(String text) {
        for (Kind kind : KINDS) {
            var matcher = kind.pattern().matcher(text);
            if (matcher.find()) {
                String found = matcher.group();
                return Optional.of(kind.name() + " '" + (found.length() > 40 ? found.substring(0, 40) + "…" : found) + "'");
            }
        }
        return Optional.empty();
    }
}
