package com.aiassistants.llm.provider;

import java.util.LinkedHashSet;
import java.util.Set;

import com.aiassistants.llm.chat.ChatProvider;

/**
 * A provider ready to use: its name (the metrics tag), type, default model, the models callers may
 * ask for, and the client.
 */
public record ConfiguredProvider(String name, ProviderType type, String defaultModel, Set<String> models,
        ChatProvider client) {

    public ConfiguredProvider {
        Set<String> all = new LinkedHashSet<>();
        all.add(defaultModel);
        all.addAll(models);
        models = Set.copyOf(all);
    }

    public boolean allows(String model) {
        return models.contains(model);
    }
}
