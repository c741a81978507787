package com.aiassistants.backend.assistant.dialogue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import com.aiassistants.backend.assistant.nlu.DateQuery;
import com.aiassistants.backend.assistant.nlu.TimeQuery;

/**
 * The explicit per-conversation state: the working memory of the dialogue, changed only through
 * the methods below while one turn is handled, and persisted as JSON by the conversation layer between turns
 * ({@link StateJson}). What the customer asked for in the task at hand (service, professional, days, time) is
 * kept in {@link Asked}, unwrapped into the same JSON object.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public final class DialogueState {

    private int version = 1;
    private Step step = Step.IDLE;
    private Flow flow;
    private String language;
    /** Random per conversation; with {@link #flowSeq} it makes hold idempotency keys. */
    private String nonceSeed;
    /** Incremented for every new booking attempt, so a retried turn reuses its key and a new attempt does not. */
    private int flowSeq;
    private String customerName;
    @JsonUnwrapped
    private Asked asked = new Asked();
    /** Ids the user can pick by number in ASK_SERVICE / ASK_PROFESSIONAL / the menu. */
    private List<String> choices = new ArrayList<>();
    private List<OfferedSlot> offers = new ArrayList<>();
    private BookingRef hold;
    private List<BookingRef> bookings = new ArrayList<>();
    private BookingRef target;
    private OfferedSlot newSlot;
    private int misses;
    /** The booking of the last reminder sent, until the patient answers it or it starts: answers are read about it. */
    private BookingRef reminded;
    /** The name WhatsApp showed, offered as "book under this name?" while the name is asked. */
    private String offeredName;
    /** The order looked up or the claim being written (flows ORDER and CLAIM). */
    private OrderTask orderTask;

    private DialogueState() {
    }

    /** A new conversation's state; {@code nonceSeed} is random per conversation. */
    public static DialogueState start(String nonceSeed) {
        DialogueState state = new DialogueState();
        state.nonceSeed = nonceSeed;
        return state;
    }

    /** The state persisted as {@code json}; null when there is none or it cannot be read. */
    public static DialogueState parse(String json) {
        return StateJson.read(json, DialogueState.class);
    }

    public String toJson() {
        return StateJson.write(this);
    }

    /**
     * The conversation's state once a reminder about {@code booking} was sent: the same state (a new one when there
     * was none) with the booking as the reminder's context. A state this class cannot read is returned unchanged.
     */
    public static String remind(String json, BookingRef booking) {
        DialogueState state = parse(json);
        if (state == null) {
            if (json != null && !json.isBlank()) {
                return json;
            }
            state = start(StateJson.newSeed());
        }
        state.reminded = booking;
        return state.toJson();
    }

    public Step step() { return step; }
    public Flow flow() { return flow; }
    public String language() { return language; }
    public String nonceSeed() { return nonceSeed; }
    public int flowSeq() { return flowSeq; }
    public String customerName() { return customerName; }
    public String offeredName() { return offeredName; }

    // what the customer asked for (kept in Asked)
    public String serviceId() { return asked.serviceId; }
    public String serviceName() { return asked.serviceName; }
    public String professionalId() { return asked.professionalId; }
    public String professionalName() { return asked.professionalName; }
    public boolean anyProfessional() { return asked.anyProfessional; }
    public LocalDate dateFrom() { return asked.dateFrom; }
    public LocalDate dateTo() { return asked.dateTo; }
    public LocalTime exactTime() { return asked.exactTime; }
    public LocalTime earliest() { return asked.earliest; }
    public LocalTime latest() { return asked.latest; }

    public int misses() { return misses; }
    public boolean hasDate() { return asked.dateFrom != null; }
    public boolean hasTimeWindow() { return asked.earliest != null || asked.latest != null; }

    public List<String> choices() { return Collections.unmodifiableList(choices); }
    public List<OfferedSlot> offers() { return Collections.unmodifiableList(offers); }
    public BookingRef hold() { return hold; }
    public List<BookingRef> bookings() { return Collections.unmodifiableList(bookings); }
    public BookingRef target() { return target; }
    public OfferedSlot newSlot() { return newSlot; }
    public BookingRef reminded() { return reminded; }
    public OrderTask orderTask() { return orderTask; }

    void speak(String languageCode) {
        language = languageCode;
    }

    void workOnOrder(OrderTask task) {
        orderTask = task;
    }

    void rememberName(String name) {
        customerName = name;
        offeredName = null;
    }

    void offerName(String name) {
        offeredName = name;
    }

    void moveTo(Step next) {
        step = next;
    }

    /** Forgets the task in progress and starts a new one (a new booking attempt for idempotency keys). */
    void startTask(Flow next) {
        resetTask();
        flow = next;
        flowSeq++;
    }

    /** Counts an answer the current step could not read; returns how many in a row. */
    int missed() {
        return ++misses;
    }

    void chooseService(String id, String name) {
        asked.service(id, name);
        choices = new ArrayList<>();
    }

    void forgetService() {
        asked.service(null, null);
    }

    void chooseProfessional(String id, String name) {
        asked.professional(id, name);
    }

    void acceptAnyProfessional() {
        asked.anyProfessional();
    }

    void forgetProfessional() {
        asked.professionalId = null;
        asked.professionalName = null;
    }

    /** Ids the customer may answer by number (e.g. {@code svc:…}, {@code pro:…}, {@code menu:…}). */
    void offerChoices(List<String> ids) {
        choices = new ArrayList<>(ids);
    }

    void wantDates(DateQuery date) {
        asked.dates(date);
        offers = new ArrayList<>();
    }

    void wantTime(TimeQuery time) {
        asked.time(time);
        offers = new ArrayList<>();
    }

    /** After an exact time could not be had: search the day without it. */
    void forgetExactTime() {
        asked.exactTime = null;
    }

    void offer(List<OfferedSlot> slots) {
        offers = new ArrayList<>(slots);
        step = Step.OFFER_SLOTS;
    }

    void forgetOffers() {
        offers = new ArrayList<>();
    }

    void held(BookingRef booking) {
        hold = booking;
        step = Step.CONFIRM_HOLD;
    }

    /** The hold is gone (released, expired or refused): the next attempt gets a new idempotency key. */
    void dropHold() {
        hold = null;
        flowSeq++;
    }

    void listBookings(List<BookingRef> found) {
        bookings = new ArrayList<>(found);
    }

    /**
     * The booking to cancel or move. Moving keeps its service and professional, and the day or time
     * already asked for: "a la misma hora" becomes its time of day, a time without a day its day.
     */
    void aimAt(BookingRef booking) {
        target = booking;
        if (flow == Flow.RESCHEDULE && asked.moving(booking)) {
            offers = new ArrayList<>();
        }
    }

    /** Moving at "the same time": the booking's time of day (before the booking is known: remembered for {@link #aimAt}). */
    void wantSameTime() {
        if (target != null) {
            asked.timeOf(target);
            offers = new ArrayList<>();
        } else {
            asked.sameTime = true;
        }
    }

    void forgetReminder() {
        reminded = null;
    }

    /** The reminder about {@code booking} is being answered again (a tap on it after an earlier answer). */
    void answeringReminder(BookingRef booking) {
        reminded = booking;
    }

    void proposeMove(OfferedSlot slot) {
        newSlot = slot;
        step = Step.CONFIRM_RESCHEDULE;
    }

    void dropProposedMove() {
        newSlot = null;
    }

    /** Forgets the task in progress (keeps who the customer is and the language). */
    void resetTask() {
        step = Step.IDLE;
        flow = null;
        asked.clear();
        choices = new ArrayList<>();
        offers = new ArrayList<>();
        hold = null;
        bookings = new ArrayList<>();
        target = null;
        newSlot = null;
        misses = 0;
        orderTask = null;
    }

    void clearWhen() {
        asked.clearWhen();
    }
}
