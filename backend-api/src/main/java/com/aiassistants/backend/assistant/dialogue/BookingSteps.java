package com.aiassistants.backend.assistant.dialogue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.aiassistants.backend.assistant.AssistantReply.Interactive.Option;
import com.aiassistants.backend.assistant.nlu.ChoiceParser;
import com.aiassistants.backend.assistant.nlu.Confirmation;
import com.aiassistants.backend.assistant.nlu.DateExpressionParser;
import com.aiassistants.backend.assistant.nlu.DateQuery;
import com.aiassistants.backend.assistant.nlu.NameExtractor;
import com.aiassistants.backend.assistant.nlu.TimeExpressionParser;
import com.aiassistants.backend.assistant.nlu.TimeQuery;
import com.aiassistants.backend.assistant.nlu.Utterance;
import com.aiassistants.backend.assistant.replies.Formats;
import com.aiassistants.common.mcp.client.McpToolError;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.CalendarTools.Booking;
import com.aiassistants.common.scheduling.CalendarTools.FindAvailableSlotsInput;
import com.aiassistants.common.scheduling.CalendarTools.HoldSlotInput;
import com.aiassistants.common.scheduling.CalendarTools.Slot;
import com.aiassistants.common.scheduling.ProfessionalsTools.Professional;
import com.aiassistants.common.scheduling.ProfessionalsTools.Service;

/**
 * The booking flow (service → professional → date → offered slots → hold → confirm) and the
 * slot-choosing half of rescheduling. Every time, id and code shown comes from a tool answer.
 */
final class BookingSteps {

    private static final Logger log = LoggerFactory.getLogger(BookingSteps.class);
    private static final List<String> ANYONE = List.of("cualquiera", "cualquier", "cualquier profesional", "el que sea",
            "la que sea", "me da igual", "indistinto", "da igual", "any", "anyone", "anybody", "whoever", "no preference",
            "doesn t matter", "any professional");
    private static final int LOOK_AHEAD_DAYS = 14;

    private BookingSteps() {
    }

    static void start(Turn t, boolean useMessage) {
        release(t);
        t.state.resetTask();
        t.state.flow = Flow.BOOK;
        t.state.flowSeq++;
        if (useMessage) {
            fillDetails(t, true);
        }
        advance(t);
    }

    /** Starts booking a given service (a tenant activation code such as {@code book:svc-limpieza}). */
    static void startWithService(Turn t, String serviceId) {
        release(t);
        t.state.resetTask();
        t.state.flow = Flow.BOOK;
        t.state.flowSeq++;
        t.catalog().service(serviceId).ifPresent(service -> setService(t, service));
        advance(t);
    }

    // ---------------------------------------------------------------- reading the message

    /** Takes service, professional, date and time from the message; true if anything changed. */
    static boolean fillDetails(Turn t, boolean serviceAndProfessional) {
        boolean changed = false;
        DialogueState s = t.state;
        Utterance u = t.utterance;
        if (serviceAndProfessional) {
            List<Service> services = t.catalog().serviceMatcher.match(u);
            if (services.size() == 1) {
                changed |= setService(t, services.getFirst());
            } else if (services.size() > 1 && (s.serviceId == null || services.stream().noneMatch(x -> x.id().equals(s.serviceId)))) {
                s.serviceId = null;
                s.serviceName = null;
                s.choices = new ArrayList<>(services.stream().map(x -> "svc:" + x.id()).toList());
                changed = true;
            }
            if (u.hasAny(ANYONE)) {
                s.anyProfessional = true;
                s.professionalId = null;
                s.professionalName = null;
                changed = true;
            } else {
                List<Professional> professionals = t.catalog().professionalMatcher.match(u);
                if (professionals.size() == 1 && !professionals.getFirst().id().equals(s.professionalId)) {
                    setProfessional(t, professionals.getFirst());
                    changed = true;
                }
            }
        }
        Optional<DateQuery> date = DateExpressionParser.parse(u, t.today);
        if (date.isPresent()) {
            s.dateFrom = date.get().from();
            s.dateTo = date.get().to();
            changed = true;
        }
        Optional<TimeQuery> time = TimeExpressionParser.parse(u);
        if (time.isPresent()) {
            s.exactTime = time.get().exact();
            s.earliest = time.get().earliest();
            s.latest = time.get().latest();
            changed = true;
        }
        if (changed) {
            s.offers = new ArrayList<>();
        }
        return changed;
    }

    static boolean hasWhen(Turn t) {
        return DateExpressionParser.parse(t.utterance, t.today).isPresent() || TimeExpressionParser.parse(t.utterance).isPresent();
    }

    private static boolean setService(Turn t, Service service) {
        DialogueState s = t.state;
        if (service.id().equals(s.serviceId)) {
            return false;
        }
        s.serviceId = service.id();
        s.serviceName = service.name();
        s.choices = new ArrayList<>();
        if (s.professionalId != null) {
            Optional<Professional> professional = t.catalog().professional(s.professionalId);
            if (professional.isPresent() && !t.catalog().offers(professional.get(), service)) {
                t.out.say(t.say.professionalDoesNotOffer(professional.get().name(), service.name()));
                s.professionalId = null;
                s.professionalName = null;
            }
        }
        return true;
    }

    private static void setProfessional(Turn t, Professional professional) {
        DialogueState s = t.state;
        if (s.serviceId != null) {
            Optional<Service> service = t.catalog().service(s.serviceId);
            if (service.isPresent() && !t.catalog().offers(professional, service.get())) {
                t.out.say(t.say.professionalDoesNotOffer(professional.name(), service.get().name()));
                return;
            }
        }
        s.professionalId = professional.id();
        s.professionalName = professional.name();
        s.anyProfessional = false;
        if (s.serviceId == null) {
            List<Service> theirs = t.catalog().servicesOf(professional);
            if (theirs.size() == 1) {
                setService(t, theirs.getFirst());
            } else if (!theirs.isEmpty() && s.choices.isEmpty()) {
                s.choices = new ArrayList<>(theirs.stream().map(x -> "svc:" + x.id()).toList());
            }
        }
    }

    /** A pick from the service/professional list: a reply id or a number. */
    static boolean pickChoice(Turn t) {
        String id = t.replyId();
        if (id == null) {
            OptionalInt n = ChoiceParser.parse(t.utterance);
            if (n.isEmpty() || t.state.choices.isEmpty()) {
                return false;
            }
            int index = n.getAsInt() == ChoiceParser.LAST ? t.state.choices.size() : n.getAsInt();
            if (index < 1 || index > t.state.choices.size()) {
                t.out.say(t.say.chooseNumber(t.state.choices.size()));
                return false;
            }
            id = t.state.choices.get(index - 1);
        }
        if (id.startsWith("svc:")) {
            return t.catalog().service(id.substring(4)).map(x -> setService(t, x)).orElse(false);
        }
        if (id.equals("pro:any")) {
            t.state.anyProfessional = true;
            t.state.professionalId = null;
            return true;
        }
        if (id.startsWith("pro:")) {
            Optional<Professional> professional = t.catalog().professional(id.substring(4));
            professional.ifPresent(p -> setProfessional(t, p));
            return professional.isPresent();
        }
        return false;
    }

    // ---------------------------------------------------------------- steps

    /** ASK_NAME, ASK_SERVICE, ASK_PROFESSIONAL, ASK_DATE. */
    static boolean collect(Turn t, boolean nameGiven) {
        boolean consumed = nameGiven;
        if (t.state.step == Step.ASK_NAME && !consumed && t.replyId() == null) {
            boolean looksLikeDetails = hasWhen(t) || !t.catalog().serviceMatcher.match(t.utterance).isEmpty();
            Optional<NameExtractor.NameMatch> bare = looksLikeDetails ? Optional.empty() : NameExtractor.bare(t.utterance.raw());
            if (bare.isPresent()) {
                DialogueEngine.rememberName(t, bare.get().name());
                t.out.say(t.say.thanksName(t.state.customerName));
                t.utterance = Utterance.of("");
                consumed = true;
            }
        }
        consumed |= pickChoice(t);
        consumed |= fillDetails(t, t.state.flow != Flow.RESCHEDULE);
        if (consumed) {
            advance(t);
        }
        return consumed;
    }

    static boolean offerStep(Turn t) {
        DialogueState s = t.state;
        OfferedSlot pick = null;
        String id = t.replyId();
        Optional<TimeQuery> time = TimeExpressionParser.parse(t.utterance);
        Optional<DateQuery> date = DateExpressionParser.parse(t.utterance, t.today);
        if (id != null && id.startsWith("slot:")) {
            pick = offerAt(t, parseIndex(id.substring(5)));
            if (pick == null) {
                return true;
            }
        } else if (ChoiceParser.parse(t.utterance).isPresent()
                && (inRange(t, ChoiceParser.parse(t.utterance).getAsInt()) || (time.isEmpty() && date.isEmpty()))) {
            OptionalInt choice = ChoiceParser.parse(t.utterance);
            pick = offerAt(t, choice.getAsInt() == ChoiceParser.LAST ? s.offers.size() : choice.getAsInt());
            if (pick == null) {
                return true;
            }
        } else if (time.isPresent() && time.get().isExact()) {
            LocalTime wanted = time.get().exact();
            pick = s.offers.stream()
                    .filter(o -> o.localStart().toLocalTime().equals(wanted))
                    .filter(o -> date.isEmpty() || !o.localStart().toLocalDate().isBefore(date.get().from())
                            && !o.localStart().toLocalDate().isAfter(date.get().to()))
                    .findFirst().orElse(null);
        }
        if (pick != null) {
            choose(t, pick);
            return true;
        }
        if (fillDetails(t, s.flow != Flow.RESCHEDULE)) {
            advance(t);
            return true;
        }
        Confirmation answer = Confirmation.of(t.utterance);
        if (answer == Confirmation.YES && s.offers.size() == 1) {
            choose(t, s.offers.getFirst());
            return true;
        }
        if (answer == Confirmation.NO) {
            s.clearWhen();
            s.offers = new ArrayList<>();
            advance(t);
            return true;
        }
        return false;
    }

    private static OfferedSlot offerAt(Turn t, int index) {
        List<OfferedSlot> offers = t.state.offers;
        if (index < 1 || index > offers.size()) {
            t.out.say(t.say.chooseNumber(offers.size()));
            Slots.render(t);
            return null;
        }
        return offers.get(index - 1);
    }

    private static boolean inRange(Turn t, int choice) {
        return choice == ChoiceParser.LAST ? !t.state.offers.isEmpty() : choice >= 1 && choice <= t.state.offers.size();
    }

    private static int parseIndex(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static boolean confirmHoldStep(Turn t) {
        DialogueState s = t.state;
        Confirmation answer = replyConfirmation(t);
        if (answer == Confirmation.YES && (t.replyId() != null || !hasWhen(t))) {
            confirm(t);
            return true;
        }
        if (t.replyId() == null) {
            OptionalInt choice = ChoiceParser.parse(t.utterance);
            if (choice.isPresent() && inRange(t, choice.getAsInt())) {
                int index = choice.getAsInt() == ChoiceParser.LAST ? s.offers.size() : choice.getAsInt();
                {
                    choose(t, s.offers.get(index - 1));
                    return true;
                }
            }
            if (fillDetails(t, true)) {
                release(t);
                advance(t);
                return true;
            }
        }
        if (answer == Confirmation.NO) {
            release(t);
            t.out.say(t.say.released());
            if (!s.offers.isEmpty()) {
                Slots.render(t);
            } else {
                s.clearWhen();
                s.step = Step.ASK_DATE;
            }
            return true;
        }
        return false;
    }

    static Confirmation replyConfirmation(Turn t) {
        String id = t.replyId();
        if (id != null) {
            return id.equals("confirm:yes") ? Confirmation.YES : id.equals("confirm:no") ? Confirmation.NO : Confirmation.NONE;
        }
        return Confirmation.of(t.utterance);
    }

    // ---------------------------------------------------------------- moving forward

    /** Asks for the next missing piece, or searches and offers slots when everything is known. */
    static void advance(Turn t) {
        DialogueState s = t.state;
        if (s.flow == Flow.RESCHEDULE) {
            if (!s.hasDate()) {
                s.step = Step.ASK_DATE;
                t.out.say(t.say.askRescheduleDate(s.target.serviceName(), s.target.localStart()));
                return;
            }
            searchAndOffer(t);
            return;
        }
        if (t.flow().requiredFields() != null && t.flow().requiredFields().contains("name") && s.customerName == null) {
            s.step = Step.ASK_NAME;
            t.out.say(t.say.askName());
            return;
        }
        if (s.serviceId == null) {
            askService(t);
            return;
        }
        Service service = t.catalog().service(s.serviceId).orElse(null);
        if (service == null) {
            s.serviceId = null;
            askService(t);
            return;
        }
        if (s.professionalId == null && !s.anyProfessional) {
            List<Professional> professionals = t.catalog().professionalsFor(service);
            if (professionals.size() == 1) {
                s.professionalId = professionals.getFirst().id();
                s.professionalName = professionals.getFirst().name();
            } else if (professionals.isEmpty()) {
                s.anyProfessional = true;
            } else {
                askProfessional(t, service, professionals);
                return;
            }
        }
        if (!s.hasDate()) {
            s.step = Step.ASK_DATE;
            t.out.say(t.say.askDate(s.serviceName, s.professionalName));
            return;
        }
        searchAndOffer(t);
    }

    private static void askService(Turn t) {
        DialogueState s = t.state;
        List<Service> options;
        boolean narrowed = !s.choices.isEmpty() && s.choices.stream().allMatch(c -> c.startsWith("svc:"));
        if (narrowed) {
            options = s.choices.stream().map(c -> t.catalog().service(c.substring(4))).flatMap(Optional::stream).toList();
        } else {
            options = t.catalog().services;
        }
        s.step = Step.ASK_SERVICE;
        s.choices = new ArrayList<>(options.stream().map(x -> "svc:" + x.id()).toList());
        t.out.say(narrowed ? t.say.whichService() : t.say.askService());
        List<Option> rows = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            Service service = options.get(i);
            t.out.say((i + 1) + ". " + service.name());
            rows.add(new Option("svc:" + service.id(), Formats.clip(service.name(), 24),
                    service.durationMinutes() + " min"));
        }
        t.out.list(t.say.servicesTitle(), rows);
    }

    private static void askProfessional(Turn t, Service service, List<Professional> professionals) {
        DialogueState s = t.state;
        s.step = Step.ASK_PROFESSIONAL;
        s.choices = new ArrayList<>();
        t.out.say(t.say.askProfessional(service.name()));
        List<Option> rows = new ArrayList<>();
        for (int i = 0; i < professionals.size() && i < 9; i++) {
            Professional professional = professionals.get(i);
            s.choices.add("pro:" + professional.id());
            t.out.say((i + 1) + ". " + professional.name());
            rows.add(new Option("pro:" + professional.id(), Formats.clip(professional.name(), 24),
                    Formats.clip(professional.specialty(), 72)));
        }
        s.choices.add("pro:any");
        t.out.say(s.choices.size() + ". " + t.say.anyProfessional());
        rows.add(new Option("pro:any", t.say.anyProfessional(), null));
        t.out.list(t.say.professionalsTitle(), rows);
    }

    /** Searches the calendar for the wanted day (and time), offering up to five real slots. */
    static void searchAndOffer(Turn t) {
        DialogueState s = t.state;
        if (s.dateTo.isBefore(t.today)) {
            t.out.say(t.say.pastDate());
            s.clearWhen();
            advance(t);
            return;
        }
        LocalDate from = s.dateFrom.isBefore(t.today) ? t.today : s.dateFrom;
        LocalDate to = s.dateTo;
        String professional = s.anyProfessional ? null : s.professionalId;
        String serviceName = s.flow == Flow.RESCHEDULE ? s.target.serviceName() : s.serviceName;
        if (s.exactTime != null) {
            List<Slot> day = find(t, from, to, null, null, 100);
            LocalTime wanted = s.exactTime;
            Optional<Slot> exact = day.stream().filter(x -> x.localStart().toLocalTime().equals(wanted)).findFirst();
            if (exact.isPresent()) {
                choose(t, OfferedSlot.of(exact.get()));
                return;
            }
            t.out.say(t.say.exactUnavailable(Formats.time(wanted)));
            if (!day.isEmpty()) {
                List<Slot> nearest = day.stream()
                        .sorted(Comparator.comparing((Slot x) -> Math.abs(Duration.between(wanted, x.localStart().toLocalTime()).toMinutes()))
                                .thenComparing(Slot::start))
                        .limit(Slots.MAX_OFFERS).sorted(Comparator.comparing(Slot::start)).toList();
                t.out.say(t.say.offerSlots(serviceName));
                Slots.offer(t, nearest);
                return;
            }
        } else {
            List<Slot> slots = find(t, from, to, s.earliest, s.latest, Slots.MAX_OFFERS);
            if (!slots.isEmpty()) {
                t.out.say(t.say.offerSlots(serviceName));
                Slots.offer(t, slots);
                return;
            }
            boolean window = s.earliest != null || s.latest != null;
            t.out.say(window ? t.say.nothingInWindow() : t.say.nothingThatDay(Formats.day(from, t.lang)));
        }
        List<Slot> later = find(t, to.plusDays(1), to.plusDays(LOOK_AHEAD_DAYS), s.earliest, s.latest, Slots.MAX_OFFERS);
        if (later.isEmpty() && (s.earliest != null || s.latest != null)) {
            later = find(t, to.plusDays(1), to.plusDays(LOOK_AHEAD_DAYS), null, null, Slots.MAX_OFFERS);
        }
        if (later.isEmpty()) {
            t.out.say(t.say.noSlotsAtAll());
            s.clearWhen();
            s.step = Step.ASK_DATE;
            return;
        }
        t.out.say(t.say.nextFree());
        Slots.offer(t, later);
    }

    private static List<Slot> find(Turn t, LocalDate from, LocalDate to, LocalTime earliest, LocalTime latest, int limit) {
        DialogueState s = t.state;
        String serviceId = s.flow == Flow.RESCHEDULE ? s.target.serviceId() : s.serviceId;
        String professional = s.flow == Flow.RESCHEDULE ? s.target.professionalId()
                : s.anyProfessional ? null : s.professionalId;
        List<Slot> slots = t.gateway.findSlots(t.tenantId(),
                new FindAvailableSlotsInput(serviceId, professional, from, to, earliest, latest, limit));
        return slots.stream().filter(x -> x.start() != null && x.localStart() != null).toList();
    }

    /** The customer picked a slot: hold it (booking) or ask to confirm the move (rescheduling). */
    static void choose(Turn t, OfferedSlot slot) {
        DialogueState s = t.state;
        if (s.flow == Flow.RESCHEDULE) {
            s.newSlot = slot;
            s.step = Step.CONFIRM_RESCHEDULE;
            t.out.say(t.say.confirmReschedule(s.target.serviceName(), s.target.localStart(), slot.localStart(),
                    slot.professionalName() != null ? slot.professionalName() : s.target.professionalName()));
            DialogueEngine.yesNoButtons(t);
            return;
        }
        if (s.hold != null) {
            release(t);
        }
        try {
            Booking booking = t.gateway.hold(t.tenantId(), new HoldSlotInput(s.serviceId, slot.professionalId(), slot.start(),
                    t.customerId(), s.customerName, null, t.in.channel(), idempotencyKey(t, slot)));
            s.hold = BookingRef.of(booking).withDefaults(s.serviceName, slot.professionalName(), slot.localStart());
            s.step = Step.CONFIRM_HOLD;
            t.out.bookingIds.add(booking.id());
            t.out.say(t.say.confirmHold(s.hold.serviceName(), s.hold.professionalName(), s.hold.localStart()));
            DialogueEngine.yesNoButtons(t);
        } catch (McpToolError e) {
            refused(t, e, slot);
        }
    }

    static void confirm(Turn t) {
        DialogueState s = t.state;
        BookingRef hold = s.hold;
        try {
            Booking booking = t.gateway.confirm(t.tenantId(), hold.id(), t.customerId());
            if (booking.status() != null && booking.status() != CalendarTools.BookingStatus.CONFIRMED) {
                throw new McpToolError(CalendarTools.CONFIRM_BOOKING, CalendarTools.INVALID_TRANSITION,
                        "booking is " + booking.status(), java.util.Map.of());
            }
            BookingRef done = BookingRef.of(booking).withDefaults(hold.serviceName(), hold.professionalName(), hold.localStart());
            t.out.bookingIds.add(booking.id());
            t.out.say(t.say.confirmed(s.customerName, done.serviceName(), done.professionalName(), done.localStart(), done.code()));
            s.resetTask();
        } catch (McpToolError e) {
            s.hold = null;
            s.flowSeq++;
            refused(t, e, null);
        }
    }

    /** A calendar refusal on hold/confirm/reschedule: explain and offer what the calendar says is free. */
    static void refused(Turn t, McpToolError e, OfferedSlot wanted) {
        DialogueState s = t.state;
        log.info("calendar refused {}: {}", e.tool(), e.code());
        switch (e.code()) {
            case CalendarTools.SLOT_TAKEN -> {
                t.out.say(t.say.slotTaken());
                List<Slot> alternatives = Slots.alternatives(e, wanted);
                if (!alternatives.isEmpty()) {
                    t.out.say(t.say.alternatives());
                    Slots.offer(t, alternatives);
                    return;
                }
            }
            case CalendarTools.HOLD_LIMIT_REACHED -> {
                t.out.say(t.say.holdLimit());
                if (!s.offers.isEmpty()) {
                    Slots.render(t);
                }
                return;
            }
            case CalendarTools.HOLD_EXPIRED -> t.out.say(t.say.holdExpired());
            default -> t.out.say(s.flow == Flow.RESCHEDULE ? t.say.couldNotChange() : t.say.couldNotBook());
        }
        s.exactTime = null;
        s.offers = new ArrayList<>();
        if (s.hasDate()) {
            searchAndOffer(t);
        } else {
            advance(t);
        }
    }

    /** Gives a hold back (best effort: holds also expire on their own) and starts a new attempt. */
    static void release(Turn t) {
        DialogueState s = t.state;
        if (s.hold == null) {
            return;
        }
        try {
            t.gateway.cancel(t.tenantId(), s.hold.id(), t.customerId(), "released by the customer");
        } catch (RuntimeException e) {
            log.info("could not release hold {}: {}", s.hold.id(), e.toString());
        }
        s.hold = null;
        s.flowSeq++;
    }

    /**
     * conversation + per-conversation random seed + attempt number + slot: a retried turn (same stored
     * state) sends the same key and gets the same hold; a new attempt after a release gets a new one.
     */
    static String idempotencyKey(Turn t, OfferedSlot slot) {
        String material = t.in.conversationId() + "|" + t.state.nonceSeed + "|" + t.state.flowSeq + "|"
                + slot.professionalId() + "|" + slot.start();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return "asst-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
