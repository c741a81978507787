package com.aiassistants.backend.agent;

import static com.aiassistants.backend.agent.FakeOpenAi.call;
import static com.aiassistants.backend.agent.FakeOpenAi.lastToolResult;
import static com.aiassistants.backend.agent.FakeOpenAi.text;
import static com.aiassistants.backend.agent.FakeOpenAi.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.aiassistants.backend.assistant.Assistant;
import com.aiassistants.backend.assistant.AssistantTurn;
import com.aiassistants.backend.assistant.TenantProfile;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * An LLM turn over the real wire: backend agent → mcp-llm → a fake OpenAI server answering at once,
 * and → mcp-calendar/mcp-professionals for the tools. Splits the turn into the agent's own time, the
 * model hop (chat_completion through mcp-llm) and the tool hops. Not a test (no timed assertions):
 * {@code mvn -B -pl backend-api -am verify -Dtest=AgentWireBench -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest(classes = AgentTestServices.TestApp.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"ai-assistants.backend.agent.turn-timeout=5s"})
class AgentWireBench {

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        AgentTestServices.register(registry);
    }

    @Autowired
    Assistant assistant;

    @Autowired
    MeterRegistry meters;

    @Test
    void llmTurnOverTheWire() {
        LocalDate day = LocalDate.now(AgentTestServices.ZONE).plusDays(2);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        TenantProfile tenant = new TenantProfile("demo", "Clínica Demo", AgentTestServices.ZONE, "es",
                new TenantProfile.FlowSettings(null, List.of("name"), Map.of(), "list", null, "llm"));
        int warmup = 200;
        int n = 500;
        long[] total = new long[n];
        long[] own = new long[n];
        long[] model = new long[n];
        for (int i = 0; i < warmup + n; i++) {
            String from = day.toString();
            AgentTestServices.MODEL.script(
                    toolCalls(request -> List.of(call("find_available_slots", Map.of("service_id", "svc-limpieza",
                            "professional_id", "pro-perez", "from_date", from)))),
                    text(request -> {
                        String first = lastToolResult(request).path("slots").get(0).path("local_start").asString();
                        return "Tengo el " + first.substring(0, 10) + " a las " + first.substring(11, 16) + ".";
                    }));
            AssistantTurn turn = new AssistantTurn(tenant, "whatsapp:+5491155550009", "+5491155550009", "Ana",
                    "whatsapp", "limpieza el " + from, null, null, Map.of(), List.of(), Instant.now());
            long ownBefore = totalNanos("assistant.agent.overhead", null);
            long modelBefore = totalNanos("mcp.client.calls", "chat_completion");
            long started = System.nanoTime();
            String reply = assistant.reply(turn).text();
            long elapsed = System.nanoTime() - started;
            assertThat(reply).startsWith("Tengo el ");
            if (i >= warmup) {
                total[i - warmup] = elapsed;
                own[i - warmup] = totalNanos("assistant.agent.overhead", null) - ownBefore;
                model[i - warmup] = totalNanos("mcp.client.calls", "chat_completion") - modelBefore;
            }
        }
        System.out.println("AGENT-WIRE-BENCH total " + stats(total));
        System.out.println("AGENT-WIRE-BENCH own (no model, no tools) " + stats(own));
        System.out.println("AGENT-WIRE-BENCH model hops (2 chat_completion via mcp-llm + fake) " + stats(model));
    }

    private long totalNanos(String name, String tool) {
        var search = meters.find(name);
        if (tool != null) {
            search = search.tag("tool", tool);
        }
        return (long) search.timers().stream().mapToDouble(t -> t.totalTime(TimeUnit.NANOSECONDS)).sum();
    }

    private static String stats(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return "p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms".formatted(sorted[n / 2] / 1e6, sorted[n * 9 / 10] / 1e6,
                sorted[n * 99 / 100] / 1e6, sorted[n - 1] / 1e6);
    }
}
