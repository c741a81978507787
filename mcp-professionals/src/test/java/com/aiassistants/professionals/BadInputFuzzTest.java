package com.aiassistants.professionals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.aiassistants.common.testsupport.McpToolFuzz;

/** Every tool, every argument, hostile values: tool errors with a code, never internal_error or Java internals. */
class BadInputFuzzTest extends McpTestBase {

    @Test
    void everyToolAnswersBadInputCleanly() {
        assertThat(McpToolFuzz.run(client(), newTenant())).isGreaterThan(100);
    }
}
