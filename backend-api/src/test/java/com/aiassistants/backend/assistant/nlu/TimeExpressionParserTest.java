package com.aiassistants.backend.assistant.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeExpressionParserTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            a las 10                | 10:00
            a las 10:30             | 10:30
            10:30                   | 10:30
            16 hs                   | 16:00
            16h                     | 16:00
            4 pm                    | 16:00
            4:30pm                  | 16:30
            10 am                   | 10:00
            12 pm                   | 12:00
            12 am                   | 00:00
            10 p.m.                 | 22:00
            a las 4                 | 16:00
            a la 1                  | 13:00
            at 5                    | 17:00
            a las 9                 | 09:00
            a las 10 y media        | 10:30
            a las 11 y cuarto       | 11:15
            a las 8 de la tarde     | 20:00
            mediodía                | 12:00
            at noon                 | 12:00
            el 15/01 a las 9:40     | 09:40
            """)
    void exactTimes(String text, LocalTime expected) {
        assertThat(TimeExpressionParser.parse(Utterance.of(text))).contains(TimeQuery.at(expected));
    }

    @ParameterizedTest(name = "{0} -> {1}..{2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            por la mañana           | -     | 11:59
            in the morning          | -     | 11:59
            por la tarde            | 13:00 | 19:59
            this afternoon          | 13:00 | 19:59
            a la noche              | 18:00 | -
            después de las 15       | 15:00 | -
            after 3 pm              | 15:00 | -
            antes de las 11         | -     | 10:59
            before 11               | -     | 10:59
            """)
    void windows(String text, LocalTime earliest, LocalTime latest) {
        assertThat(TimeExpressionParser.parse(Utterance.of(text))).contains(TimeQuery.between(earliest, latest));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2
            el primero
            buenas tardes
            good morning
            15/01
            2026-01-15
            quiero un turno
            """)
    void notATime(String text) {
        assertThat(TimeExpressionParser.parse(Utterance.of(text))).isEmpty();
    }
}
