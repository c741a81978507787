package com.aiassistants.llm.provider;

import java.util.Map;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import com.aiassistants.common.mcp.server.ToolException;

/**
 * Chooses provider and model for a tenant: the tenant's configured provider (or the default
 * provider), its model (or the provider's default). A caller may narrow the choice: ask for
 * {@code offline} (always allowed, e.g. as a fallback) or for another model the provider allows.
 * It cannot switch a tenant onto a provider configured for someone else.
 */
@Component
public class TenantRouting {

    private final LlmProperties properties;
    private final ProviderRegistry registry;

    public TenantRouting(LlmProperties properties, ProviderRegistry registry) {
        this.properties = properties;
        this.registry = registry;
    }

    public ProviderSelection select(String tenantId, String requestedProvider, String requestedModel) {
        LlmProperties.Tenant tenant = properties.tenants().get(tenantId);
        String configuredName = tenant == null ? properties.defaultProvider() : tenant.provider();
        String name = configuredName;
        if (requestedProvider != null && !requestedProvider.isBlank() && !requestedProvider.equals(configuredName)) {
            if (!requestedProvider.equals(LlmProperties.OFFLINE)) {
                throw new ToolException("provider_not_allowed", "Provider '" + requestedProvider
                        + "' is not configured for this tenant; use '" + configuredName + "' or 'offline'",
                        Map.of("allowed_providers", new TreeSet<>(java.util.List.of(configuredName, LlmProperties.OFFLINE))));
            }
            name = requestedProvider;
        }
        ConfiguredProvider provider = registry.get(name);
        String defaultModel = tenant != null && tenant.model() != null && name.equals(configuredName)
                ? tenant.model() : provider.defaultModel();
        if (requestedModel == null || requestedModel.isBlank() || requestedModel.equals(defaultModel)) {
            return new ProviderSelection(provider, defaultModel);
        }
        if (!provider.allows(requestedModel)) {
            throw new ToolException("model_not_allowed", "Model '" + requestedModel + "' is not enabled for provider '"
                    + name + "'", Map.of("allowed_models", new TreeSet<>(provider.models())));
        }
        return new ProviderSelection(provider, requestedModel);
    }

    /** The provider name and model a tenant gets when it asks for nothing in particular. */
    public ProviderSelection defaultsFor(String tenantId) {
        return select(tenantId, null, null);
    }
}
