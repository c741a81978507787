package com.aiassistants.backend.assistant.replies;

/** Answers about the business from its catalogue: services and prices, the team, opening hours. See {@link Replies}. */
public final class InfoSentences {

    private final Bundle b;

    InfoSentences(Bundle bundle) {
        this.b = bundle;
    }

    public String servicesHeader() {
        return b.m("info.services");
    }

    public String serviceLine(String name, int minutes, String price) {
        return price == null ? b.m("info.service-line", name, String.valueOf(minutes))
                : b.m("info.service-line.price", name, String.valueOf(minutes), price);
    }

    public String professionalsHeader() {
        return b.m("info.professionals");
    }

    public String hoursHeader() {
        return b.m("info.hours");
    }

    public String hoursUnknown() {
        return b.m("info.hours.unknown");
    }

    public String dayRange(String from, String to) {
        return b.m("info.hours.days", from, to);
    }

    public String and() {
        return b.m("info.hours.and");
    }

    public String range(String from, String to) {
        return b.m("info.hours.range", from, to);
    }

    public String openOn(String day, String ranges) {
        return b.m("info.hours.day", day, ranges);
    }

    public String closedOn(String day) {
        return b.m("info.hours.closed-day", day);
    }

    public String hoursOf(String professional) {
        return b.m("info.hours.professional", professional);
    }
}
