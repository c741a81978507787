package com.aiassistants.backend.assistant.dialogue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.aiassistants.backend.assistant.AssistantReply;
import com.aiassistants.backend.assistant.AssistantReply.Interactive.Option;
import com.aiassistants.backend.assistant.AssistantTurn;
import com.aiassistants.backend.assistant.nlu.ChoiceParser;
import com.aiassistants.backend.assistant.nlu.Intent;
import com.aiassistants.backend.assistant.nlu.IntentClassifier;
import com.aiassistants.backend.assistant.nlu.Language;
import com.aiassistants.backend.assistant.nlu.LanguageDetector;
import com.aiassistants.backend.assistant.nlu.NameExtractor;
import com.aiassistants.backend.assistant.nlu.Utterance;
import com.aiassistants.backend.assistant.scheduling.SchedulingGateway;
import com.aiassistants.common.mcp.client.McpToolError;
import com.aiassistants.common.mcp.client.McpUnavailableException;

/**
 * The state machine. Order of reading a message: activation code → button/list reply → a name the
 * customer introduces → intents that interrupt any step (human, menu, my bookings, cancel,
 * reschedule, questions about prices/services/professionals/hours) → the current step's own
 * reading (a choice, a yes/no, a correction) → what the message asks when idle.
 */
public final class DialogueEngine {

    private static final Logger log = LoggerFactory.getLogger(DialogueEngine.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> MENU_LIST = List.of("book", "bookings", "cancel", "reschedule", "prices",
            "professionals", "hours", "human");
    private static final List<String> MENU_BUTTONS = List.of("book", "bookings", "human");
    private static final List<String> BOOKING_NOUNS = List.of("turno", "turnos", "reserva", "reservas", "cita", "citas",
            "booking", "bookings", "appointment", "appointments");

    private final SchedulingGateway gateway;

    public DialogueEngine(SchedulingGateway gateway) {
        this.gateway = gateway;
    }

    public AssistantReply reply(AssistantTurn in) {
        DialogueState parsed = DialogueState.parse(in.state());
        boolean fresh = parsed == null;
        DialogueState state = fresh ? newState() : parsed;
        if (state.customerName == null && in.memory() != null && in.memory().get("name") != null) {
            state.customerName = in.memory().get("name");
        }
        Language fallback = Language.fromCode(state.language, Language.fromCode(in.tenant().locale(), Language.ES));
        Utterance utterance = Utterance.of(in.text());
        // a tapped row's title is our own (often catalogue) text: it says nothing about the customer's language
        Language lang = in.replyId() != null && !fresh ? fallback : LanguageDetector.detect(utterance, fallback);
        state.language = lang.code();
        Turn t = new Turn(in, state, fresh, lang, utterance, gateway);
        try {
            dispatch(t);
        } catch (McpUnavailableException | McpToolError e) {
            log.warn("scheduling unavailable during a turn: {}", e.toString());
            t.out.clear();
            t.out.say(t.say.unavailable());
            String keep = fresh ? newState().toJson() : in.state();
            return new AssistantReply(t.out.text(), null, keep, Map.copyOf(t.out.memory), false, List.of());
        }
        return new AssistantReply(t.out.text(), t.out.interactive, state.toJson(), Map.copyOf(t.out.memory),
                t.out.handoff, List.copyOf(t.out.bookingIds));
    }

    private static DialogueState newState() {
        DialogueState state = new DialogueState();
        byte[] seed = new byte[6];
        RANDOM.nextBytes(seed);
        state.nonceSeed = HexFormat.of().formatHex(seed);
        return state;
    }

    private void dispatch(Turn t) {
        DialogueState s = t.state;
        String action = activationAction(t);
        if (action != null) {
            if (t.fresh) {
                t.out.say(t.flow().greeting() != null ? t.flow().greeting() : t.say.greeting(t.in.tenant().name()));
            }
            startAction(t, action);
            return;
        }
        String replyId = t.replyId();
        if (replyId != null && replyId.startsWith("menu:")) {
            startAction(t, replyId.substring(5));
            return;
        }
        boolean nameGiven = false;
        Optional<NameExtractor.NameMatch> name = NameExtractor.introduced(t.utterance.raw());
        if (name.isPresent()) {
            rememberName(t, name.get().name());
            t.utterance = t.utterance.without(name.get().start(), name.get().end());
            nameGiven = true;
            t.out.say(IntentClassifier.isGreeting(t.utterance) ? t.say.hello(s.customerName) : t.say.thanksName(s.customerName));
        }
        Intent intent = IntentClassifier.classify(t.utterance);
        Step step = s.step;
        if (intent == Intent.HUMAN) {
            startAction(t, "human");
            return;
        }
        if (intent == Intent.MENU) {
            startAction(t, "menu");
            return;
        }
        if (intent == Intent.MY_BOOKINGS && !step.confirming()) {
            ManageSteps.list(t);
            return;
        }
        if (intent == Intent.CANCEL) {
            if (step == Step.CONFIRM_CANCEL) {
                ManageSteps.confirmCancelStep(t, true);
                return;
            }
            if (!step.confirming() || t.utterance.hasAny(BOOKING_NOUNS)) {
                if (step.collecting() && s.flow == Flow.BOOK && !t.utterance.hasAny(BOOKING_NOUNS)) {
                    BookingSteps.release(t);
                    s.resetTask();
                    t.out.say(t.say.abandoned());
                    t.out.say(t.say.menuHint());
                    return;
                }
                ManageSteps.start(t, Flow.CANCEL);
                return;
            }
        }
        if (intent == Intent.RESCHEDULE && !(step != Step.IDLE && s.flow != null && BookingSteps.hasWhen(t)
                && !t.utterance.hasAny(BOOKING_NOUNS))) {
            ManageSteps.start(t, Flow.RESCHEDULE);
            return;
        }
        if (intent.informational() && !(intent == Intent.HOURS && BookingSteps.hasWhen(t))) {
            if (IntentClassifier.isGreeting(t.utterance)) {
                t.out.say(t.say.hello(s.customerName));
            }
            InfoAnswers.answer(t, intent);
            if (step == Step.IDLE) {
                t.out.say(t.say.bookHint());
            } else {
                reprompt(t);
            }
            return;
        }
        if (step != Step.IDLE && handleStep(t, nameGiven)) {
            return;
        }
        if (step != Step.IDLE && ((intent != Intent.THANKS_BYE && intent != Intent.BOOK) || step.confirming())) {
            if (intent == Intent.GREET) {
                t.out.say(t.say.hello(s.customerName));
            } else if (!nameGiven) {
                t.out.say(t.say.notUnderstood());
                s.misses++;
            }
            reprompt(t);
            if (s.misses >= 2) {
                t.out.say(t.say.menuHint());
            }
            return;
        }
        idle(t, intent, nameGiven);
    }

    private boolean handleStep(Turn t, boolean nameGiven) {
        return switch (t.state.step) {
            case ASK_NAME, ASK_SERVICE, ASK_PROFESSIONAL, ASK_DATE -> BookingSteps.collect(t, nameGiven);
            case OFFER_SLOTS -> BookingSteps.offerStep(t);
            case CONFIRM_HOLD -> BookingSteps.confirmHoldStep(t);
            case CHOOSE_BOOKING -> ManageSteps.chooseStep(t);
            case CONFIRM_CANCEL -> ManageSteps.confirmCancelStep(t, false);
            case CONFIRM_RESCHEDULE -> ManageSteps.confirmRescheduleStep(t);
            case IDLE -> false;
        };
    }

    private void idle(Turn t, Intent intent, boolean nameGiven) {
        DialogueState s = t.state;
        if (IntentClassifier.isGreeting(t.utterance) && intent != Intent.GREET && !nameGiven) {
            t.out.say(t.fresh && t.flow().greeting() != null ? t.flow().greeting() : t.say.hello(s.customerName));
        }
        OptionalInt menuChoice = ChoiceParser.parse(t.utterance);
        if (intent == Intent.UNKNOWN && menuChoice.isPresent() && !s.choices.isEmpty() && s.choices.getFirst().startsWith("menu:")) {
            int index = menuChoice.getAsInt() == ChoiceParser.LAST ? s.choices.size() : menuChoice.getAsInt();
            if (index >= 1 && index <= s.choices.size()) {
                startAction(t, s.choices.get(index - 1).substring(5));
                return;
            }
        }
        switch (intent) {
            case BOOK -> BookingSteps.start(t, true);
            case THANKS_BYE -> {
                BookingSteps.release(t);
                s.resetTask();
                t.out.say(t.say.thanksBye());
            }
            case GREET -> {
                BookingSteps.release(t);
                s.resetTask();
                if (!nameGiven) {
                    t.out.say(t.fresh ? greeting(t) : t.say.hello(s.customerName));
                }
                menu(t);
            }
            default -> {
                if (looksLikeBooking(t)) {
                    BookingSteps.start(t, true);
                } else if (nameGiven) {
                    menu(t);
                } else {
                    if (t.fresh) {
                        t.out.say(greeting(t));
                    } else {
                        t.out.say(t.say.notUnderstood());
                    }
                    menu(t);
                }
            }
        }
    }

    private static boolean looksLikeBooking(Turn t) {
        return BookingSteps.hasWhen(t) || !t.catalog().serviceMatcher.match(t.utterance).isEmpty()
                || !t.catalog().professionalMatcher.match(t.utterance).isEmpty();
    }

    private static String greeting(Turn t) {
        return t.flow().greeting() != null ? t.flow().greeting() : t.say.greeting(t.in.tenant().name());
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
        DialogueState s = t.state;
        switch (action) {
            case "book" -> BookingSteps.start(t, false);
            case "bookings", "my_bookings" -> ManageSteps.list(t);
            case "cancel" -> ManageSteps.start(t, Flow.CANCEL);
            case "reschedule" -> ManageSteps.start(t, Flow.RESCHEDULE);
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
                BookingSteps.release(t);
                s.resetTask();
                t.out.handoff = true;
                t.out.say(t.say.handoff());
            }
            default -> {
                if (action.startsWith("book:")) {
                    BookingSteps.startWithService(t, action.substring(5));
                    return;
                }
                BookingSteps.release(t);
                s.resetTask();
                menu(t);
            }
        }
    }

    /** The menu as buttons (≤3) or a list (≤10), per the tenant's flow settings; also answerable by number. */
    static void menu(Turn t) {
        boolean buttons = "buttons".equalsIgnoreCase(t.flow().menuStyle());
        List<String> actions = buttons ? MENU_BUTTONS : MENU_LIST;
        t.out.say(t.say.menuPrompt());
        List<Option> options = new ArrayList<>();
        t.state.choices = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            String title = t.say.menuOption(actions.get(i));
            t.out.say((i + 1) + ". " + title);
            options.add(new Option("menu:" + actions.get(i), title, null));
            t.state.choices.add("menu:" + actions.get(i));
        }
        if (buttons) {
            t.out.buttons(options);
        } else {
            t.out.list(t.say.menuTitle(), options);
        }
    }

    /** Repeats the question of the current step (after an aside or an unreadable answer). */
    private static void reprompt(Turn t) {
        DialogueState s = t.state;
        switch (s.step) {
            case OFFER_SLOTS -> Slots.render(t);
            case CONFIRM_HOLD -> {
                t.out.say(t.say.confirmHold(s.hold.serviceName(), s.hold.professionalName(), s.hold.localStart()));
                yesNoButtons(t);
            }
            case CONFIRM_CANCEL -> {
                t.out.say(t.say.confirmCancel(s.target.serviceName(), s.target.localStart()));
                yesNoButtons(t);
            }
            case CONFIRM_RESCHEDULE -> {
                t.out.say(t.say.confirmReschedule(s.target.serviceName(), s.target.localStart(), s.newSlot.localStart(),
                        s.newSlot.professionalName() != null ? s.newSlot.professionalName() : s.target.professionalName()));
                yesNoButtons(t);
            }
            case CHOOSE_BOOKING -> {
                Flow flow = s.flow;
                List<BookingRef> bookings = s.bookings;
                t.out.say(t.say.chooseBooking(flow == Flow.CANCEL));
                for (int i = 0; i < bookings.size(); i++) {
                    t.out.say((i + 1) + ". " + com.aiassistants.backend.assistant.replies.Formats.shortDateTime(
                            bookings.get(i).localStart(), t.lang) + " — " + bookings.get(i).serviceName());
                }
            }
            case IDLE -> menu(t);
            default -> BookingSteps.advance(t);
        }
    }

    static void yesNoButtons(Turn t) {
        t.out.buttons(List.of(new Option("confirm:yes", t.say.yes(), null), new Option("confirm:no", t.say.no(), null)));
    }

    static void rememberName(Turn t, String name) {
        t.state.customerName = name;
        t.out.memory.put("name", name);
    }
}
