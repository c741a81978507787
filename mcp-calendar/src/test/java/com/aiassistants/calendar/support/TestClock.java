package com.aiassistants.calendar.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Real time shifted by an adjustable offset: tests pick "now" and jump ahead, while time keeps flowing. */
public final class TestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    public void setNow(Instant now) {
        offset = Duration.between(Instant.now(), now);
    }

    public void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
