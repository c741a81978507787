package com.aiassistants.infra.deploy;

/** What happened to one service; serialized into the JSON summary. */
public record ServiceOutcome(
        String service,
        Status outcome,
        String previousTaskDefinition,
        String newTaskDefinition,
        String image,
        String message,
        long seconds) {

    public enum Status {
        PLANNED, DEPLOYED, ROLLED_BACK, FAILED_ROLLED_BACK, ROLLBACK_FAILED, MISSING, IMAGE_MISSING, SKIPPED, UNCHANGED
    }
}
