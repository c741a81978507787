package com.aiassistants.backend.assistant.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The golden-conversation suite: every {@code golden/*.yaml} on the test classpath is one dynamic
 * test, played through the {@code Assistant} interface against a real MCP server with demo data.
 */
class GoldenConversationTest {

    static List<GoldenDialogue> dialogues() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:golden/*.yaml");
            return Arrays.stream(resources).sorted(Comparator.comparing(Resource::getFilename)).map(resource -> {
                try (InputStream in = resource.getInputStream()) {
                    return GoldenDialogue.read(in);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + resource.getFilename(), e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> goldenConversations() {
        InProcessDriver driver = new InProcessDriver(FakeSchedulingServer.shared());
        return dialogues().stream().map(d -> DynamicTest.dynamicTest(d.name(), () -> GoldenRunner.run(driver, d)));
    }

    @Test
    void theSuiteHasAtLeastFortyUniquelyNamedDialoguesInBothLanguages() {
        List<GoldenDialogue> all = dialogues();
        Set<String> names = new HashSet<>();
        all.forEach(d -> assertThat(names.add(d.name())).as("duplicate dialogue name %s", d.name()).isTrue());
        assertThat(all.size()).as("golden dialogues").isGreaterThanOrEqualTo(40);
        assertThat(all.stream().map(GoldenDialogue::language).distinct().sorted().toList()).containsExactly("en", "es");
    }
}
