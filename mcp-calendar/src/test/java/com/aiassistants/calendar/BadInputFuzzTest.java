package com.aiassistants.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.aiassistants.calendar.support.CalendarIntegrationTest;
import com.aiassistants.common.testsupport.McpToolFuzz;

/** Every tool, every argument, hostile values: tool errors with a code, never internal_error or Java internals. */
class BadInputFuzzTest extends CalendarIntegrationTest {

    @Test
    void everyToolAnswersBadInputCleanly() {
        assertThat(McpToolFuzz.run(calendar, standardTenant())).isGreaterThan(100);
    }
}
