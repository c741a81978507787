package com.aiassistants.llm.tool;

/** {@code list_models} takes no arguments. */
public record ListModelsInput() {
}
