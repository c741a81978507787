package com.aiassistants.backend.assistant.nlu;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Customer names: "me llamo Ana Gómez", "mi nombre es Ana", "soy Ana", "my name is Ann Lee", "I'm Ann",
 * or a bare answer ("Ana Gómez") when the assistant just asked for the name. Words that cannot be part
 * of a name ("soy nueva", "I'm looking", "y quiero…") end or reject the match, and a bare answer made only of
 * yes, no or "later" words ("dale", "listo", "bueno") is not a name.
 */
public final class NameExtractor {

    private static final Pattern INTRO = Pattern.compile(
            "(?iu)(?:^|[\\s,.;!¡¿])(?:me llamo|mi nombre es|my name is|i am|i'm|i’m|im|soy|this is|name's|habla)\\s+"
                    + "(\\p{L}[\\p{L}'’-]*(?:\\s+\\p{L}[\\p{L}'’-]*){0,3})");
    private static final Pattern BARE = Pattern.compile("(?u)^\\s*(\\p{L}[\\p{L}'’.-]*(?:\\s+\\p{L}[\\p{L}'’.-]*){0,3})\\s*[.!]?\\s*$");
    private static final Set<String> STOP = Set.copyOf(java.util.List.of("y", "e", "and", "quiero", "queria", "quisiera", "necesito", "busco",
            "tengo", "want", "would", "need", "like", "looking", "para", "for", "con", "with", "el", "la", "un", "una",
            "a", "an", "i", "me", "te", "que", "porque", "pero", "but", "gracias", "thanks", "hola", "hello", "hi",
            "por", "favor", "please", "turno", "nuevo", "nueva", "paciente", "cliente", "de", "del", "from", "the",
            "interested", "interesado", "interesada", "calling", "trying", "here", "aca", "aqui", "just", "also",
            "not", "no", "si", "yes", "ok", "going", "sorry", "perdon", "bien", "good", "fine", "asking", "writing",
            "escribo", "consultando", "booking", "in", "on", "at", "tu", "su", "your", "mi", "my", "so", "the"));

    private NameExtractor() {
    }

    /** A recognised name and where it sits in the raw text (so it can be removed before other matching). */
    public record NameMatch(String name, int start, int end) {
    }

    public static Optional<NameMatch> introduced(String raw) {
        Matcher m = INTRO.matcher(raw);
        while (m.find()) {
            Optional<NameMatch> name = clean(m.group(1), m.start(1));
            if (name.isPresent()) {
                return name;
            }
        }
        return Optional.empty();
    }

    /** The whole message as a name, for answers to "what is your name?". */
    public static Optional<NameMatch> bare(String raw) {
        Matcher m = BARE.matcher(raw);
        if (!m.matches()) {
            return Optional.empty();
        }
        String candidate = m.group(1);
        String[] words = candidate.split("\\s+");
        boolean allNameWords = Arrays.stream(words)
                .noneMatch(w -> STOP.contains(Utterance.normalize(w).replaceAll("[^a-z]", "")));
        // "dale", "listo", "bueno", "vale": an answer, not a name (though "Dale Smith" is one)
        boolean onlyAnAnswer = Arrays.stream(words).allMatch(w -> Confirmation.of(Utterance.of(w)) != Confirmation.NONE);
        return allNameWords && !onlyAnAnswer ? clean(candidate, m.start(1)) : Optional.empty();
    }

    private static Optional<NameMatch> clean(String candidate, int offset) {
        String[] words = candidate.split("\\s+");
        int kept = 0;
        for (String word : words) {
            if (STOP.contains(Utterance.normalize(word).replaceAll("[^a-z]", ""))) {
                break;
            }
            kept++;
        }
        if (kept == 0) {
            return Optional.empty();
        }
        String[] nameWords = Arrays.copyOf(words, kept);
        String name = Arrays.stream(nameWords).map(NameExtractor::capitalize).collect(Collectors.joining(" "));
        int length = String.join(" ", nameWords).length();
        return Optional.of(new NameMatch(name, offset, offset + length));
    }

    private static String capitalize(String word) {
        String lower = word.toLowerCase(Locale.ROOT).replace(".", "");
        return lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
