package com.aiassistants.backend.agent;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;

import com.aiassistants.backend.assistant.Assistant;
import com.aiassistants.backend.assistant.AssistantReply;
import com.aiassistants.backend.assistant.AssistantTurn;
import com.aiassistants.backend.assistant.ReminderAnswer;
import com.aiassistants.backend.assistant.Sandbox;
import com.aiassistants.common.config.LookedUpOnce;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The assistant the platform calls for every turn. Tenants whose flow engine is {@code llm} are answered
 * by the LLM agent, everyone else (and tenants on the offline provider) by the deterministic engine. An
 * agent turn that times out, meets a provider error, produces unusable output or breaks a guardrail is
 * answered by the deterministic engine instead, counted in {@code assistant.agent.fallbacks{reason}}.
 */
public class AgentAssistant implements Assistant, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AgentAssistant.class);

    /** The deterministic engine should answer this tenant (offline provider): not a failure. */
    private static final class RouteToDeterministic extends RuntimeException {
        RouteToDeterministic() {
            super(null, null, false, false);
        }
    }

    private final AgentProperties properties;
    private final AgentTurnRunner runner;
    private final ProviderTypes providers;
    private final Supplier<Assistant> deterministic;
    private final MeterRegistry meters;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    AgentAssistant(AgentProperties properties, AgentTurnRunner runner, ProviderTypes providers,
            ObjectProvider<Assistant> deterministic, MeterRegistry meters) {
        this.properties = properties;
        this.runner = runner;
        this.providers = providers;
        this.deterministic = LookedUpOnce.of(deterministic);
        this.meters = meters;
    }

    @Override
    public AssistantReply reply(AssistantTurn turn) {
        if (!usesLlm(turn) || ReminderAnswer.isTap(turn.replyId())) {
            return deterministic(turn);
        }
        long started = System.nanoTime();
        long deadline = started + properties.turnTimeout().toNanos();
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        boolean sandbox = Sandbox.active();
        String providerOverride = properties.tenant(turn.tenant().tenantId()).provider();
        Future<AgentTurnRunner.Answer> future = executor.submit(() -> {
            if (mdc != null) {
                MDC.setContextMap(mdc);
            }
            try {
                if (providers.isOffline(turn.tenant().tenantId(), providerOverride)) {
                    throw new RouteToDeterministic();
                }
                return Sandbox.run(sandbox, () -> runner.run(turn, deadline));
            } finally {
                MDC.clear();
            }
        });
        try {
            AgentTurnRunner.Answer answer = future.get(properties.turnTimeout().toNanos(), TimeUnit.NANOSECONDS);
            record(started, "answered");
            log.info("LLM agent answered: {}/{} after {} tool round(s)", answer.provider(), answer.model(), answer.rounds());
            Timer.builder("assistant.agent.overhead").description("agent time per turn not spent waiting on the model or tools")
                    .register(meters).record(answer.ownNanos(), TimeUnit.NANOSECONDS);
            return new AssistantReply(answer.text(), null, turn.state(), Map.of(), false, answer.bookingIds());
        } catch (TimeoutException e) {
            future.cancel(true);
            return fallback(turn, started, "timeout", "no answer within " + properties.turnTimeout());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RouteToDeterministic) {
                record(started, "routed");
                return deterministic(turn);
            }
            if (cause instanceof Sandbox.Refused refused) {
                record(started, "sandbox");
                throw refused;
            }
            if (cause instanceof AgentFallback fallback) {
                return fallback(turn, started, fallback.reason(), fallback.getMessage());
            }
            log.warn("agent turn failed unexpectedly", cause);
            return fallback(turn, started, "error", String.valueOf(cause));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return fallback(turn, started, "interrupted", "the turn was interrupted");
        }
    }

    private boolean usesLlm(AssistantTurn turn) {
        return turn.tenant() != null && turn.tenant().flow() != null
                && "llm".equalsIgnoreCase(turn.tenant().flow().engine())
                && turn.text() != null && !turn.text().isBlank();
    }

    private AssistantReply fallback(AssistantTurn turn, long started, String reason, String detail) {
        log.info("LLM agent fell back to the deterministic engine: {} ({})", reason, detail);
        Counter.builder("assistant.agent.fallbacks").description("agent turns answered by the deterministic engine instead")
                .tag("reason", reason).register(meters).increment();
        record(started, "fallback");
        return deterministic(turn);
    }

    private void record(long started, String outcome) {
        Timer.builder("assistant.agent.turns").tag("outcome", outcome).register(meters)
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    private AssistantReply deterministic(AssistantTurn turn) {
        Assistant engine = deterministic.get();
        if (engine == null) {
            throw new IllegalStateException("no bean 'deterministicAssistant' to answer the turn");
        }
        return engine.reply(turn);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
