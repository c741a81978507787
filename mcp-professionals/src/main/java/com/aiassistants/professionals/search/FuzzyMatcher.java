package com.aiassistants.professionals.search;

import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.List;
import java.util.Set;

/**
 * Scores how well a free-text query matches a name, ignoring accents, case, punctuation,
 * courtesy titles and small typos: "Perez", "perez maria", "dra perez" and "peres" all match
 * "Dra. María Pérez". Every meaningful query word must match some word of the name, by equality
 * (1.0), prefix (0.9), substring (0.7) or an edit distance of 1 (2 for long words) (0.6); the
 * score is the mean, 0 meaning no match. Tenants hold tens to hundreds of names, so scoring them
 * in memory after one query is cheaper and more forgiving than an index.
 */
public final class FuzzyMatcher {

    private static final Set<String> FILLER = Set.of("dr", "dra", "doctor", "doctora", "lic", "licenciado",
            "licenciada", "sr", "sra", "srta", "prof", "profesor", "profesora", "de", "del", "la", "el", "los", "las",
            "y", "con");

    private FuzzyMatcher() {
    }

    /** The query's words that carry meaning (titles and articles dropped unless nothing else is left). */
    public static List<String> queryWords(String query) {
        List<String> all = SearchText.tokens(query);
        List<String> meaningful = all.stream().filter(word -> !FILLER.contains(word)).toList();
        return meaningful.isEmpty() ? all : meaningful;
    }

    public static double score(List<String> queryWords, String candidate) {
        if (queryWords.isEmpty()) {
            return 0;
        }
        List<String> words = SearchText.tokens(candidate);
        double total = 0;
        for (String queryWord : queryWords) {
            double best = 0;
            for (String word : words) {
                best = Math.max(best, wordScore(queryWord, word));
            }
            if (best == 0) {
                return 0;
            }
            total += best;
        }
        return total / queryWords.size();
    }

    static double wordScore(String query, String word) {
        if (word.equals(query)) {
            return 1.0;
        }
        if (word.startsWith(query)) {
            return 0.9;
        }
        if (query.length() >= 3 && word.contains(query)) {
            return 0.7;
        }
        if (query.length() >= 4) {
            int allowed = query.length() >= 8 ? 2 : 1;
            String prefix = word.length() > query.length() ? word.substring(0, query.length()) : word;
            if (withinDistance(query, word, allowed) || withinDistance(query, prefix, allowed)) {
                return 0.6;
            }
        }
        return 0;
    }


    /** Whether the Levenshtein distance of {@code a} and {@code b} is at most {@code limit}. */
    static boolean withinDistance(String a, String b, int limit) {
        int distance = new LevenshteinDistance(limit).apply(a, b);
        return distance >= 0 && distance <= limit;
    }
}
