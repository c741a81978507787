package com.aiassistants.llm.tool;

import java.time.Instant;
import java.util.List;

import com.aiassistants.common.mcp.ToolParam;

/** Result of {@code list_models}: what is configured (never a secret) and what the calling tenant gets. */
public record ListModelsOutput(
        @ToolParam("Provider the calling tenant uses when it asks for none") String tenantProvider,
        @ToolParam("Model the calling tenant uses when it asks for none") String tenantModel,
        @ToolParam("Provider for tenants without their own entry") String defaultProvider,
        @ToolParam("Every configured provider") List<ProviderInfo> providers) {

    /** One provider as configured, with the outcome of its recent calls. */
    public record ProviderInfo(
            @ToolParam("Provider name") String name,
            @ToolParam("offline, openai or bedrock") String type,
            @ToolParam("Model used when none is asked for") String defaultModel,
            @ToolParam("Models callers may ask for") List<String> models,
            @ToolParam("unknown (no call yet), ok or failing, from recent calls") String status,
            @ToolParam("Failed calls since the last success") int consecutiveFailures,
            @ToolParam(value = "Error code of the last failure", required = false) String lastError,
            @ToolParam(value = "When the last call finished", required = false) Instant lastCallAt) {
    }
}
