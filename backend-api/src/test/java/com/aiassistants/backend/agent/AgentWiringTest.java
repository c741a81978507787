package com.aiassistants.backend.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.aiassistants.backend.assistant.Assistant;
import com.aiassistants.backend.assistant.DeterministicAssistant;
import com.aiassistants.backend.conversation.TurnService;
import com.aiassistants.common.testsupport.PostgresTestProperties;
import com.aiassistants.common.testsupport.TestRedis;

/** The whole application: the platform's turn pipeline gets the agent, which has the deterministic engine behind it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.hikari.maximum-pool-size=2", "ai-assistants.backend.reminders.enabled=false"})
@DirtiesContext
class AgentWiringTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        PostgresTestProperties.register(registry, "agent_wiring");
        registry.add("spring.data.redis.url", () -> TestRedis.url().orElse(""));
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    Assistant assistant;

    @Test
    void theAgentIsThePrimaryAssistantAndTheDeterministicEngineItsFallback() {
        assertThat(assistant).isInstanceOf(AgentAssistant.class);
        assertThat(context.getBean("deterministicAssistant")).isInstanceOf(DeterministicAssistant.class);
        assertThat(context.getBean(TurnService.class)).isNotNull();
    }
}
