package com.aiassistants.backend.assistant.dialogue;

import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;

import com.aiassistants.backend.assistant.AssistantReply;
import com.aiassistants.backend.assistant.AssistantTurn;
import com.aiassistants.backend.assistant.nlu.ChoiceParser;
import com.aiassistants.backend.assistant.nlu.Confirmation;
import com.aiassistants.backend.assistant.nlu.Intent;
import com.aiassistants.backend.assistant.nlu.IntentClassifier;
import com.aiassistants.backend.assistant.nlu.Language;
import com.aiassistants.backend.assistant.nlu.LanguageDetector;
import com.aiassistants.backend.assistant.nlu.NameExtractor;
import com.aiassistants.backend.assistant.nlu.Utterance;
import com.aiassistants.backend.assistant.replies.Replies;
import com.aiassistants.backend.assistant.scheduling.SchedulingGateway;
import com.aiassistants.common.mcp.client.McpToolError;
import com.aiassistants.common.mcp.client.McpUnavailableException;

/**
 * The state machine. Order of reading a message: activation code → button/list reply → a name the
 * customer introduces → intents that interrupt any step (human, menu, my bookings, cancel,
 * reschedule, questions about prices/services/professionals/hours) → the current step's
 * {@link StepHandler} (a choice, a yes/no, a correction) → what the message asks when idle.
 * <p>
 * A little over the reactor's ~300-line guide on purpose: the order of reading above is the class, and the steps
 * themselves already live in their {@link StepHandler}s.
 */
public final class DialogueEngine {

    private static final Logger log = LoggerFactory.getLogger(DialogueEngine.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> BOOKING_NOUNS = List.of("turno", "turnos", "reserva", "reservas", "cita", "citas",
            "booking", "bookings", "appointment", "appointments");

    private final SchedulingGateway gateway;
    private final MessageSource messages;
    private final Map<Step, StepHandler> steps = new EnumMap<>(Step.class);
    private final ConfirmCancelStep confirmCancel = new ConfirmCancelStep();

    public DialogueEngine(SchedulingGateway gateway, MessageSource messages) {
        this.gateway = gateway;
        this.messages = messages;
        CollectStep collect = new CollectStep();
        steps.put(Step.ASK_NAME, new AskNameStep());
        steps.put(Step.ASK_SERVICE, collect);
        steps.put(Step.ASK_PROFESSIONAL, collect);
        steps.put(Step.ASK_DATE, collect);
        steps.put(Step.OFFER_SLOTS, new OfferSlotsStep());
        steps.put(Step.CONFIRM_HOLD, new ConfirmHoldStep());
        steps.put(Step.CHOOSE_BOOKING, new ChooseBookingStep());
        steps.put(Step.CONFIRM_CANCEL, confirmCancel);
        steps.put(Step.CONFIRM_RESCHEDULE, new ConfirmRescheduleStep());
    }

    public AssistantReply reply(AssistantTurn in) {
        DialogueState parsed = DialogueState.parse(in.state());
        boolean fresh = parsed == null;
        DialogueState state = fresh ? newState() : parsed;
        if (state.customerName() == null && in.memory() != null && in.memory().get("name") != null) {
            state.rememberName(in.memory().get("name"));
        }
        Language fallback = Language.fromCode(state.language(), Language.fromCode(in.tenant().locale(), Language.ES));
        Utterance utterance = Utterance.of(in.text());
        // a tapped row's title is our own (often catalogue) text: it says nothing about the customer's language
        Language lang = in.replyId() != null && !fresh ? fallback
                : LanguageDetector.detect(utterance, fallback, fresh, nameWords(state, utterance));
        state.speak(lang.code());
        Turn t = new Turn(in, state, fresh, Replies.in(messages, lang), utterance, gateway);
        try {
            dispatch(t);
        } catch (McpUnavailableException | McpToolError e) {
            log.warn("scheduling unavailable during a turn: {}", e.toString());
            t.out.clear();
            t.out.say(t.say.unavailable());
            return t.out.reply(fresh ? newState().toJson() : in.state());
        }
        return t.out.reply(state.toJson());
    }

    /** Words of the customer's name (known, introduced now, or the answer to "what is your name?"): never a language signal. */
    private static Set<String> nameWords(DialogueState state, Utterance utterance) {
        Set<String> words = new HashSet<>();
        if (state.customerName() != null) {
            words.addAll(Utterance.of(state.customerName()).tokens());
        }
        NameExtractor.introduced(utterance.raw()).ifPresent(n -> words.addAll(Utterance.of(n.name()).tokens()));
        if (state.step() == Step.ASK_NAME) {
            NameExtractor.bare(utterance.raw()).ifPresent(n -> words.addAll(Utterance.of(n.name()).tokens()));
        }
        return words;
    }

    private static DialogueState newState() {
        byte[] seed = new byte[6];
        RANDOM.nextBytes(seed);
        return DialogueState.start(HexFormat.of().formatHex(seed));
    }

    private void dispatch(Turn t) {
        DialogueState s = t.state;
        String action = activationAction(t);
        if (action != null) {
            if (t.fresh) {
                t.out.say(greeting(t));
            }
            startAction(t, action);
            return;
        }
        if (ReminderReplies.handle(t)) {
            return;
        }
        String replyId = t.replyId();
        if (replyId != null && replyId.startsWith(Menu.PREFIX)) {
            startAction(t, replyId.substring(Menu.PREFIX.length()));
            return;
        }
        Optional<NameExtractor.NameMatch> name = NameExtractor.introduced(t.utterance().raw());
        if (name.isPresent()) {
            t.rememberName(name.get().name());
            t.consume(t.utterance().without(name.get().start(), name.get().end()));
            t.out.say(IntentClassifier.isGreeting(t.utterance()) ? t.say.hello(s.customerName()) : t.say.thanksName(s.customerName()));
        }
        Intent intent = IntentClassifier.classify(t.utterance());
        if (interrupt(t, intent)) {
            return;
        }
        Step step = s.step();
        if (step != Step.IDLE && steps.get(step).handle(t)) {
            return;
        }
        if (step != Step.IDLE && ((intent != Intent.THANKS_BYE && intent != Intent.BOOK) || step.confirming())) {
            if (intent == Intent.GREET && !t.nameGiven()) {
                t.out.say(t.say.hello(s.customerName()));
            } else if (!t.nameGiven()) {
                t.out.say(t.say.notUnderstood());
                s.missed();
            }
            prompt(t);
            if (s.misses() >= 2) {
                t.out.say(t.say.menuHint());
            }
            return;
        }
        idle(t, intent);
    }

    /** Intents that leave (or pause) any step; true if handled. */
    private boolean interrupt(Turn t, Intent intent) {
        DialogueState s = t.state;
        Step step = s.step();
        switch (intent) {
            case HUMAN, MENU -> {
                startAction(t, intent == Intent.HUMAN ? "human" : "menu");
                return true;
            }
            case MY_BOOKINGS -> {
                if (!step.confirming()) {
                    Manage.list(t);
                    return true;
                }
            }
            case CANCEL -> {
                if (step == Step.CONFIRM_CANCEL) {
                    return confirmCancel.answer(t, t.replyId() == null ? Confirmation.YES : t.confirmation());
                }
                if (!step.confirming() || t.utterance().hasAny(BOOKING_NOUNS)) {
                    if (step.collecting() && s.flow() == Flow.BOOK && !t.utterance().hasAny(BOOKING_NOUNS)) {
                        Holds.abandon(t);
                        t.out.say(t.say.abandoned());
                        t.out.say(t.say.menuHint());
                        return true;
                    }
                    Manage.start(t, Flow.CANCEL);
                    return true;
                }
            }
            case RESCHEDULE -> {
                if (!(step != Step.IDLE && s.flow() != null && t.hasWhen() && !t.utterance().hasAny(BOOKING_NOUNS))) {
                    Manage.start(t, Flow.RESCHEDULE);
                    return true;
                }
            }
            default -> {
                boolean slotRequest = intent == Intent.HOURS && t.hasWhen() && !IntentClassifier.asksWhenOpen(t.utterance());
                if (intent.informational() && !slotRequest) {
                    if (IntentClassifier.isGreeting(t.utterance()) && !t.nameGiven()) {
                        t.out.say(t.say.hello(s.customerName()));
                    }
                    InfoAnswers.answer(t, intent);
                    if (step == Step.IDLE) {
                        t.out.say(t.say.bookHint());
                    } else {
                        prompt(t);
                    }
                    return true;
                }
            }
        }
        return false;
    }

    private void idle(Turn t, Intent intent) {
        DialogueState s = t.state;
        boolean nameGiven = t.nameGiven();
        Intent reading = IntentClassifier.atRest(intent, t.utterance(), t.hasWhen(), Details.namesCatalogue(t));
        if (IntentClassifier.isGreeting(t.utterance()) && reading != Intent.GREET && !nameGiven) {
            t.out.say(t.fresh && t.flow().greeting() != null ? t.flow().greeting() : t.say.hello(s.customerName()));
        }
        OptionalInt menuChoice = ChoiceParser.parse(t.utterance());
        if (reading == Intent.UNKNOWN && menuChoice.isPresent() && !s.choices().isEmpty()
                && s.choices().getFirst().startsWith(Menu.PREFIX)) {
            int index = menuChoice.getAsInt() == ChoiceParser.LAST ? s.choices().size() : menuChoice.getAsInt();
            if (index >= 1 && index <= s.choices().size()) {
                startAction(t, s.choices().get(index - 1).substring(Menu.PREFIX.length()));
                return;
            }
        }
        switch (reading) {
            case BOOK -> Planner.startBooking(t, true);
            case THANKS_BYE -> {
                Holds.abandon(t);
                t.out.say(t.say.thanksBye());
            }
            case GREET -> {
                Holds.abandon(t);
                if (!nameGiven) {
                    t.out.say(t.fresh ? greeting(t) : t.say.hello(s.customerName()));
                }
                Menu.show(t);
            }
            default -> {
                if (!nameGiven) {
                    t.out.say(t.fresh ? greeting(t) : t.say.notUnderstood());
                }
                Menu.show(t);
            }
        }
    }

    /** Repeats the question of the current step (after an aside or an unreadable answer). */
    private void prompt(Turn t) {
        Step step = t.state.step();
        if (step == Step.IDLE) {
            Menu.show(t);
        } else {
            steps.get(step).prompt(t);
        }
    }

    private static String greeting(Turn t) {
        return t.flow().greeting() != null ? t.flow().greeting() : t.say.greeting(t.in.tenant().name(), t.state.customerName());
    }

    /** The tenant's activation code (e.g. FLOW_RESERVA_INIT from a wa.me link) → its action. */
    private static String activationAction(Turn t) {
        Map<String, String> codes = t.flow().activationCodes();
        String text = t.in.text() == null ? "" : t.in.text().strip();
        if (codes == null || text.isEmpty() || text.length() > 64) {
            return null;
        }
        for (Map.Entry<String, String> code : codes.entrySet()) {
            if (code.getKey().equalsIgnoreCase(text)) {
                return code.getValue().strip().toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static void startAction(Turn t, String action) {
        switch (action) {
            case "book" -> Planner.startBooking(t, false);
            case "bookings", "my_bookings" -> Manage.list(t);
            case "cancel" -> Manage.start(t, Flow.CANCEL);
            case "reschedule" -> Manage.start(t, Flow.RESCHEDULE);
            case "prices", "services" -> {
                InfoAnswers.answer(t, Intent.PRICES);
                t.out.say(t.say.bookHint());
            }
            case "professionals" -> {
                InfoAnswers.answer(t, Intent.PROFESSIONALS);
                t.out.say(t.say.bookHint());
            }
            case "hours" -> InfoAnswers.answer(t, Intent.HOURS);
            case "human" -> {
                Holds.abandon(t);
                t.out.handOff();
                t.out.say(t.say.handoff());
            }
            default -> {
                if (action.startsWith("book:")) {
                    Planner.startBooking(t, action.substring(5));
                    return;
                }
                Holds.abandon(t);
                Menu.show(t);
            }
        }
    }
}
