package com.aiassistants.backend.assistant.nlu;

import java.time.LocalDate;

/** A requested day or range of days (inclusive), in the tenant's zone. */
public record DateQuery(LocalDate from, LocalDate to) {

    public static DateQuery day(LocalDate day) {
        return new DateQuery(day, day);
    }

    public boolean singleDay() {
        return from.equals(to);
    }
}
