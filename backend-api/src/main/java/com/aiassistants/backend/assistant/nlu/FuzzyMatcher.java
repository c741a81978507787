package com.aiassistants.backend.assistant.nlu;

import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds catalogue entries (services, professionals) named in a message, tolerant to accents, case,
 * prefixes ("kine" → "Kinesiología") and typos (one edit for words of 5+ letters, two for 8+).
 * An entry scores the mean best similarity of its significant name words; the best entries within a
 * small margin are returned, so "consulta" returns both consultations (ambiguous) while "limpieza"
 * returns only "Limpieza dental".
 */
public final class FuzzyMatcher<T> {

    private static final Set<String> STOP = Set.copyOf(java.util.List.of("de", "del", "la", "el", "los", "las", "y", "con", "para", "por",
            "dr", "dra", "doctor", "doctora", "lic", "licenciado", "licenciada", "prof", "sr", "sra", "the", "of", "and",
            "with", "for", "un", "una", "mr", "mrs", "ms", "en", "al", "que", "quiero", "turno", "want", "book", "consultar",
            "consulto", "consultarte", "consultando", "consulte", "consultarles", "consultas"));
    /**
     * Everyday English (and Spain's) words for what Spanish catalogues call otherwise. A word in a message stands for
     * every word of its list ("dental" may be the cleaning or the dentist's consultation); a word of a catalogue name
     * for the first only, so a name keeps the weight of its own words.
     */
    private static final java.util.Map<String, List<String>> SYNONYMS = java.util.Map.ofEntries(
            java.util.Map.entry("cleaning", List.of("limpieza")), java.util.Map.entry("cleanings", List.of("limpieza")),
            java.util.Map.entry("clean", List.of("limpieza")), java.util.Map.entry("consultation", List.of("consulta")),
            java.util.Map.entry("checkup", List.of("consulta")), java.util.Map.entry("chequeo", List.of("consulta")),
            java.util.Map.entry("physio", List.of("kinesiologia")), java.util.Map.entry("physiotherapy", List.of("kinesiologia")),
            java.util.Map.entry("kinesiology", List.of("kinesiologia")), java.util.Map.entry("fisio", List.of("kinesiologia")),
            java.util.Map.entry("fisioterapia", List.of("kinesiologia")),
            java.util.Map.entry("dentist", List.of("odontologica")), java.util.Map.entry("dentista", List.of("odontologica")),
            java.util.Map.entry("odontologo", List.of("odontologica")), java.util.Map.entry("odontologa", List.of("odontologica")),
            java.util.Map.entry("dental", List.of("dental", "odontologica")));
    private static final double MIN_SCORE = 0.4;
    private static final double MARGIN = 0.05;

    private final List<Entry<T>> entries;

    private record Entry<T>(T value, String[] tokens) {
    }

    public FuzzyMatcher(List<T> values, Function<T, String> name) {
        List<Entry<T>> built = new ArrayList<>(values.size());
        for (T value : values) {
            String[] tokens = significant(Utterance.of(name.apply(value)).tokens(), false);
            if (tokens.length > 0) {
                built.add(new Entry<>(value, tokens));
            }
        }
        this.entries = built;
    }

    /** The best-matching entries (one when clear, several when ambiguous, none when nothing matches). */
    public List<T> match(Utterance utterance) {
        String[] words = significant(utterance.tokens(), true);
        if (words.length == 0) {
            return List.of();
        }
        double best = 0;
        double[] scores = new double[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            scores[i] = score(entries.get(i).tokens(), words);
            best = Math.max(best, scores[i]);
        }
        if (best < MIN_SCORE) {
            return List.of();
        }
        List<T> result = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (scores[i] >= best - MARGIN) {
                result.add(entries.get(i).value());
            }
        }
        return result;
    }

    private static double score(String[] nameTokens, String[] words) {
        double total = 0;
        for (String nameToken : nameTokens) {
            double tokenBest = 0;
            for (String word : words) {
                tokenBest = Math.max(tokenBest, similarity(word, nameToken));
                if (tokenBest == 1.0) {
                    break;
                }
            }
            total += tokenBest;
        }
        return total / nameTokens.length;
    }

    static double similarity(String word, String nameToken) {
        if (word.equals(nameToken)) {
            return 1.0;
        }
        int shorter = Math.min(word.length(), nameToken.length());
        if (shorter >= 4 && (nameToken.startsWith(word) || word.startsWith(nameToken))) {
            return 0.9;
        }
        int allowed = nameToken.length() >= 8 ? 2 : nameToken.length() >= 5 ? 1 : 0;
        if (allowed > 0 && Math.abs(word.length() - nameToken.length()) <= allowed
                && withinDistance(word, nameToken, allowed)) {
            return 0.8;
        }
        return 0;
    }


    /** The words that can name an entry, each put for its synonyms: all of them in a message, the first in a name. */
    private static String[] significant(List<String> tokens, boolean message) {
        return tokens.stream().filter(t -> t.length() >= 3 && !STOP.contains(t) && !t.chars().allMatch(Character::isDigit))
                .flatMap(t -> {
                    List<String> meanings = SYNONYMS.getOrDefault(t, List.of(t));
                    return message ? meanings.stream() : java.util.stream.Stream.of(meanings.getFirst());
                }).distinct().toArray(String[]::new);
    }

    @Override
    public String toString() {
        return "FuzzyMatcher" + entries.stream().map(e -> Arrays.toString(e.tokens())).toList();
    }

    /** Whether the Levenshtein distance of {@code a} and {@code b} is at most {@code limit}. */
    static boolean withinDistance(String a, String b, int limit) {
        int distance = new LevenshteinDistance(limit).apply(a, b);
        return distance >= 0 && distance <= limit;
    }
}
