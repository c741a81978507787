package com.aiassistants.backend.assistant.nlu;

import java.time.LocalTime;

/**
 * A requested time: an exact start ("10:30") or a window of start times ("por la tarde"),
 * {@code earliest}/{@code latest} inclusive, either may be null.
 */
public record TimeQuery(LocalTime exact, LocalTime earliest, LocalTime latest) {

    public static TimeQuery at(LocalTime time) {
        return new TimeQuery(time, null, null);
    }

    public static TimeQuery between(LocalTime earliest, LocalTime latest) {
        return new TimeQuery(null, earliest, latest);
    }

    public boolean isExact() {
        return exact != null;
    }
}
