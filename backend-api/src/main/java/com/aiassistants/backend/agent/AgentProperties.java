package com.aiassistants.backend.agent;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The LLM agent ({@code ai-assistants.backend.agent.*}); see {@code backend-api/docs/agent.md}.
 *
 * @param enabled              registers the agent as the primary {@code Assistant} (default true); when false the
 *                             deterministic engine answers every turn
 * @param maxRounds            tool rounds per turn (model asks for tools, we run them) before giving up (default 4)
 * @param maxToolCallsPerRound tool calls the model may ask for in one round (default 6)
 * @param turnTimeout          wall-time budget of one agent turn, model and tools included (default 4 s)
 * @param historyLimit         most recent conversation messages sent to the model (default 12)
 * @param allowlist            MCP tools the model may call (default: the read and booking tools)
 * @param providerCacheTtl     how long a tenant's provider (from mcp-llm {@code list_models}) is remembered (default 60 s)
 * @param maxTokens            most tokens the model may generate per call (default 500)
 * @param temperature          sampling temperature unless the tenant sets one (default 0.2)
 * @param tenants              per-tenant overrides: provider, model, temperature
 */
@Validated
@ConfigurationProperties("ai-assistants.backend.agent")
public record AgentProperties(Boolean enabled, @Min(1) @Max(8) Integer maxRounds,
        @Min(1) @Max(16) Integer maxToolCallsPerRound, Duration turnTimeout, @Min(0) @Max(100) Integer historyLimit,
        List<String> allowlist, Duration providerCacheTtl, @Min(16) @Max(4096) Integer maxTokens,
        @DecimalMin("0") @DecimalMax("2") Double temperature, Map<String, @Valid TenantLlm> tenants) {

    public static final List<String> DEFAULT_ALLOWLIST = List.of("list_services", "list_professionals",
            "search_professionals", "find_available_slots", "list_customer_bookings", "hold_slot", "confirm_booking",
            "cancel_booking", "reschedule_booking");

    public AgentProperties {
        enabled = enabled == null || enabled;
        maxRounds = maxRounds == null ? 4 : maxRounds;
        maxToolCallsPerRound = maxToolCallsPerRound == null ? 6 : maxToolCallsPerRound;
        turnTimeout = turnTimeout == null ? Duration.ofSeconds(4) : turnTimeout;
        historyLimit = historyLimit == null ? 12 : historyLimit;
        allowlist = allowlist == null || allowlist.isEmpty() ? DEFAULT_ALLOWLIST : List.copyOf(allowlist);
        providerCacheTtl = providerCacheTtl == null ? Duration.ofSeconds(60) : providerCacheTtl;
        maxTokens = maxTokens == null ? 500 : maxTokens;
        temperature = temperature == null ? 0.2 : temperature;
        tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
    }

    public static AgentProperties defaults() {
        return new AgentProperties(null, null, null, null, null, null, null, null, null, null);
    }

    public TenantLlm tenant(String tenantId) {
        TenantLlm own = tenants.get(tenantId);
        return own == null ? new TenantLlm(null, null, null) : own;
    }

    /**
     * LLM settings of one tenant.
     *
     * @param provider    mcp-llm provider name (must be enabled for the tenant there); empty = the tenant's provider
     *                    in mcp-llm. A provider of type {@code offline} sends the tenant to the deterministic engine
     * @param model       model id; empty = the provider's model for the tenant
     * @param temperature 0–2; empty = the agent's {@code temperature}
     */
    public record TenantLlm(String provider, String model, @DecimalMin("0") @DecimalMax("2") Double temperature) {
    }
}
