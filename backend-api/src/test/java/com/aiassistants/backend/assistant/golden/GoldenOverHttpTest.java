package com.aiassistants.backend.assistant.golden;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.aiassistants.backend.assistant.Assistant;
import com.aiassistants.backend.assistant.DeterministicAssistant;
import com.aiassistants.backend.memory.CustomerMemory;
import com.aiassistants.common.testsupport.TestRedis;

/**
 * The golden suite end to end: every {@code golden/*.yaml} is played through backend-api's HTTP API
 * (in this JVM, with the real {@link DeterministicAssistant}) against the real mcp-professionals,
 * mcp-calendar and mcp-booking-log running as processes on one fresh PostgreSQL database, every
 * service with the same fixed clock start. Each dialogue gets its own project and clinic, so the
 * processes are started once. Dialogues whose clock differs from the suite's are skipped (none yet).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ai-assistants.backend.demo.enabled=true",
        "ai-assistants.backend.jobs.enabled=false",
        "ai-assistants.backend.reminders.enabled=false",
        "ai-assistants.backend.limits.per-phone-per-minute=100000",
        "ai-assistants.backend.limits.per-api-key-per-minute=100000",
        "ai-assistants.backend.mcp.professionals.token=" + RealSchedulingStack.TOKEN,
        "ai-assistants.backend.mcp.calendar.token=" + RealSchedulingStack.TOKEN,
        // the deterministic engine itself, not behind the LLM agent's router
        "ai-assistants.backend.agent.enabled=false"})
@DirtiesContext
class GoldenOverHttpTest {

    private static final List<GoldenDialogue> DIALOGUES = GoldenConversationTest.dialogues();
    /** The clock most dialogues share; the stack starts with it. */
    private static final OffsetDateTime SUITE_CLOCK = DIALOGUES.stream()
            .collect(Collectors.groupingBy(GoldenDialogue::clock, Collectors.counting())).entrySet().stream()
            .max(Map.Entry.<OffsetDateTime, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
            .map(Map.Entry::getKey).orElseThrow();

    private static RealSchedulingStack stack;

    private static synchronized RealSchedulingStack stack() {
        if (stack == null) {
            stack = RealSchedulingStack.start(SUITE_CLOCK.toInstant());
        }
        return stack;
    }

    @DynamicPropertySource
    static void realServices(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> stack().database().jdbcUrl());
        registry.add("spring.datasource.username", () -> stack().database().username());
        registry.add("spring.datasource.password", () -> stack().database().password());
        registry.add("spring.data.redis.url", () -> TestRedis.url().orElse(""));
        registry.add("ai-assistants.clock.start-at", () -> stack().clockStart().toString());
        registry.add("ai-assistants.backend.mcp.professionals.url", () -> stack().professionalsUrl());
        registry.add("ai-assistants.backend.mcp.calendar.url", () -> stack().calendarUrl());
    }

    @AfterAll
    static void stopServices() {
        if (stack != null) {
            stack.close();
            stack = null;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    CustomerMemory memory;

    @Autowired
    Clock clock;

    @Autowired
    Assistant assistant;

    @TestFactory
    Stream<DynamicTest> goldenConversationsOverHttp() {
        if (!(assistant instanceof DeterministicAssistant)) {
            throw new IllegalStateException("the HTTP golden suite must run the real DeterministicAssistant, not " + assistant);
        }
        HttpDriver driver = new HttpDriver("http://localhost:" + port, stack(), memory, clock);
        Function<GoldenDialogue, DynamicTest> test = dialogue -> DynamicTest.dynamicTest(dialogue.name(), () -> {
            Assumptions.assumeTrue(dialogue.clock().toInstant().equals(SUITE_CLOCK.toInstant()),
                    () -> "clock " + dialogue.clock() + " differs from the suite clock " + SUITE_CLOCK
                            + "; the stack is started once with one clock");
            GoldenRunner.run(driver, dialogue);
        });
        return DIALOGUES.stream().map(test);
    }
}
