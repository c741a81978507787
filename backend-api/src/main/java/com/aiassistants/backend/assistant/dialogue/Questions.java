package com.aiassistants.backend.assistant.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.aiassistants.backend.assistant.AssistantReply.Interactive.Option;
import com.aiassistants.backend.assistant.replies.Formats;
import com.aiassistants.common.scheduling.ProfessionalsTools.Professional;
import com.aiassistants.common.scheduling.ProfessionalsTools.Service;

/** The questions of the booking flow, each with its numbered options and WhatsApp list. */
final class Questions {

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

    /** Which day (for a new booking or for moving one). */
    static void date(Turn t) {
        DialogueState s = t.state;
        s.moveTo(Step.ASK_DATE);
        if (s.flow() == Flow.RESCHEDULE) {
            t.out.say(t.say.askRescheduleDate(s.target().serviceName(), s.target().localStart()));
        } else {
            t.out.say(t.say.askDate(s.serviceName(), s.professionalName()));
        }
    }
}
