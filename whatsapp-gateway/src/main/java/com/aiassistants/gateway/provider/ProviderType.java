package com.aiassistants.gateway.provider;

/** Which WhatsApp connection serves a tenant. */
public enum ProviderType {
    SIMULATOR, CLOUD, WEB;

    public String id() {
        return name().toLowerCase();
    }
}
