package com.aiassistants.infra.deploy;

import java.util.List;

/** The JSON document deploy.sh prints on stdout, and its exit code. */
public record DeploySummary(
        String cluster,
        String imageTag,
        String mode,
        Result result,
        List<ServiceOutcome> services) {

    public enum Result {
        SUCCEEDED(0), PLANNED(0), ROLLED_BACK(1), PREFLIGHT_FAILED(3), ROLLBACK_FAILED(4);

        private final int exitCode;

        Result(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    public int exitCode() {
        return result.exitCode();
    }
}
