package com.aiassistants.backend.agent;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;

import com.aiassistants.backend.assistant.Assistant;
import com.aiassistants.backend.assistant.AssistantReply;
import com.aiassistants.common.testsupport.ServiceProcess;
import com.aiassistants.common.testsupport.TestPostgres;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Real mcp-professionals (demo clinic), mcp-calendar and mcp-llm as child processes, once per JVM, with
 * mcp-llm's provider for tenant {@code demo} — and for every tenant without an entry, such as the projects
 * {@code AgentOrdersTest} creates — pointed at the scripted {@link FakeOpenAi} (no retries) and for tenant
 * {@code budget-clinic} at the same fake with three attempts; tenant {@code offline-clinic} is on the offline
 * provider. Stopped at JVM exit.
 */
final class AgentTestServices {

    static final String TOKEN = "agent-e2e-token-0123456789";
    static final ZoneId ZONE = ZoneId.of("America/Argentina/Buenos_Aires");
    static final FakeOpenAi MODEL = new FakeOpenAi();
    static ServiceProcess llm;
    static ServiceProcess professionals;
    static ServiceProcess calendar;
    private static final List<ServiceProcess> SERVICES = new ArrayList<>();

    private AgentTestServices() {
    }

    /**
     * The agent alone, with a deterministic engine that answers "FALLBACK" so every fallback is visible.
     * Deliberately not a {@code @Configuration}: the application's component scan in other tests must not
     * find it; as a "lite" configuration class given to {@code @SpringBootTest(classes=…)} it still works.
     */
    @Import(AgentConfiguration.class)
    static class TestApp {

        @Bean("deterministicAssistant")
        Assistant deterministicAssistant() {
            return turn -> AssistantReply.text("FALLBACK", turn.state());
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        java.time.Clock clock() {
            return java.time.Clock.systemUTC();
        }
    }

    static void register(DynamicPropertyRegistry registry) {
        start();
        registry.add("ai-assistants.backend.mcp.llm.url", () -> llm.baseUrl().toString());
        registry.add("ai-assistants.backend.mcp.professionals.url", () -> professionals.baseUrl().toString());
        registry.add("ai-assistants.backend.mcp.calendar.url", () -> calendar.baseUrl().toString());
        for (String service : List.of("llm", "professionals", "calendar")) {
            registry.add("ai-assistants.backend.mcp." + service + ".token", () -> TOKEN);
        }
    }

    static synchronized void start() {
        if (llm != null) {
            return;
        }
        TestPostgres.Database db = TestPostgres.createDatabase("agent_e2e");
        Map<String, String> env = new HashMap<>(Map.of("AI_ASSISTANTS_MCP_TOKEN", TOKEN,
                "AI_ASSISTANTS_PROFESSIONALS_DEMO_TENANT", "demo"));
        professionals = start("mcp-professionals", db, env, List.of());
        env.put("AI_ASSISTANTS_MCP_PROFESSIONALS_URL", professionals.baseUrl().toString());
        // no booking log here: the calendar keeps its events in the outbox
        env.put("AI_ASSISTANTS_MCP_BOOKING_LOG_URL", "http://127.0.0.1:9");
        calendar = start("mcp-calendar", db, env, List.of());
        String fake = "--ai-assistants.llm.providers.fake.";
        // "fakeretry" retries like a production provider (tenant budget-clinic), to show the agent's budget holds
        String retrying = "--ai-assistants.llm.providers.fakeretry.";
        llm = start("mcp-llm", db, env, List.of(fake + "type=openai", fake + "base-url=" + MODEL.baseUrl(),
                fake + "model=fake-model", fake + "max-attempts=1", fake + "read-timeout=15s",
                retrying + "type=openai", retrying + "base-url=" + MODEL.baseUrl(), retrying + "model=fake-model",
                retrying + "max-attempts=3", retrying + "initial-backoff=300ms", retrying + "max-backoff=300ms",
                retrying + "read-timeout=15s",
                "--ai-assistants.llm.default-provider=fake", "--ai-assistants.llm.tenants.demo.provider=fake",
                "--ai-assistants.llm.tenants.offline-clinic.provider=offline",
                "--ai-assistants.llm.tenants.budget-clinic.provider=fakeretry"));
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            SERVICES.reversed().forEach(ServiceProcess::close);
            MODEL.close();
        }));
    }

    private static ServiceProcess start(String module, TestPostgres.Database db, Map<String, String> env,
            List<String> args) {
        List<String> all = new ArrayList<>(args);
        all.add("--spring.datasource.hikari.maximum-pool-size=3"); // the test PostgreSQL is shared by many JVMs
        ServiceProcess service = ServiceProcess.start(module, db, Map.copyOf(env), all);
        SERVICES.add(service);
        return service;
    }
}
