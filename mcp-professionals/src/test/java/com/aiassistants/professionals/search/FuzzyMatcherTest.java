package com.aiassistants.professionals.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FuzzyMatcherTest {

    @Test
    void normalizesAccentsCaseAndPunctuation() {
        assertThat(SearchText.normalize("  Dra. María-José PÉREZ ")).isEqualTo("dra maria jose perez");
        assertThat(SearchText.normalize("Núñez")).isEqualTo("nunez");
    }

    @Test
    void ranksExactAbovePrefixAboveTypos() {
        String name = "Dra. María Pérez";
        double exact = FuzzyMatcher.score(FuzzyMatcher.queryWords("perez"), name);
        double prefix = FuzzyMatcher.score(FuzzyMatcher.queryWords("pere"), name);
        double typo = FuzzyMatcher.score(FuzzyMatcher.queryWords("peres"), name);
        assertThat(exact).isEqualTo(1.0);
        assertThat(prefix).isLessThan(exact).isGreaterThan(typo);
        assertThat(typo).isGreaterThan(0);
    }

    @Test
    void everyMeaningfulWordMustMatch() {
        assertThat(FuzzyMatcher.score(FuzzyMatcher.queryWords("maria gomez"), "Dra. María Pérez")).isZero();
        assertThat(FuzzyMatcher.score(FuzzyMatcher.queryWords("dra"), "Dra. María Pérez")).isEqualTo(1.0);
        assertThat(FuzzyMatcher.score(FuzzyMatcher.queryWords("xy"), "Dra. María Pérez")).isZero();
    }

    @Test
    void editDistanceStopsEarly() {
        assertThat(FuzzyMatcher.withinDistance("kitten", "sitting", 3)).isTrue();
        assertThat(FuzzyMatcher.withinDistance("kitten", "sitting", 2)).isFalse();
    }
}
