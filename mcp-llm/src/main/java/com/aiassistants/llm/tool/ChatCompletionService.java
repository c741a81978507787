package com.aiassistants.llm.tool;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.aiassistants.common.mcp.server.ToolException;
import com.aiassistants.llm.chat.ChatRequest;
import com.aiassistants.llm.chat.ChatResult;
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
 * (counter: provider, model, direction). Provider failures become tool errors
 * {@code rate_limited}, {@code provider_timeout} or {@code provider_error}. Message contents are
 * never logged.
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
        ChatRequestValidator.validate(input, properties.maxOutputTokens());
        ProviderSelection selection = routing.select(tenantId, input.provider(), input.model());
        String provider = selection.provider().name();
        String model = selection.model();
        ChatRequest request = new ChatRequest(input.messages(), input.tools(), input.temperature(), input.maxTokens(),
                model);
        long started = System.nanoTime();
        String outcome = "ok";
        try {
            ChatResult result = selection.provider().client().complete(request);
            long latencyMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            countTokens(provider, model, "input", result.usage().inputTokens());
            countTokens(provider, model, "output", result.usage().outputTokens());
            health.success(provider);
            log.info("chat completion by {}/{}: finish={}, tool_calls={}, tokens in/out={}/{}, {} ms", provider, model,
                    result.finishReason(), result.message().toolCalls().size(), result.usage().inputTokens(),
                    result.usage().outputTokens(), latencyMs);
            return new ChatCompletionOutput(result.message(), result.finishReason(), result.usage(), latencyMs, provider,
                    model);
        } catch (ProviderException e) {
            outcome = switch (e.kind()) {
                case RATE_LIMITED -> "rate_limited";
                case TIMEOUT -> "provider_timeout";
                case ERROR -> "provider_error";
            };
            health.failure(provider, outcome);
            log.warn("chat completion by {}/{} failed: {} ({})", provider, model, outcome, e.getMessage());
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
