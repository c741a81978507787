package com.aiassistants.backend.assistant.dialogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.aiassistants.backend.assistant.AssistantReply.Interactive.Option;
import com.aiassistants.backend.assistant.replies.Formats;
import com.aiassistants.common.scheduling.ProfessionalsTools.Professional;
import com.aiassistants.common.scheduling.ProfessionalsTools.Service;

/** The questions of the booking flow, each with its numbered options and WhatsApp list. */
final class Questions {

    /** Days searched for free slots when asking which day, and at most how many are listed. */
    private static final int FREE_DAYS_AHEAD = 13;
    private static final int FREE_DAYS_OFFERED = 7;

    private Questions() {
    }

    /** Which service: all of them, or only those still in play (e.g. "consulta" matched two). */
    static void service(Turn t) {
        DialogueState s = t.state;
        boolean narrowed = !s.choices().isEmpty() && s.choices().stream().allMatch(c -> c.startsWith("svc:"))
                && s.choices().size() < t.catalog().services.size();
        List<Service> options = narrowed
                ? s.choices().stream().map(c -> t.catalog().service(c.substring(4))).flatMap(Optional::stream).toList()
                : t.catalog().services;
        s.moveTo(Step.ASK_SERVICE);
        s.offerChoices(options.stream().map(x -> "svc:" + x.id()).toList());
        t.out.say(narrowed ? t.say.whichService() : t.say.askService());
        List<Option> rows = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            Service service = options.get(i);
            t.out.say((i + 1) + ". " + service.name());
            rows.add(new Option("svc:" + service.id(), Formats.clip(service.name(), 24), service.durationMinutes() + " min"));
        }
        t.out.list(t.say.servicesTitle(), rows);
    }

    /** Who, among the professionals who give the service, or anyone. */
    static void professional(Turn t, Service service, List<Professional> professionals) {
        DialogueState s = t.state;
        s.moveTo(Step.ASK_PROFESSIONAL);
        t.out.say(t.say.askProfessional(service.name()));
        List<Option> rows = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < professionals.size() && i < 9; i++) {
            Professional professional = professionals.get(i);
            ids.add("pro:" + professional.id());
            t.out.say((i + 1) + ". " + professional.name());
            rows.add(new Option("pro:" + professional.id(), Formats.clip(professional.name(), 24),
                    Formats.clip(professional.specialty(), 72)));
        }
        ids.add("pro:any");
        t.out.say(ids.size() + ". " + t.say.anyProfessional());
        rows.add(new Option("pro:any", t.say.anyProfessional(), null));
        s.offerChoices(ids);
        t.out.list(t.say.professionalsTitle(), rows);
    }

    /** Tapped: book under the name WhatsApp shows for the patient. */
    static final String USE_SHOWN_NAME = "name:profile";
    /** Tapped: the patient will type another name. */
    static final String OTHER_NAME = "name:other";

    /** Which name the booking is under; when WhatsApp shows one that reads as a name, offers it as a tap. */
    static void name(Turn t) {
        t.state.moveTo(Step.ASK_NAME);
        Optional<String> shown = t.channelName();
        if (shown.isEmpty()) {
            t.out.say(t.say.askName());
            return;
        }
        t.state.offerName(shown.get());
        t.out.say(t.say.askNameOffering(shown.get()));
        t.out.buttons(List.of(new Option(USE_SHOWN_NAME, t.say.useShownName(), null),
                new Option(OTHER_NAME, t.say.otherName(), null)));
    }

    /** Which day (for a new booking or for moving one). */
    static void date(Turn t) {
        DialogueState s = t.state;
        s.moveTo(Step.ASK_DATE);
        if (s.flow() == Flow.RESCHEDULE) {
            t.out.say(t.say.bookings().askRescheduleDate(s.target().serviceName(), s.target().localStart()));
        } else {
            t.out.say(t.say.askDate(s.serviceName(), s.professionalName()));
        }
        List<Option> days = freeDays(t);
        if (!days.isEmpty()) {
            t.out.list(t.say.daysTitle(), days);
        }
    }

    /**
     * The next days with a free slot, as WhatsApp list rows ({@code day:2026-01-15}), so a patient can
     * book by tapping only; the text still invites any day in words.
     */
    private static List<Option> freeDays(Turn t) {
        List<LocalDate> days = SlotSearch.firstOfEachDay(t, t.today, t.today.plusDays(FREE_DAYS_AHEAD), FREE_DAYS_OFFERED).stream()
                .map(x -> x.localStart().toLocalDate()).distinct().limit(FREE_DAYS_OFFERED).toList();
        List<Option> rows = new ArrayList<>();
        for (LocalDate day : days) {
            rows.add(new Option("day:" + day, Formats.clip(Formats.day(day, t.lang), 24), null));
        }
        return rows;
    }
}
