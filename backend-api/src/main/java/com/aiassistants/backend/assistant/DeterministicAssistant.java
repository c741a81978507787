package com.aiassistants.backend.assistant;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.aiassistants.backend.assistant.dialogue.DialogueEngine;
import com.aiassistants.backend.assistant.orders.OrderDesk;
import com.aiassistants.backend.assistant.replies.Replies;
import com.aiassistants.backend.assistant.scheduling.SchedulingGateway;

/**
 * The default assistant: rules, no LLM. Understands Spanish and English booking conversations and
 * answers only with data the scheduling tools returned. Registered unless
 * {@code ai-assistants.backend.assistant.deterministic.enabled=false}; an LLM agent can be declared
 * {@code @Primary} and inject this class by type as its fallback.
 */
@Component
@ConditionalOnProperty(prefix = "ai-assistants.backend.assistant.deterministic", name = "enabled", havingValue = "true",
        matchIfMissing = true)
public class DeterministicAssistant implements Assistant {

    private final DialogueEngine engine;

    /** With the built-in reply bundles {@code assistant/messages_<lang>.properties}, without an orders hook. */
    public DeterministicAssistant(SchedulingGateway gateway) {
        this(gateway, Replies.bundles());
    }

    /**
     * With the built-in reply bundles, the projects' orders hooks and the calendar-file links under confirmations and
     * moves (none without a {@link BookingLinks} bean).
     */
    @Autowired
    public DeterministicAssistant(SchedulingGateway gateway, OrderDesk orders,
            org.springframework.beans.factory.ObjectProvider<BookingLinks> links) {
        this.engine = new DialogueEngine(gateway, Replies.bundles(), orders, links.getIfAvailable(() -> BookingLinks.NONE));
    }

    public DeterministicAssistant(SchedulingGateway gateway, OrderDesk orders) {
        this.engine = new DialogueEngine(gateway, Replies.bundles(), orders);
    }

    public DeterministicAssistant(SchedulingGateway gateway, MessageSource messages) {
        this.engine = new DialogueEngine(gateway, messages);
    }

    @Override
    public AssistantReply reply(AssistantTurn turn) {
        return engine.reply(turn);
    }
}
