package com.aiassistants.backend.assistant.dialogue;

import java.time.LocalDate;
import java.time.ZoneId;

import com.aiassistants.backend.assistant.AssistantTurn;
import com.aiassistants.backend.assistant.TenantProfile;
import com.aiassistants.backend.assistant.nlu.Language;
import com.aiassistants.backend.assistant.nlu.Utterance;
import com.aiassistants.backend.assistant.replies.Replies;
import com.aiassistants.backend.assistant.scheduling.SchedulingGateway;

/** Everything one turn works with: the input, the mutable state, the language, the catalogue and the output. */
final class Turn {

    final AssistantTurn in;
    final DialogueState state;
    final boolean fresh;
    final Language lang;
    final Replies say;
    final ZoneId zone;
    final LocalDate today;
    final Out out = new Out();
    final SchedulingGateway gateway;
    Utterance utterance;
    private Catalog catalog;

    Turn(AssistantTurn in, DialogueState state, boolean fresh, Language lang, Utterance utterance, SchedulingGateway gateway) {
        this.in = in;
        this.state = state;
        this.fresh = fresh;
        this.lang = lang;
        this.say = Replies.in(lang);
        this.zone = in.tenant().zone();
        this.today = in.now().atZone(zone).toLocalDate();
        this.utterance = utterance;
        this.gateway = gateway;
    }

    String tenantId() {
        return in.tenant().tenantId();
    }

    String customerId() {
        return in.customerId();
    }

    TenantProfile.FlowSettings flow() {
        return in.tenant().flow() == null ? TenantProfile.FlowSettings.defaults() : in.tenant().flow();
    }

    Catalog catalog() {
        if (catalog == null) {
            catalog = new Catalog(gateway, tenantId());
        }
        return catalog;
    }

    String replyId() {
        return in.replyId() == null || in.replyId().isBlank() ? null : in.replyId();
    }
}
