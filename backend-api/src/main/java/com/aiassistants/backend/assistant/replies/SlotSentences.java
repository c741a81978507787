package com.aiassistants.backend.assistant.replies;

/** Free slots: offering them, and why there are none (closed, off, fully booked) with what is near. See {@link Replies}. */
public final class SlotSentences {

    private final Bundle b;

    SlotSentences(Bundle bundle) {
        this.b = bundle;
    }

    public String offerSlots(String service) {
        return b.m("slots.offer", service);
    }

    public String pickSlot() {
        return b.m("slots.pick");
    }

    public String slotsTitle() {
        return b.m("slots.title");
    }

    public String exactUnavailable(String time) {
        return b.m("slots.exact-unavailable", time);
    }

    public String nothingThatDay(String day) {
        return b.m("slots.nothing-that-day", day);
    }

    public String nothingInWindow() {
        return b.m("slots.nothing-in-window");
    }

    /** Only a few free times left on the day, or in the time of day asked for ({@code inWindow}). */
    public String fewThatDay(String day, boolean inWindow) {
        return b.m(inWindow ? "slots.few-in-window" : "slots.few-that-day", day);
    }

    public String otherTimesThoseDays() {
        return b.m("slots.other-times");
    }

    public String nextFree() {
        return b.m("slots.next-free");
    }

    public String noSlotsAtAll() {
        return b.m("slots.none-at-all");
    }

    public String closedThatDay(String day) {
        return b.m("slots.closed", day);
    }

    public String professionalNotWorking(String day, String professional) {
        return b.m("slots.professional-not-working", day, professional);
    }

    public String professionalOff(String day, String professional) {
        return b.m("slots.professional-off", day, professional);
    }

    public String fullyBooked(String day) {
        return b.m("slots.full", day);
    }

    public String sameTimeOtherDays(String time) {
        return b.m("slots.same-time-other-days", time);
    }

    public String nearbyOrSameTime() {
        return b.m("slots.nearby-or-same-time");
    }

    public String offersLater() {
        return b.m("slots.later");
    }
}
