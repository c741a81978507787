package com.aiassistants.backend.assistant.replies;

import java.time.LocalDateTime;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

import com.aiassistants.backend.assistant.nlu.Language;

/**
 * Every sentence the deterministic assistant says, read from the message bundles
 * {@code assistant/messages_<lang>.properties} through Spring's {@link MessageSource}. Only wording
 * lives in the bundles: times, names, codes and prices are always passed in from what the scheduling
 * tools returned, formatted by {@link Formats}. Each method names one sentence, so the dialogue code
 * reads as what it says and a missing key fails at once. The sentences of the booking dialogue are here; groups
 * with a subject of their own are {@link #slots()}, {@link #bookings()}, {@link #info()},
 * {@link #orders()} and {@link #reminders()}.
 */
public final class Replies {

    /** The bundles' basename on the classpath. */
    public static final String BASENAME = "assistant/messages";

    private final Bundle bundle;
    private final Language lang;
    private final SlotSentences slots;
    private final InfoSentences info;
    private final ReminderSentences reminders;
    private final BookingSentences bookings;
    private final OrderSentences orders;

    private Replies(MessageSource messages, Language lang) {
        this.bundle = new Bundle(messages, lang);
        this.lang = lang;
        this.slots = new SlotSentences(bundle);
        this.info = new InfoSentences(bundle);
        this.reminders = new ReminderSentences(bundle);
        this.bookings = new BookingSentences(bundle);
        this.orders = new OrderSentences(bundle);
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

    /** Free slots offered, or why there are none. */
    public SlotSentences slots() {
        return slots;
    }

    /** Services and prices, the team, opening hours. */
    public InfoSentences info() {
        return info;
    }

    /** The customer's bookings: listing, choosing, cancelling, moving. */
    public BookingSentences bookings() {
        return bookings;
    }

    /** A shop's orders, shipments and claims (the orders hook). */
    public OrderSentences orders() {
        return orders;
    }

    /** Reminders, follow-ups and notices of staff changes. */
    public ReminderSentences reminders() {
        return reminders;
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
        return bundle.m(key, args);
    }

    private String day(LocalDateTime at) {
        return bundle.day(at);
    }

    private static String time(LocalDateTime at) {
        return Bundle.time(at);
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

    public String chooseNumber(int max) {
        return m("choose.number", max);
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

    public String handoff() {
        return m("handoff");
    }

    public String thanksBye() {
        return m("thanks.bye");
    }

    public String notUnderstood() {
        return m("not-understood");
    }

    public String bookHint() {
        return m("info.book-hint");
    }

    public String holdLater() {
        return m("hold.later");
    }

}
