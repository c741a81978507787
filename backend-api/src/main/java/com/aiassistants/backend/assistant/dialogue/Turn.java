package com.aiassistants.backend.assistant.dialogue;

import java.time.LocalDate;
import java.util.Optional;

import com.aiassistants.backend.assistant.BookingLinks;
import com.aiassistants.backend.assistant.AssistantTurn;
import com.aiassistants.backend.assistant.TenantProfile;
import com.aiassistants.backend.assistant.nlu.Confirmation;
import com.aiassistants.backend.assistant.nlu.DateExpressionParser;
import com.aiassistants.backend.assistant.nlu.DateQuery;
import com.aiassistants.backend.assistant.nlu.Language;
import com.aiassistants.backend.assistant.nlu.NameExtractor;
import com.aiassistants.backend.assistant.nlu.TimeExpressionParser;
import com.aiassistants.backend.assistant.nlu.TimeQuery;
import com.aiassistants.backend.assistant.nlu.Utterance;
import com.aiassistants.backend.assistant.orders.OrderDesk;
import com.aiassistants.backend.assistant.replies.Replies;
import com.aiassistants.backend.assistant.scheduling.SchedulingGateway;

/** Everything one turn works with: the input, the state, the language, the catalogue and the output. */
final class Turn {

    final AssistantTurn in;
    final DialogueState state;
    final boolean fresh;
    final Language lang;
    final Replies say;
    final LocalDate today;
    final Out out = new Out();
    final SchedulingGateway gateway;
    final OrderDesk orders;
    final BookingLinks links;
    private Utterance utterance;
    private Catalog catalog;
    private boolean nameGiven;
    /** Parsed once per utterance: the steps ask for the day and time of the same message several times. */
    private Optional<DateQuery> date;
    private Optional<TimeQuery> time;

    Turn(AssistantTurn in, DialogueState state, boolean fresh, Replies say, Utterance utterance, SchedulingGateway gateway) {
        this(in, state, fresh, say, utterance, gateway, OrderDesk.NONE, BookingLinks.NONE);
    }

    Turn(AssistantTurn in, DialogueState state, boolean fresh, Replies say, Utterance utterance, SchedulingGateway gateway,
            OrderDesk orders) {
        this(in, state, fresh, say, utterance, gateway, orders, BookingLinks.NONE);
    }

    Turn(AssistantTurn in, DialogueState state, boolean fresh, Replies say, Utterance utterance, SchedulingGateway gateway,
            OrderDesk orders, BookingLinks links) {
        this.links = links;
        this.in = in;
        this.state = state;
        this.fresh = fresh;
        this.lang = say.language();
        this.say = say;
        this.today = in.now().atZone(in.tenant().zone()).toLocalDate();
        this.utterance = utterance;
        this.gateway = gateway;
        this.orders = orders;
    }

    Utterance utterance() {
        return utterance;
    }

    /** The rest of the message once a part (e.g. a name) has been read. */
    void consume(Utterance rest) {
        utterance = rest;
        date = null;
        time = null;
    }

    /** The name WhatsApp shows for the patient, when it reads as a person's name. */
    Optional<String> channelName() {
        return in.customerName() == null ? Optional.empty()
                : NameExtractor.bare(in.customerName().strip()).map(NameExtractor.NameMatch::name);
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

    Optional<DateQuery> date() {
        if (date == null) {
            date = DateExpressionParser.parse(utterance, today);
        }
        return date;
    }

    Optional<TimeQuery> time() {
        if (time == null) {
            time = TimeExpressionParser.parse(utterance);
        }
        return time;
    }

    /** The message names a day or a time. */
    boolean hasWhen() {
        return date().isPresent() || time().isPresent();
    }

    /** Yes/no from a tapped confirm button or the words of the message. */
    Confirmation confirmation() {
        String id = replyId();
        if (id != null) {
            return id.equals("confirm:yes") ? Confirmation.YES : id.equals("confirm:no") ? Confirmation.NO : Confirmation.NONE;
        }
        return Confirmation.of(utterance);
    }

    /** The customer introduced themselves in this message ("soy Ana"). */
    void rememberName(String name) {
        state.rememberName(name);
        out.remember("name", name);
        nameGiven = true;
    }

    boolean nameGiven() {
        return nameGiven;
    }

    /**
     * Says where the patient gets the booking's calendar file (after a confirmation or a move), when there is a link;
     * the file's texts follow the conversation's language when it is not the project's.
     */
    void sayCalendarFile(String bookingId) {
        if (bookingId == null) {
            return;
        }
        String own = Language.fromCode(in.tenant().locale(), Language.ES).code();
        String url = links.calendarFile(tenantId(), bookingId, lang.code().equals(own) ? null : lang.code());
        if (url != null) {
            out.say(say.bookings().calendarFile(url));
        }
    }
}
