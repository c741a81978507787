package com.aiassistants.backend.assistant.nlu;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One user message prepared for rule matching: {@code normalized} is lower case without accents
 * (punctuation kept, so "15/01" and "10:30" survive), letters repeated three times or more said
 * once ("holaaa"), and chat spellings replaced by the word they stand for ({@link ChatSpelling}:
 * "mñn" → "manana", "xq" → "porque", "tmrw" → "tomorrow"); {@code tokens} are its alphanumeric words.
 * Matching is always by whole word or whole phrase, never by substring ("si" is not in "necesito").
 */
public record Utterance(String raw, String normalized, List<String> tokens, Set<String> words, String joined) {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern REPEATS = Pattern.compile("([a-z])\\1{2,}");

    public static Utterance of(String raw) {
        String text = raw == null ? "" : raw;
        String normalized = ChatSpelling.expand(REPEATS.matcher(normalize(text)).replaceAll("$1"));
        List<String> tokens = NON_WORD.splitAsStream(normalized).filter(t -> !t.isEmpty()).toList();
        return new Utterance(text, normalized, tokens, new HashSet<>(tokens), " " + String.join(" ", tokens) + " ");
    }

    /** Lower case, accents stripped (ñ becomes n), whitespace collapsed. */
    public static String normalize(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String stripped = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return SPACES.matcher(stripped).replaceAll(" ").strip();
    }

    public boolean has(String word) {
        return words.contains(word);
    }

    /** True if the normalised phrase (one or more words) occurs as whole words. */
    public boolean hasPhrase(String phrase) {
        return phrase.indexOf(' ') < 0 ? words.contains(phrase) : joined.contains(" " + phrase + " ");
    }

    public boolean hasAny(Iterable<String> phrases) {
        for (String phrase : phrases) {
            if (hasPhrase(phrase)) {
                return true;
            }
        }
        return false;
    }

    public boolean isBlank() {
        return tokens.isEmpty();
    }

    /** A copy without the characters [start, end) of the raw text (e.g. a recognised name). */
    public Utterance without(int start, int end) {
        return of(raw.substring(0, start) + " " + raw.substring(end));
    }
}
