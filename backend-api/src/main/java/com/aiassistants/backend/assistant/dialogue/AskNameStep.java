package com.aiassistants.backend.assistant.dialogue;

import java.util.Optional;

import com.aiassistants.backend.assistant.nlu.Confirmation;
import com.aiassistants.backend.assistant.nlu.NameExtractor;
import com.aiassistants.backend.assistant.nlu.Utterance;

/**
 * ASK_NAME: a bare answer ("Ana Gómez") is the name, unless the message is booking details instead. The name
 * WhatsApp showed, when it was offered, is taken by its tap (even when the tap arrives without the profile name)
 * or by a typed "sí".
 */
final class AskNameStep implements StepHandler {

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
            take(t, shown.get());
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
