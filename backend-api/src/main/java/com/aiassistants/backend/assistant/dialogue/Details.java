package com.aiassistants.backend.assistant.dialogue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import com.aiassistants.backend.assistant.nlu.ChoiceParser;
import com.aiassistants.backend.assistant.nlu.DateQuery;
import com.aiassistants.backend.assistant.nlu.MoveRequest;
import com.aiassistants.backend.assistant.nlu.TimeQuery;
import com.aiassistants.backend.assistant.nlu.Utterance;
import com.aiassistants.common.scheduling.ProfessionalsTools.Professional;
import com.aiassistants.common.scheduling.ProfessionalsTools.Service;

/**
 * Reads what a booking needs from a message — service, professional, day, time — or from a pick in
 * the service/professional list, and keeps it in the state whatever order it came in.
 */
final class Details {

    private static final List<String> ANYONE = List.of("cualquiera", "cualquier", "cualquier profesional", "el que sea",
            "la que sea", "me da igual", "indistinto", "da igual", "any", "anyone", "anybody", "whoever", "no preference",
            "doesn t matter", "any professional");

    private Details() {
    }

    /** Takes service and professional (unless {@code whenOnly}), date and time from the message; true if anything changed. */
    static boolean read(Turn t, boolean whenOnly) {
        boolean changed = false;
        DialogueState s = t.state;
        Utterance u = t.utterance();
        if (!whenOnly) {
            List<Service> services = withinOptions(t, t.catalog().serviceMatcher.match(u));
            if (services.size() == 1) {
                changed |= service(t, services.getFirst());
            } else if (services.size() > 1 && (s.serviceId() == null
                    || services.stream().noneMatch(x -> x.id().equals(s.serviceId())))) {
                s.forgetService();
                s.offerChoices(services.stream().map(x -> "svc:" + x.id()).toList());
                changed = true;
            }
            if (u.hasAny(ANYONE)) {
                s.acceptAnyProfessional();
                changed = true;
            } else {
                List<Professional> professionals = t.catalog().professionalMatcher.match(u);
                if (professionals.size() == 1 && !professionals.getFirst().id().equals(s.professionalId())) {
                    professional(t, professionals.getFirst());
                    changed = true;
                }
            }
        }
        Optional<DateQuery> date = t.date();
        if (date.isPresent()) {
            s.wantDates(date.get());
            changed = true;
        }
        Optional<TimeQuery> time = t.time();
        if (time.isPresent()) {
            s.wantTime(time.get());
            changed = true;
        } else if (s.flow() == Flow.RESCHEDULE && MoveRequest.sameTime(u)) {
            s.wantSameTime();
            changed = true;
        }
        if (changed) {
            s.forgetOffers();
        }
        return changed;
    }

    /**
     * An answer to "which of these?" stays among the options offered (the named professional's
     * services, or the services a word matched): "consulta" after Dra. Pérez's two services is her
     * consultation, not every consultation. A name outside the options is a change of mind.
     */
    private static List<Service> withinOptions(Turn t, List<Service> matched) {
        List<String> options = t.state.choices();
        if (matched.size() < 2 || options.isEmpty() || !options.getFirst().startsWith("svc:")) {
            return narrowToProfessional(t, matched);
        }
        List<Service> offered = matched.stream().filter(x -> options.contains("svc:" + x.id())).toList();
        return offered.isEmpty() ? narrowToProfessional(t, matched) : offered;
    }

    private static List<Service> narrowToProfessional(Turn t, List<Service> matched) {
        String professionalId = t.state.professionalId();
        if (matched.size() < 2 || professionalId == null) {
            return matched;
        }
        List<Service> theirs = matched.stream()
                .filter(x -> t.catalog().professional(professionalId).map(p -> t.catalog().offers(p, x)).orElse(false)).toList();
        return theirs.isEmpty() ? matched : theirs;
    }

    /** Sets the service, dropping a professional who does not give it; false if it was already set. */
    static boolean service(Turn t, Service service) {
        DialogueState s = t.state;
        if (service.id().equals(s.serviceId())) {
            return false;
        }
        s.chooseService(service.id(), service.name());
        if (s.professionalId() != null) {
            Optional<Professional> professional = t.catalog().professional(s.professionalId());
            if (professional.isPresent() && !t.catalog().offers(professional.get(), service)) {
                t.out.say(t.say.professionalDoesNotOffer(professional.get().name(), service.name()));
                s.forgetProfessional();
            }
        }
        return true;
    }

    /** Sets the professional unless they do not give the chosen service; narrows the services to theirs. */
    static void professional(Turn t, Professional professional) {
        DialogueState s = t.state;
        if (s.serviceId() != null) {
            Optional<Service> service = t.catalog().service(s.serviceId());
            if (service.isPresent() && !t.catalog().offers(professional, service.get())) {
                t.out.say(t.say.professionalDoesNotOffer(professional.name(), service.get().name()));
                return;
            }
        }
        s.chooseProfessional(professional.id(), professional.name());
        if (s.serviceId() == null) {
            List<Service> theirs = t.catalog().servicesOf(professional);
            if (theirs.size() == 1) {
                service(t, theirs.getFirst());
            } else if (!theirs.isEmpty() && s.choices().isEmpty()) {
                s.offerChoices(theirs.stream().map(x -> "svc:" + x.id()).toList());
            }
        }
    }

    /** A pick from the service/professional list: a reply id or a number. */
    static boolean pick(Turn t) {
        DialogueState s = t.state;
        String id = t.replyId();
        if (id == null) {
            OptionalInt n = ChoiceParser.parse(t.utterance());
            if (n.isEmpty() || s.choices().isEmpty()) {
                return false;
            }
            int index = n.getAsInt() == ChoiceParser.LAST ? s.choices().size() : n.getAsInt();
            if (index < 1 || index > s.choices().size()) {
                t.out.say(t.say.chooseNumber(s.choices().size()));
                return false;
            }
            id = s.choices().get(index - 1);
        }
        if (id.startsWith("day:")) {
            return day(t, id.substring(4));
        }
        if (id.startsWith("svc:")) {
            return t.catalog().service(id.substring(4)).map(x -> service(t, x)).orElse(false);
        }
        if (id.equals("pro:any")) {
            s.acceptAnyProfessional();
            return true;
        }
        if (id.startsWith("pro:")) {
            Optional<Professional> professional = t.catalog().professional(id.substring(4));
            professional.ifPresent(p -> professional(t, p));
            return professional.isPresent();
        }
        return false;
    }

    /** A tapped day row ({@code day:2026-01-15}); a malformed id is ignored like any unknown reply. */
    private static boolean day(Turn t, String isoDate) {
        try {
            t.state.wantDates(DateQuery.day(java.time.LocalDate.parse(isoDate)));
            t.state.forgetOffers();
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    /** The message names a service or a professional of the catalogue. */
    static boolean namesCatalogue(Turn t) {
        return !t.catalog().serviceMatcher.match(t.utterance()).isEmpty()
                || !t.catalog().professionalMatcher.match(t.utterance()).isEmpty();
    }
}
