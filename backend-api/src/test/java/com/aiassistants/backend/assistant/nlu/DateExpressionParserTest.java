package com.aiassistants.backend.assistant.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateExpressionParserTest {

    /** Monday 12 January 2026. */
    static final LocalDate MONDAY = LocalDate.of(2026, 1, 12);

    @ParameterizedTest(name = "{0} -> {1}..{2}")
    @CsvSource(delimiter = '|', textBlock = """
            hoy                              | 2026-01-12 | 2026-01-12
            today please                     | 2026-01-12 | 2026-01-12
            mañana                           | 2026-01-13 | 2026-01-13
            Mañana por la mañana             | 2026-01-13 | 2026-01-13
            tomorrow                         | 2026-01-13 | 2026-01-13
            pasado mañana                    | 2026-01-14 | 2026-01-14
            the day after tomorrow           | 2026-01-14 | 2026-01-14
            el martes                        | 2026-01-13 | 2026-01-13
            este viernes                     | 2026-01-16 | 2026-01-16
            el próximo jueves                | 2026-01-15 | 2026-01-15
            next Tuesday                     | 2026-01-13 | 2026-01-13
            next Monday                      | 2026-01-19 | 2026-01-19
            el lunes                         | 2026-01-19 | 2026-01-19
            el domingo                       | 2026-01-18 | 2026-01-18
            el martes de la semana que viene | 2026-01-20 | 2026-01-20
            Friday of next week              | 2026-01-23 | 2026-01-23
            la semana que viene              | 2026-01-19 | 2026-01-25
            la próxima semana                | 2026-01-19 | 2026-01-25
            next week                        | 2026-01-19 | 2026-01-25
            esta semana                      | 2026-01-12 | 2026-01-18
            15/01                            | 2026-01-15 | 2026-01-15
            15-01                            | 2026-01-15 | 2026-01-15
            15/01/2026                       | 2026-01-15 | 2026-01-15
            10/01                            | 2027-01-10 | 2027-01-10
            5/3/27                           | 2027-03-05 | 2027-03-05
            15 de enero                      | 2026-01-15 | 2026-01-15
            el 3 de febrero de 2026          | 2026-02-03 | 2026-02-03
            January 15th                     | 2026-01-15 | 2026-01-15
            15 Jan                           | 2026-01-15 | 2026-01-15
            on Feb 2                         | 2026-02-02 | 2026-02-02
            2026-01-15                       | 2026-01-15 | 2026-01-15
            el 20                            | 2026-01-20 | 2026-01-20
            el día 5                         | 2026-02-05 | 2026-02-05
            the 14th                         | 2026-01-14 | 2026-01-14
            en 3 días                        | 2026-01-15 | 2026-01-15
            in 10 days                       | 2026-01-22 | 2026-01-22
            """)
    void resolvesAgainstTheTenantsToday(String text, LocalDate from, LocalDate to) {
        assertThat(DateExpressionParser.parse(Utterance.of(text), MONDAY)).contains(new DateQuery(from, to));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            15/01 | 2026-12-20 | 2027-01-15
            01/15 | 2026-12-20 | 2027-01-15
            3/12  | 2026-12-20 | 2027-12-03
            """)
    void dateWithoutYearAlreadyPastRollsToNextYear(String text, LocalDate today, LocalDate expected) {
        String message = text.equals("01/15") ? "book for " + text : text;
        assertThat(DateExpressionParser.parse(Utterance.of(message), today)).contains(DateQuery.day(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            el sábado | 2026-01-16 | 2026-01-17
            el viernes | 2026-01-16 | 2026-01-23
            next week | 2026-01-18 | 2026-01-19
            """)
    void weekdaysRollOverWeeks(String text, LocalDate today, LocalDate expectedFrom) {
        assertThat(DateExpressionParser.parse(Utterance.of(text), today).orElseThrow().from()).isEqualTo(expectedFrom);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            a las 10
            10:30
            por la mañana
            quiero un turno
            31/02
            la opción 2
            may I book
            """)
    void notADate(String text) {
        assertThat(DateExpressionParser.parse(Utterance.of(text), MONDAY)).isEmpty();
    }
}
