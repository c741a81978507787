package com.aiassistants.llm.tool;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.aiassistants.common.mcp.server.ToolException;
import com.aiassistants.llm.chat.AssistantMessage;
import com.aiassistants.llm.chat.ChatMessage;
import com.aiassistants.llm.chat.ChatRequest;
import com.aiassistants.llm.chat.ChatResult;
import com.aiassistants.llm.chat.Deadline;
import com.aiassistants.llm.chat.ProviderException;
import com.aiassistants.llm.provider.LlmProperties;
import com.aiassistants.llm.provider.ProviderHealth;
import com.aiassistants.llm.provider.ProviderSelection;
import com.aiassistants.llm.provider.TenantRouting;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Runs one {@code chat_completion}: validates, picks the tenant's provider and model, calls it,
 * and records {@code llm.requests} (timer: provider, model, outcome) and {@code llm.tokens}
 * (counter: provider, model, direction). Provider failures become tool errors named by cause
 * ({@link ProviderException.Kind#code()}); quota and credential failures also count in {@code llm.alerts}.
 * Tool calls get ids where the provider gave none ({@link ToolCallIds}); the caller's {@code timeout_ms}
 * becomes the provider call's {@link Deadline}. Message contents are never logged.
 */
@Service
public class ChatCompletionService {

    private static final Logger log = LoggerFactory.getLogger(ChatCompletionService.class);

    private final LlmProperties properties;
    private final TenantRouting routing;
    private final ProviderHealth health;
    private final MeterRegistry meterRegistry;

    public ChatCompletionService(LlmProperties properties, TenantRouting routing, ProviderHealth health,
            MeterRegistry meterRegistry) {
        this.properties = properties;
        this.routing = routing;
        this.health = health;
        this.meterRegistry = meterRegistry;
    }

    public ChatCompletionOutput complete(String tenantId, ChatCompletionInput input) {
        long started = System.nanoTime();
        List<ChatMessage> messages = ToolCallIds.fillHistory(input.messages());
        ChatRequestValidator.validate(input, messages, properties.maxOutputTokens());
        ProviderSelection selection = routing.select(tenantId, input.provider(), input.model());
        String provider = selection.provider().name();
        String model = selection.model();
        Deadline deadline = input.timeoutMs() == null ? Deadline.NONE
                : Deadline.after(Duration.ofMillis(input.timeoutMs()).minusNanos(System.nanoTime() - started));
        ChatRequest request = new ChatRequest(messages, input.tools(), input.temperature(), input.maxTokens(),
                model, deadline);
        String outcome = "ok";
        try {
            ChatResult result = selection.provider().client().complete(request);
            AssistantMessage message = ToolCallIds.fillAnswer(result.message(), messages);
            String answeredBy = result.answeredBy() == null ? model : result.answeredBy();
            long latencyMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            countTokens(provider, model, "input", result.usage().inputTokens());
            countTokens(provider, model, "output", result.usage().outputTokens());
            health.success(provider);
            log.info("chat completion by {}/{} (answered by {}): finish={}, tool_calls={}, tokens in/out={}/{}, {} ms",
                    provider, model, answeredBy, result.finishReason(), message.toolCalls().size(),
                    result.usage().inputTokens(), result.usage().outputTokens(), latencyMs);
            return new ChatCompletionOutput(message, result.finishReason(), result.usage(), latencyMs, provider,
                    answeredBy, model);
        } catch (ProviderException e) {
            outcome = e.kind().code();
            health.failure(provider, outcome);
            if (e.kind().alerting()) {
                // needs a person (billing, keys): an alarm watches this counter
                Counter.builder("llm.alerts").description("Provider failures that need a person: quota used up, "
                        + "credentials refused").tag("provider", provider).tag("reason", outcome)
                        .register(meterRegistry).increment();
                log.error("chat completion by {}/{} failed permanently: {} ({})", provider, model, outcome, e.getMessage());
            } else {
                log.warn("chat completion by {}/{} failed: {} ({})", provider, model, outcome, e.getMessage());
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("provider", provider);
            details.put("model", model);
            if (e.retryAfter() != null) {
                details.put("retry_after_seconds", e.retryAfter().toSeconds());
            }
            throw new ToolException(outcome, provider + ": " + e.getMessage(), details);
        } finally {
            Timer.builder("llm.requests")
                    .description("Chat completions per provider and model")
                    .tag("provider", provider)
                    .tag("model", model)
                    .tag("outcome", outcome)
                    .register(meterRegistry)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private void countTokens(String provider, String model, String direction, int tokens) {
        Counter.builder("llm.tokens")
                .description("Tokens read (input) and generated (output) per provider and model")
                .baseUnit("tokens")
                .tag("provider", provider)
                .tag("model", model)
                .tag("direction", direction)
                .register(meterRegistry)
                .increment(tokens);
    }
}
