package com.aiassistants.backend.reminder;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code reminder}: a message to one patient about one booking, due at {@code dueAt}. */
public record Reminder(UUID id, String projectId, String bookingId, Kind kind, int leadMinutes, Instant startsAt,
        Instant dueAt, String customerId, String status, int attempts, String outcome) {

    public enum Kind {
        REMINDER("reminder"), FOLLOW_UP("follow_up"), NOTICE_CREATED("notice_created"), NOTICE_MOVED("notice_moved"),
        NOTICE_CANCELLED("notice_cancelled");

        final String column;

        Kind(String column) {
            this.column = column;
        }

        static Kind of(String column) {
            for (Kind k : values()) {
                if (k.column.equals(column)) {
                    return k;
                }
            }
            throw new IllegalArgumentException(column);
        }

        boolean notice() {
            return this == NOTICE_CREATED || this == NOTICE_MOVED || this == NOTICE_CANCELLED;
        }
    }
}
