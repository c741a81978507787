package com.aiassistants.backend.assistant.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Intents, confirmations, choices, names, languages and fuzzy catalogue matching. */
class UnderstandingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            hola                                  | GREET
            Hola, quiero sacar un turno           | BOOK
            quiero reservar                       | BOOK
            I'd like to book an appointment       | BOOK
            mis turnos                            | MY_BOOKINGS
            do I have any appointments?           | MY_BOOKINGS
            quiero cancelar mi turno              | CANCEL
            please cancel my booking              | CANCEL
            necesito reprogramar                  | RESCHEDULE
            cambiar mi turno                      | RESCHEDULE
            I need to reschedule                  | RESCHEDULE
            ¿cuánto sale una limpieza?            | PRICES
            how much is it                        | PRICES
            ¿qué servicios tienen?                | SERVICES
            ¿qué profesionales atienden?          | PROFESSIONALS
            ¿a qué hora abren?                    | HOURS
            opening hours                         | HOURS
            quiero hablar con una persona         | HUMAN
            talk to a human                       | HUMAN
            menú                                  | MENU
            help                                  | MENU
            gracias                               | THANKS_BYE
            thanks, bye                           | THANKS_BYE
            asdf                                  | UNKNOWN
            """)
    void classifiesIntents(String text, Intent expected) {
        assertThat(IntentClassifier.classify(Utterance.of(text))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            sí                      | YES
            si                      | YES
            Dale!                   | YES
            ok                      | YES
            confirmo                | YES
            yes please              | YES
            sure                    | YES
            no                      | NO
            mejor no                | NO
            nope                    | NO
            necesito pensarlo       | NONE
            siempre                 | NONE
            yesterday               | NONE
            nokia                   | NONE
            """)
    void confirmationsAreWholeWords(String text, Confirmation expected) {
        assertThat(Confirmation.of(Utterance.of(text))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1                 | 1
            2.                | 2
            opción 3          | 3
            #4                | 4
            el primero        | 1
            la segunda        | 2
            the third one     | 3
            el último         | -1
            mejor el 3        | 3
            dale, el 2        | 2
            ok la 4 porfa     | 4
            si, el 1          | 1
            sure, number 5    | 5
            """)
    void choices(String text, int expected) {
        assertThat(ChoiceParser.parse(Utterance.of(text))).hasValue(expected);
    }

    @Test
    void namesAreExtractedAndCapitalised() {
        assertThat(NameExtractor.introduced("me llamo ana gómez")).get().extracting(NameExtractor.NameMatch::name)
                .isEqualTo("Ana Gómez");
        assertThat(NameExtractor.introduced("Hola, soy Ana y quiero un turno")).get()
                .extracting(NameExtractor.NameMatch::name).isEqualTo("Ana");
        assertThat(NameExtractor.introduced("My name is John Smith and I'd like")).get()
                .extracting(NameExtractor.NameMatch::name).isEqualTo("John Smith");
        assertThat(NameExtractor.introduced("I'm Mary")).get().extracting(NameExtractor.NameMatch::name).isEqualTo("Mary");
        assertThat(NameExtractor.introduced("soy nueva paciente")).isEmpty();
        assertThat(NameExtractor.introduced("I'm looking for a dentist")).isEmpty();
        assertThat(NameExtractor.bare("Lucía Fernández")).get().extracting(NameExtractor.NameMatch::name)
                .isEqualTo("Lucía Fernández");
        assertThat(NameExtractor.bare("quiero un turno")).isEmpty();
        assertThat(NameExtractor.bare("mañana a las 10")).isEmpty();
        for (String answer : List.of("dale", "Dale", "dale bueno", "listo", "Vale", "perfecto", "nop", "despues")) {
            assertThat(NameExtractor.bare(answer)).as(answer).isEmpty();
        }
        assertThat(NameExtractor.bare("Dale Smith")).get().extracting(NameExtractor.NameMatch::name).isEqualTo("Dale Smith");
        assertThat(NameExtractor.bare("Valeria")).get().extracting(NameExtractor.NameMatch::name).isEqualTo("Valeria");
    }

    @Test
    void languageIsDetectedPerMessageAndKeptWhenUnclear() {
        assertThat(LanguageDetector.detect(Utterance.of("quiero un turno para mañana"), Language.EN)).isEqualTo(Language.ES);
        assertThat(LanguageDetector.detect(Utterance.of("I want to book tomorrow"), Language.ES)).isEqualTo(Language.EN);
        assertThat(LanguageDetector.detect(Utterance.of("ok"), Language.EN)).isEqualTo(Language.EN);
        assertThat(LanguageDetector.detect(Utterance.of("10:30"), Language.ES)).isEqualTo(Language.ES);
    }

    record Named(String name) {
    }

    @Test
    void fuzzyMatchingToleratesAccentsPrefixesAndTyposAndReportsAmbiguity() {
        FuzzyMatcher<Named> services = new FuzzyMatcher<>(List.of(new Named("Limpieza dental"),
                new Named("Consulta odontológica"), new Named("Consulta clínica"), new Named("Sesión de kinesiología")),
                Named::name);
        assertThat(services.match(Utterance.of("quiero una limpieza"))).extracting(Named::name).containsExactly("Limpieza dental");
        assertThat(services.match(Utterance.of("kine el jueves"))).extracting(Named::name).containsExactly("Sesión de kinesiología");
        assertThat(services.match(Utterance.of("consulta con el clinico"))).extracting(Named::name).containsExactly("Consulta clínica");
        assertThat(services.match(Utterance.of("una consulta"))).hasSize(2);
        assertThat(services.match(Utterance.of("limpiesa"))).extracting(Named::name).containsExactly("Limpieza dental");
        assertThat(services.match(Utterance.of("el martes a las 10"))).isEmpty();
        // everyday words: "dental" alone may be either dental service, a checkup is a consultation
        assertThat(services.match(Utterance.of("I need a dental checkup"))).extracting(Named::name)
                .containsExactly("Consulta odontológica");
        assertThat(services.match(Utterance.of("un turno dental"))).extracting(Named::name)
                .containsExactly("Limpieza dental", "Consulta odontológica");
        assertThat(services.match(Utterance.of("limpieza dental"))).extracting(Named::name).containsExactly("Limpieza dental");
        assertThat(services.match(Utterance.of("a teeth cleaning"))).extracting(Named::name).containsExactly("Limpieza dental");
        assertThat(services.match(Utterance.of("un chequeo"))).hasSize(2);
        assertThat(services.match(Utterance.of("turno con el odontólogo"))).extracting(Named::name)
                .containsExactly("Consulta odontológica");
        FuzzyMatcher<Named> professionals = new FuzzyMatcher<>(List.of(new Named("Dra. María Pérez"),
                new Named("Dr. Juan Gómez"), new Named("Lic. Laura Fernández")), Named::name);
        assertThat(professionals.match(Utterance.of("con la dra perez"))).extracting(Named::name).containsExactly("Dra. María Pérez");
        assertThat(professionals.match(Utterance.of("con Laura"))).extracting(Named::name).containsExactly("Lic. Laura Fernández");
        assertThat(professionals.match(Utterance.of("con la doctora"))).isEmpty();
    }
}
