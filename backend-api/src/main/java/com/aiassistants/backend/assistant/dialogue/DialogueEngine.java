package com.aiassistants.backend.assistant.dialogue;

import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;

import com.aiassistants.backend.assistant.AssistantReply;
import com.aiassistants.backend.assistant.AssistantTurn;
import com.aiassistants.backend.assistant.BookingLinks;
import com.aiassistants.backend.assistant.nlu.ChoiceParser;
import com.aiassistants.backend.assistant.nlu.Intent;
import com.aiassistants.backend.assistant.nlu.IntentClassifier;
import com.aiassistants.backend.assistant.nlu.Language;
import com.aiassistants.backend.assistant.nlu.LanguageDetector;
import com.aiassistants.backend.assistant.nlu.NameExtractor;
import com.aiassistants.backend.assistant.nlu.Utterance;
import com.aiassistants.backend.assistant.orders.OrderDesk;
import com.aiassistants.backend.assistant.replies.Replies;
import com.aiassistants.backend.assistant.scheduling.SchedulingGateway;
import com.aiassistants.common.mcp.client.McpToolError;
import com.aiassistants.common.mcp.client.McpUnavailableException;

/**
 * The state machine. Order of reading a message: activation code → button/list reply → a name the
 * customer introduces → intents that interrupt any step (human, menu, my bookings, cancel,
 * reschedule, questions about prices/services/professionals/hours) → the current step's
 * {@link StepHandler} (a choice, a yes/no, a correction) → what the message asks when idle. The interrupts are
 * {@link Interrupts}, the named actions (menu rows, activation codes) {@link Actions}, the handlers {@link Steps}.
 */
public final class DialogueEngine {

    private static final Logger log = LoggerFactory.getLogger(DialogueEngine.class);

    private final SchedulingGateway gateway;
    private final MessageSource messages;
    private final OrderDesk orders;
    private final BookingLinks links;
    private final Steps steps = new Steps();
    private final Interrupts interrupts = new Interrupts(steps);

    public DialogueEngine(SchedulingGateway gateway, MessageSource messages) {
        this(gateway, messages, OrderDesk.NONE, BookingLinks.NONE);
    }

    /** With the shop's orders hook ({@link OrderDesk#NONE}: the assistant says it cannot look orders up). */
    public DialogueEngine(SchedulingGateway gateway, MessageSource messages, OrderDesk orders) {
        this(gateway, messages, orders, BookingLinks.NONE);
    }

    /** @param links the calendar-file links put under a confirmation or a move ({@link BookingLinks#NONE}: none) */
    public DialogueEngine(SchedulingGateway gateway, MessageSource messages, OrderDesk orders, BookingLinks links) {
        this.gateway = gateway;
        this.messages = messages;
        this.orders = orders;
        this.links = links;
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
        Turn t = new Turn(in, state, fresh, Replies.in(messages, lang), utterance, gateway, orders, links);
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
        return DialogueState.start(StateJson.newSeed());
    }

    private void dispatch(Turn t) {
        DialogueState s = t.state;
        String action = Actions.activation(t);
        if (action != null) {
            if (t.fresh) {
                t.out.say(Actions.greeting(t));
            }
            Actions.start(t, action);
            return;
        }
        if (ReminderReplies.handle(t)) {
            return;
        }
        String replyId = t.replyId();
        if (replyId != null && replyId.startsWith(Menu.PREFIX)) {
            Actions.start(t, replyId.substring(Menu.PREFIX.length()));
            return;
        }
        Optional<NameExtractor.NameMatch> name = NameExtractor.introduced(t.utterance().raw());
        if (name.isPresent()) {
            t.rememberName(name.get().name());
            t.consume(t.utterance().without(name.get().start(), name.get().end()));
            t.out.say(IntentClassifier.isGreeting(t.utterance()) ? t.say.hello(s.customerName()) : t.say.thanksName(s.customerName()));
        }
        Intent intent = IntentClassifier.classify(t.utterance());
        if (interrupts.handle(t, intent)) {
            return;
        }
        Step step = s.step();
        if (steps.handle(t)) {
            return;
        }
        if (step != Step.IDLE && ((intent != Intent.THANKS_BYE && intent != Intent.BOOK) || step.confirming())) {
            if (intent == Intent.GREET && !t.nameGiven()) {
                t.out.say(t.say.hello(s.customerName()));
            } else if (!t.nameGiven()) {
                t.out.say(t.say.notUnderstood());
                s.missed();
            }
            steps.prompt(t);
            if (s.misses() >= 2) {
                t.out.say(t.say.menuHint());
            }
            return;
        }
        idle(t, intent);
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
                Actions.start(t, s.choices().get(index - 1).substring(Menu.PREFIX.length()));
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
                    t.out.say(t.fresh ? Actions.greeting(t) : t.say.hello(s.customerName()));
                }
                Menu.show(t);
            }
            default -> {
                if (!nameGiven) {
                    t.out.say(t.fresh ? Actions.greeting(t) : t.say.notUnderstood());
                }
                Menu.show(t);
            }
        }
    }
}
