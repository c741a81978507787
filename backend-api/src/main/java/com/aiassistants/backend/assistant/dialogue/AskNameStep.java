package com.aiassistants.backend.assistant.dialogue;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.aiassistants.backend.assistant.nlu.Confirmation;
import com.aiassistants.backend.assistant.nlu.NameExtractor;
import com.aiassistants.backend.assistant.nlu.Utterance;

/**
 * ASK_NAME: a bare answer ("Ana Gómez") is the name, unless the message is booking details instead. The name
 * WhatsApp showed, when it was offered, is taken by its tap (even when the tap arrives without the profile name)
 * or by a typed "sí" — unless a name follows the yes ("sí, Pedro Ramos"): the patient's own words win.
 */
final class AskNameStep implements StepHandler {

    private static final Pattern LEADING_YES = Pattern.compile("^\\s*(?:s[ií]|yes|dale|ok(?:ay)?)(?=[\\s,.;:!-])[\\s,.;:!-]*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final CollectStep details = new CollectStep();

    @Override
    public boolean handle(Turn t) {
        if (Questions.OTHER_NAME.equals(t.replyId())) {
            t.state.offerName(null);
            t.out.say(t.say.askName());
            return true;
        }
        Optional<String> shown = Optional.ofNullable(t.state.offeredName()).or(t::channelName);
        boolean takesShown = Questions.USE_SHOWN_NAME.equals(t.replyId())
                || (t.replyId() == null && t.state.offeredName() != null && t.confirmation() == Confirmation.YES);
        if (takesShown && shown.isPresent()) {
            take(t, t.replyId() == null ? typedAfterYes(t.utterance().raw()).orElse(shown.get()) : shown.get());
            return true;
        }
        if (!t.nameGiven() && t.replyId() == null && !t.hasWhen() && t.catalog().serviceMatcher.match(t.utterance()).isEmpty()) {
            Optional<NameExtractor.NameMatch> bare = NameExtractor.bare(t.utterance().raw());
            if (bare.isPresent()) {
                take(t, bare.get().name());
                return true;
            }
        }
        return details.handle(t);
    }

    /** The name in "sí, Pedro Ramos" (nothing after a bare "sí"). */
    static Optional<String> typedAfterYes(String raw) {
        Matcher yes = LEADING_YES.matcher(raw);
        if (!yes.find() || yes.end() >= raw.length()) {
            return Optional.empty();
        }
        return NameExtractor.bare(raw.substring(yes.end())).map(NameExtractor.NameMatch::name);
    }

    @Override
    public void prompt(Turn t) {
        Planner.advance(t);
    }

    /** The booking is under this name: thank, and ask the next thing (the message has nothing more to read). */
    private static void take(Turn t, String name) {
        t.rememberName(name);
        t.out.say(t.say.thanksName(t.state.customerName()));
        t.consume(Utterance.of(""));
        Planner.advance(t);
    }
}
