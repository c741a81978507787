package com.aiassistants.backend.agent.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.aiassistants.backend.agent.AgentBenchSupport;
import com.aiassistants.backend.assistant.Assistant;
import com.aiassistants.backend.assistant.AssistantReply;
import com.aiassistants.backend.assistant.AssistantTurn;
import com.aiassistants.backend.assistant.TenantProfile;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The agent's own time per LLM turn, with the model and the scheduling tools answering instantly from
 * memory: prompt and tool specs, argument validation and binding, evidence collection, the reply guard,
 * the virtual-thread hand-off with its time budget, metrics. Not part of the default test run:
 * {@code mvn -B -pl backend-api -am verify -Dtest=AgentOverheadBench -Dsurefire.failIfNoSpecifiedTests=false}.
 * Prints percentiles; the numbers go to docs/benchmarks.md.
 */
class AgentOverheadBench {

    static final ZoneId ZONE = ZoneId.of("America/Argentina/Buenos_Aires");

    @Test
    void overheadPerTurn() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Assistant agent = AgentBenchSupport.instantAgent(meters, ZONE);
        TenantProfile tenant = new TenantProfile("demo", "Clínica Demo", ZONE, "es",
                new TenantProfile.FlowSettings(null, List.of("name"), Map.of(), "list", null, "llm"));
        List<AssistantTurn.HistoryEntry> history = List.of(
                new AssistantTurn.HistoryEntry("user", "hola", Instant.now()),
                new AssistantTurn.HistoryEntry("assistant", "¡Hola! ¿En qué te ayudo?", Instant.now()),
                new AssistantTurn.HistoryEntry("user", "quiero una limpieza", Instant.now()),
                new AssistantTurn.HistoryEntry("assistant", "¿Para qué día?", Instant.now()));
        AssistantTurn turn = new AssistantTurn(tenant, "whatsapp:+5491155550001", "+5491155550001", "Ana", "whatsapp",
                "el lunes 16 con la Dra. Pérez", null, null, Map.of(), history, Instant.parse("2026-03-13T15:00:00Z"));

        for (int i = 0; i < 3_000; i++) {
            check(agent.reply(turn));
        }
        int n = 5_000;
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            long started = System.nanoTime();
            check(agent.reply(turn));
            nanos[i] = System.nanoTime() - started;
        }
        Arrays.sort(nanos);
        Timer own = meters.find("assistant.agent.overhead").timer();
        System.out.printf("AGENT-BENCH turns=%d p50=%.3fms p90=%.3fms p99=%.3fms max=%.3fms (inside runner mean=%.3fms)%n",
                n, ms(nanos[n / 2]), ms(nanos[n * 9 / 10]), ms(nanos[n * 99 / 100]), ms(nanos[n - 1]),
                own.mean(TimeUnit.MILLISECONDS));
    }

    private static void check(AssistantReply reply) {
        assertThat(reply.text()).startsWith("El lunes 16/03");
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
