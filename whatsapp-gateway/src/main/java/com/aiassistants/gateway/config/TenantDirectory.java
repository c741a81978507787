package com.aiassistants.gateway.config;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.aiassistants.common.web.ApiProblem;
import com.aiassistants.gateway.provider.ProviderType;

/** Looks up tenants by id or by Cloud API phone_number_id. */
@Component
public class TenantDirectory {

    private final GatewayProperties properties;
    private final Map<String, String> tenantByPhoneNumberId;

    public TenantDirectory(GatewayProperties properties) {
        this.properties = properties;
        this.tenantByPhoneNumberId = properties.tenants().entrySet().stream()
                .filter(e -> e.getValue().provider() == ProviderType.CLOUD && e.getValue().phoneNumberId() != null)
                .collect(Collectors.toUnmodifiableMap(e -> e.getValue().phoneNumberId(), Map.Entry::getKey));
    }

    public Set<String> ids() {
        return properties.tenants().keySet();
    }

    public Optional<GatewayProperties.Tenant> find(String tenantId) {
        return Optional.ofNullable(properties.tenants().get(tenantId));
    }

    /** The tenant, or a 404 problem. {@code null} means the default tenant. */
    public String require(String tenantId) {
        String id = tenantId == null || tenantId.isBlank() ? properties.defaultTenant() : tenantId;
        if (!properties.tenants().containsKey(id)) {
            throw ApiProblem.notFound("tenant " + id);
        }
        return id;
    }

    public GatewayProperties.Tenant get(String tenantId) {
        return find(tenantId).orElseThrow(() -> new IllegalArgumentException("unknown tenant " + tenantId));
    }

    public Optional<String> byPhoneNumberId(String phoneNumberId) {
        return Optional.ofNullable(tenantByPhoneNumberId.get(phoneNumberId));
    }
}
