package com.aiassistants.backend.assistant.replies;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.aiassistants.backend.assistant.nlu.Language;

/** Every language bundle has exactly the same keys and well-formed MessageFormat patterns. */
class MessageBundlesTest {

    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    static Properties bundle(Language lang) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/" + Replies.BASENAME + "_" + lang.code() + ".properties")) {
            assertThat(in).as("bundle for %s", lang).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void everyLanguageHasTheSameKeysAsSpanish() throws IOException {
        Set<Object> spanish = bundle(Language.ES).keySet();
        assertThat(spanish).hasSizeGreaterThan(50);
        for (Language lang : Language.values()) {
            assertThat(bundle(lang).keySet()).as("keys of %s", lang).containsExactlyInAnyOrderElementsOf(spanish);
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyMessageIsAValidPatternWithoutALoneApostrophe(Language lang) throws IOException {
        Properties properties = bundle(lang);
        for (String key : properties.stringPropertyNames()) {
            String pattern = properties.getProperty(key);
            assertThat(pattern).as("%s.%s", lang, key).isNotBlank().doesNotContainPattern(LONE_APOSTROPHE);
            new MessageFormat(pattern, Locale.forLanguageTag(lang.code()));
        }
    }

    @Test
    void repliesReadTheBundlesWithTheirArguments() {
        Replies es = Replies.in(Replies.bundles(), Language.ES);
        Replies en = Replies.in(Replies.bundles(), Language.EN);
        LocalDateTime at = LocalDateTime.of(2026, 1, 15, 10, 30);
        assertThat(es.confirmHold("Limpieza dental", "Dra. María Pérez", at))
                .isEqualTo("Te reservo Limpieza dental con Dra. María Pérez el jueves 15/01 a las 10:30. ¿Confirmás el turno?");
        assertThat(en.greeting("Acme")).startsWith("Hi! I'm the virtual assistant of Acme.");
        assertThat(es.info().and()).isEqualTo(" y ");
        assertThat(en.chooseNumber(1000)).isEqualTo("Please pick a number from 1 to 1000.");
        assertThat(es.chooseNumber(2)).isEqualTo("Elegí un número del 1 al 2.");
        assertThat(es.chooseNumber(1)).as("one option is not a range").isEqualTo("Respondé 1 para elegir esa opción.");
        assertThat(en.chooseNumber(1)).isEqualTo("Reply 1 to pick that option.");
    }
}
