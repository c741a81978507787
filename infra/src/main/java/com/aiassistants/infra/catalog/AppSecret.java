package com.aiassistants.infra.catalog;

import java.util.Map;

/**
 * Application secrets kept in Secrets Manager (one secret each, so a task's execution role can be
 * granted exactly the ones its service needs). {@code generated} secrets get a random value at
 * creation; the others hold placeholders that ops replace (see docs/deployment.md).
 *
 * <p>{@code envByJsonKey} maps a JSON key of the secret to the environment variable ECS injects;
 * a {@code null} key means the whole secret string.
 */
public enum AppSecret {
    MCP_TOKEN("mcp-token", true, "Service token MCP callers present (Bearer)",
            Map.of("", "AI_ASSISTANTS_MCP_TOKEN")),
    GATEWAY_ADMIN_TOKEN("gateway-admin-token", true, "Token for the gateway's internal admin API",
            Map.of("", "AI_ASSISTANTS_GATEWAY_ADMIN_TOKEN")),
    WEBHOOK_SECRET("webhook-hmac-secret", true, "HMAC secret signing gateway -> backend inbound calls and callbacks",
            Map.of("", "AI_ASSISTANTS_WEBHOOK_SECRET")),
    JWT_SECRET("jwt-signing-secret", true, "Signs short-lived console/WebSocket tokens",
            Map.of("", "AI_ASSISTANTS_JWT_SECRET")),
    WHATSAPP_CLOUD("whatsapp-cloud", false, "WhatsApp Business Cloud API credentials (JSON)",
            Map.of("access_token", "AI_ASSISTANTS_WHATSAPP_CLOUD_ACCESS_TOKEN",
                    "app_secret", "AI_ASSISTANTS_WHATSAPP_CLOUD_APP_SECRET",
                    "verify_token", "AI_ASSISTANTS_WHATSAPP_CLOUD_VERIFY_TOKEN")),
    LLM_API_KEY("llm-api-key", false, "API key of the configured LLM provider",
            Map.of("", "AI_ASSISTANTS_LLM_API_KEY"));

    private final String slug;
    private final boolean generated;
    private final String description;
    private final Map<String, String> envByJsonKey;

    AppSecret(String slug, boolean generated, String description, Map<String, String> envByJsonKey) {
        this.slug = slug;
        this.generated = generated;
        this.description = description;
        this.envByJsonKey = envByJsonKey;
    }

    public String slug() {
        return slug;
    }

    /** Secrets Manager name, e.g. {@code ai-assistants/prod/mcp-token}. */
    public String secretName(String env) {
        return "ai-assistants/" + env + "/" + slug;
    }

    public boolean generated() {
        return generated;
    }

    public String description() {
        return description;
    }

    /** JSON key ("" = whole value) to environment variable. */
    public Map<String, String> envByJsonKey() {
        return envByJsonKey;
    }
}
