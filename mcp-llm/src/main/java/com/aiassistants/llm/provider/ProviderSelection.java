package com.aiassistants.llm.provider;

/** The provider and model chosen for one call. */
public record ProviderSelection(ConfiguredProvider provider, String model) {
}
