package com.aiassistants.backend.assistant.replies;

import java.time.LocalDateTime;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

import com.aiassistants.backend.assistant.nlu.Language;

/**
 * Every sentence the deterministic assistant says, read from the message bundles
 * {@code assistant/messages_<lang>.properties} through Spring's {@link MessageSource}. Only wording
 * lives in the bundles: times, names, codes and prices are always passed in from what the scheduling
 * tools returned, formatted by {@link Formats}. Each method names one sentence, so the dialogue code
 * reads as what it says and a missing key fails at once.
 * <p>
 * Longer than the reactor's ~300-line guide on purpose: one short method per sentence of the bundles, a flat list
 * with nothing to split by but the sentences themselves.
 */
public final class Replies {

    /** The bundles' basename on the classpath. */
    public static final String BASENAME = "assistant/messages";

    private final MessageSource messages;
    private final Language lang;
    private final Locale locale;

    private Replies(MessageSource messages, Language lang) {
        this.messages = messages;
        this.lang = lang;
        this.locale = Locale.forLanguageTag(lang.code());
    }

    public static Replies in(MessageSource messages, Language lang) {
        return new Replies(messages, lang);
    }

    /** The assistant's bundles: UTF-8, MessageFormat always applied ({@code ''} is an apostrophe), no system-locale fallback. */
    public static MessageSource bundles() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename(BASENAME);
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setAlwaysUseMessageFormat(true);
        return source;
    }

    public Language language() {
        return lang;
    }

    /** The console's "try it" sandbox reached a calendar write ({@code hold_slot}, …) that it never makes. */
    public String sandboxRefused(String operation) {
        String action = switch (operation) {
            case "hold_slot", "confirm_booking", "cancel_booking", "reschedule_booking" -> m("sandbox.op." + operation);
            default -> m("sandbox.op.other");
        };
        return m("sandbox.refused", action);
    }

    private String m(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private String day(LocalDateTime at) {
        return Formats.day(at.toLocalDate(), lang);
    }

    private static String time(LocalDateTime at) {
        return Formats.time(at.toLocalTime());
    }

    public String greeting(String business) {
        return greeting(business, null);
    }

    /** The first answer of a conversation; by name when the customer is known (e.g. a returning or migrated one). */
    public String greeting(String business, String name) {
        boolean noBusiness = business == null || business.isBlank();
        if (name == null || name.isBlank()) {
            return noBusiness ? m("greeting") : m("greeting.business", business);
        }
        return noBusiness ? m("greeting.name", name) : m("greeting.business.name", business, name);
    }

    public String hello(String name) {
        return name == null ? m("hello") : m("hello.name", name);
    }

    public String menuPrompt() {
        return m("menu.prompt");
    }

    public String menuTitle() {
        return m("menu.title");
    }

    /** {@code book}, {@code bookings}, {@code cancel}, {@code reschedule}, {@code prices}, {@code professionals}, {@code hours}, {@code human}. */
    public String menuOption(String action) {
        return m("menu.option." + action);
    }

    public String menuHint() {
        return m("menu.hint");
    }

    public String askName() {
        return m("name.ask");
    }

    public String thanksName(String name) {
        return m("name.thanks", name);
    }

    public String askService() {
        return m("service.ask");
    }

    public String whichService() {
        return m("service.which");
    }

    public String servicesTitle() {
        return m("service.title");
    }

    public String askProfessional(String service) {
        return m("professional.ask", service);
    }

    public String anyProfessional() {
        return m("professional.any");
    }

    public String professionalsTitle() {
        return m("professional.title");
    }

    public String professionalDoesNotOffer(String professional, String service) {
        return m("professional.does-not-offer", professional, service);
    }

    public String askNameOffering(String shownName) {
        return m("name.ask.shown", shownName);
    }

    public String useShownName() {
        return m("name.use.shown");
    }

    public String otherName() {
        return m("name.other");
    }

    public String daysTitle() {
        return m("date.title");
    }

    public String askDate(String service, String professional) {
        return professional == null ? m("date.ask", service) : m("date.ask.with", service, professional);
    }

    public String pastDate() {
        return m("date.past");
    }

    public String offerSlots(String service) {
        return m("slots.offer", service);
    }

    public String pickSlot() {
        return m("slots.pick");
    }

    public String slotsTitle() {
        return m("slots.title");
    }

    public String exactUnavailable(String time) {
        return m("slots.exact-unavailable", time);
    }

    public String nothingThatDay(String day) {
        return m("slots.nothing-that-day", day);
    }

    public String nothingInWindow() {
        return m("slots.nothing-in-window");
    }

    public String nextFree() {
        return m("slots.next-free");
    }

    public String noSlotsAtAll() {
        return m("slots.none-at-all");
    }

    public String chooseNumber(int max) {
        return m("choose.number", String.valueOf(max));
    }

    public String confirmHold(String service, String professional, LocalDateTime at) {
        return m("hold.confirm", service, professional, day(at), time(at));
    }

    public String yes() {
        return m("answer.yes");
    }

    public String no() {
        return m("answer.no");
    }

    public String confirmed(String name, String service, String professional, LocalDateTime at, String code) {
        return name == null ? m("booking.confirmed", service, professional, day(at), time(at), code)
                : m("booking.confirmed.name", service, professional, day(at), time(at), code, name);
    }

    public String slotTaken() {
        return m("slot.taken");
    }

    public String alternatives() {
        return m("slot.alternatives");
    }

    public String holdExpired() {
        return m("hold.expired");
    }

    public String holdLimit() {
        return m("hold.limit");
    }

    public String couldNotBook() {
        return m("booking.failed");
    }

    public String released() {
        return m("hold.released");
    }

    public String abandoned() {
        return m("booking.abandoned");
    }

    public String unavailable() {
        return m("scheduling.unavailable");
    }

    public String noBookings() {
        return m("bookings.none");
    }

    public String upcoming() {
        return m("bookings.upcoming");
    }

    public String bookingLine(String service, String professional, LocalDateTime at, String code, boolean held) {
        return m(held ? "bookings.line.held" : "bookings.line", Formats.shortDateTime(at, lang), service, professional, code);
    }

    public String chooseBooking(boolean cancel) {
        return m(cancel ? "bookings.choose.cancel" : "bookings.choose.change");
    }

    public String bookingsTitle() {
        return m("bookings.title");
    }

    public String confirmCancel(String service, LocalDateTime at) {
        return m("cancel.confirm", service, day(at), time(at));
    }

    public String cancelYes() {
        return m("cancel.yes");
    }

    public String cancelNo() {
        return m("cancel.no");
    }

    public String cancelled(String service, LocalDateTime at) {
        return m("cancel.done", service, day(at), time(at));
    }

    public String kept() {
        return m("booking.kept");
    }

    public String couldNotChange() {
        return m("booking.change-failed");
    }

    public String askRescheduleDate(String service, LocalDateTime at) {
        return m("reschedule.ask-date", service, Formats.shortDateTime(at, lang));
    }

    public String confirmReschedule(String service, LocalDateTime from, LocalDateTime to, String professional) {
        return m("reschedule.confirm", service, Formats.shortDateTime(from, lang), day(to), time(to), professional);
    }

    public String rescheduled(String service, String professional, LocalDateTime at, String code) {
        return m("reschedule.done", service, day(at), time(at), professional, code);
    }

    // ---- reminders, follow-ups, notices (sent by backend-api's reminder package) ----

    public String reminder(String service, String professional, LocalDateTime at) {
        return m("reminder.text", service, professional, day(at), time(at));
    }

    public String reminderConfirmButton() {
        return m("reminder.button.confirm");
    }

    public String reminderCancelButton() {
        return m("reminder.button.cancel");
    }

    public String reminderRescheduleButton() {
        return m("reminder.button.reschedule");
    }

    public String reminderConfirmed(String service, LocalDateTime at) {
        return m("reminder.confirmed", service, day(at), time(at));
    }

    public String reminderGone() {
        return m("reminder.gone");
    }

    public String optedOut() {
        return m("reminder.opted-out");
    }

    public String optedIn() {
        return m("reminder.opted-in");
    }

    public String followUp(String service, String professional) {
        return m("follow-up.text", service, professional);
    }

    public String noticeCreated(String service, String professional, LocalDateTime at, String code) {
        return m("notice.created", service, professional, day(at), time(at), code);
    }

    public String noticeMoved(String service, String professional, LocalDateTime at, String code) {
        return m("notice.moved", service, professional, day(at), time(at), code);
    }

    public String noticeCancelled(String service, LocalDateTime at) {
        return m("notice.cancelled", service, day(at), time(at));
    }

    /** "jueves 5 de marzo" / "Thursday, March 5": a date as a template parameter. */
    public String dayOf(LocalDateTime at) {
        return day(at);
    }

    public String handoff() {
        return m("handoff");
    }

    public String thanksBye() {
        return m("thanks.bye");
    }

    public String notUnderstood() {
        return m("not-understood");
    }

    public String servicesHeader() {
        return m("info.services");
    }

    public String serviceLine(String name, int minutes, String price) {
        return price == null ? m("info.service-line", name, String.valueOf(minutes))
                : m("info.service-line.price", name, String.valueOf(minutes), price);
    }

    public String professionalsHeader() {
        return m("info.professionals");
    }

    public String hoursHeader() {
        return m("info.hours");
    }

    public String hoursUnknown() {
        return m("info.hours.unknown");
    }

    public String dayRange(String from, String to) {
        return m("info.hours.days", from, to);
    }

    public String and() {
        return m("info.hours.and");
    }

    public String range(String from, String to) {
        return m("info.hours.range", from, to);
    }

    public String bookHint() {
        return m("info.book-hint");
    }

    public String closedThatDay(String day) {
        return m("slots.closed", day);
    }

    public String professionalNotWorking(String day, String professional) {
        return m("slots.professional-not-working", day, professional);
    }

    public String professionalOff(String day, String professional) {
        return m("slots.professional-off", day, professional);
    }

    public String fullyBooked(String day) {
        return m("slots.full", day);
    }

    public String sameTimeOtherDays(String time) {
        return m("slots.same-time-other-days", time);
    }

    public String nearbyOrSameTime() {
        return m("slots.nearby-or-same-time");
    }

    public String offersLater() {
        return m("slots.later");
    }

    public String holdLater() {
        return m("hold.later");
    }

    public String cancelLater() {
        return m("cancel.later");
    }

    public String rescheduleLater() {
        return m("reschedule.later");
    }

    public String openOn(String day, String ranges) {
        return m("info.hours.day", day, ranges);
    }

    public String closedOn(String day) {
        return m("info.hours.closed-day", day);
    }

    public String hoursOf(String professional) {
        return m("info.hours.professional", professional);
    }
}
