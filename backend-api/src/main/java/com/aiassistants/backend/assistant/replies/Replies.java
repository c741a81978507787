package com.aiassistants.backend.assistant.replies;

import java.time.LocalDateTime;

import com.aiassistants.backend.assistant.nlu.Language;

/**
 * Every sentence the deterministic assistant says, in Spanish (Argentina: "turno", voseo) and
 * English. Only wording lives here: times, names, codes and prices are always passed in from what
 * the scheduling tools returned.
 */
public final class Replies {

    private final Language lang;

    private Replies(Language lang) {
        this.lang = lang;
    }

    public static Replies in(Language lang) {
        return new Replies(lang);
    }

    public Language language() {
        return lang;
    }

    private String t(String es, String en) {
        return lang.es() ? es : en;
    }

    public String greeting(String business) {
        return business == null || business.isBlank()
                ? t("¡Hola! Soy el asistente virtual. Te ayudo a sacar, ver, cancelar o cambiar turnos.",
                        "Hi! I'm the virtual assistant. I can help you book, check, cancel or change appointments.")
                : t("¡Hola! Soy el asistente virtual de " + business + ". Te ayudo a sacar, ver, cancelar o cambiar turnos.",
                        "Hi! I'm the virtual assistant of " + business + ". I can help you book, check, cancel or change appointments.");
    }

    public String hello(String name) {
        return name == null ? t("¡Hola!", "Hi!") : t("¡Hola, " + name + "!", "Hi " + name + "!");
    }

    public String menuPrompt() {
        return t("¿Qué querés hacer?", "What would you like to do?");
    }

    public String menuTitle() {
        return t("Ver opciones", "See options");
    }

    public String menuOption(String action) {
        return switch (action) {
            case "book" -> t("Sacar turno", "Book");
            case "bookings" -> t("Mis turnos", "My bookings");
            case "cancel" -> t("Cancelar turno", "Cancel a booking");
            case "reschedule" -> t("Cambiar turno", "Reschedule");
            case "prices" -> t("Precios y servicios", "Prices & services");
            case "professionals" -> t("Profesionales", "Professionals");
            case "hours" -> t("Horarios", "Opening hours");
            case "human" -> t("Hablar con alguien", "Talk to a person");
            default -> action;
        };
    }

    public String askName() {
        return t("Para reservar necesito tu nombre y apellido. ¿Cómo te llamás?", "To book I need your name. What's your name?");
    }

    public String thanksName(String name) {
        return t("¡Gracias, " + name + "!", "Thanks, " + name + "!");
    }

    public String askService() {
        return t("¿Qué servicio necesitás?", "Which service do you need?");
    }

    public String whichService() {
        return t("¿Cuál de estos servicios?", "Which of these services?");
    }

    public String servicesTitle() {
        return t("Ver servicios", "See services");
    }

    public String askProfessional(String service) {
        return t("¿Con quién querés atenderte para " + service + "? También podés decir «cualquiera».",
                "Who would you like to see for " + service + "? You can also say \"any\".");
    }

    public String anyProfessional() {
        return t("Cualquiera", "Anyone");
    }

    public String professionalsTitle() {
        return t("Ver profesionales", "See professionals");
    }

    public String professionalDoesNotOffer(String professional, String service) {
        return t(professional + " no atiende " + service + ".", professional + " doesn't offer " + service + ".");
    }

    public String askDate(String service, String professional) {
        String who = professional == null ? "" : t(" con " + professional, " with " + professional);
        return t("¿Para qué día querés el turno de " + service + who + "? Por ejemplo «mañana», «el jueves» o «15/01».",
                "Which day would you like for " + service + who + "? For example \"tomorrow\", \"Thursday\" or \"Jan 15\".");
    }

    public String pastDate() {
        return t("Esa fecha ya pasó.", "That date has already passed.");
    }

    public String offerSlots(String service) {
        return t("Estos son los horarios libres para " + service + ":", "These are the free times for " + service + ":");
    }

    public String pickSlot() {
        return t("Elegí uno (el número o la hora).", "Pick one (the number or the time).");
    }

    public String slotsTitle() {
        return t("Ver horarios", "See times");
    }

    public String exactUnavailable(String time) {
        return t("A las " + time + " no hay lugar.", time + " isn't available.");
    }

    public String nothingThatDay(String day) {
        return t("Para el " + day + " no quedan horarios libres.", "There's nothing free on " + day + ".");
    }

    public String nothingInWindow() {
        return t("No quedan horarios libres en esa franja.", "There's nothing free at that time of day.");
    }

    public String nextFree() {
        return t("Los próximos disponibles son:", "The next free times are:");
    }

    public String noSlotsAtAll() {
        return t("No encontré horarios libres en las próximas dos semanas. ¿Probamos con otra fecha u otro profesional?",
                "I couldn't find free times in the next two weeks. Shall we try another date or professional?");
    }

    public String chooseNumber(int max) {
        return t("Elegí un número del 1 al " + max + ".", "Please pick a number from 1 to " + max + ".");
    }

    public String confirmHold(String service, String professional, LocalDateTime at) {
        return t("Te reservo " + service + " con " + professional + " el " + Formats.day(at.toLocalDate(), lang)
                        + " a las " + Formats.time(at.toLocalTime()) + ". ¿Confirmás el turno?",
                "I'm holding " + service + " with " + professional + " on " + Formats.day(at.toLocalDate(), lang)
                        + " at " + Formats.time(at.toLocalTime()) + ". Shall I confirm it?");
    }

    public String yes() {
        return t("Sí, confirmo", "Yes, confirm");
    }

    public String no() {
        return t("No", "No");
    }

    public String confirmed(String name, String service, String professional, LocalDateTime at, String code) {
        String who = name == null ? "" : t(", " + name, ", " + name);
        return t("¡Listo" + who + "! Tu turno quedó confirmado: " + service + " con " + professional + " el "
                        + Formats.day(at.toLocalDate(), lang) + " a las " + Formats.time(at.toLocalTime())
                        + ". Código: " + code + ".",
                "Done" + who + "! Your appointment is confirmed: " + service + " with " + professional + " on "
                        + Formats.day(at.toLocalDate(), lang) + " at " + Formats.time(at.toLocalTime())
                        + ". Code: " + code + ".");
    }

    public String slotTaken() {
        return t("Uy, ese horario se acaba de ocupar.", "Sorry, that time was just taken.");
    }

    public String alternatives() {
        return t("Te ofrezco estos:", "How about one of these:");
    }

    public String holdExpired() {
        return t("La reserva provisoria venció antes de confirmarla.", "The hold expired before it was confirmed.");
    }

    public String holdLimit() {
        return t("Tenés varias reservas sin confirmar. Confirmá o cancelá alguna antes de seguir.",
                "You have too many unconfirmed holds. Please confirm or cancel one first.");
    }

    public String couldNotBook() {
        return t("No pude reservar ese horario.", "I couldn't book that time.");
    }

    public String released() {
        return t("Listo, no lo reservo. ¿Querés otro horario u otro día?", "OK, I won't book it. Would you like another time or day?");
    }

    public String abandoned() {
        return t("Listo, dejé la reserva sin hacer.", "OK, I've dropped that booking.");
    }

    public String unavailable() {
        return t("Perdón, no pude consultar la agenda en este momento. Probá de nuevo en un ratito.",
                "Sorry, I couldn't check the calendar right now. Please try again in a moment.");
    }

    public String noBookings() {
        return t("No tenés turnos próximos. ¿Querés sacar uno?", "You have no upcoming appointments. Would you like to book one?");
    }

    public String upcoming() {
        return t("Tus próximos turnos:", "Your upcoming appointments:");
    }

    public String bookingLine(String service, String professional, LocalDateTime at, String code, boolean held) {
        String line = Formats.shortDateTime(at, lang) + " — " + service + t(" con ", " with ") + professional
                + t(" (código " + code + ")", " (code " + code + ")");
        return held ? line + t(" — pendiente de confirmar", " — not confirmed yet") : line;
    }

    public String chooseBooking(boolean cancel) {
        return cancel ? t("¿Cuál querés cancelar?", "Which one would you like to cancel?")
                : t("¿Cuál querés cambiar?", "Which one would you like to change?");
    }

    public String bookingsTitle() {
        return t("Ver turnos", "See bookings");
    }

    public String confirmCancel(String service, LocalDateTime at) {
        return t("¿Cancelo tu turno de " + service + " del " + Formats.day(at.toLocalDate(), lang) + " a las "
                        + Formats.time(at.toLocalTime()) + "?",
                "Shall I cancel your " + service + " appointment on " + Formats.day(at.toLocalDate(), lang) + " at "
                        + Formats.time(at.toLocalTime()) + "?");
    }

    public String cancelYes() {
        return t("Sí, cancelar", "Yes, cancel it");
    }

    public String cancelNo() {
        return t("No, mantener", "No, keep it");
    }

    public String cancelled(String service, LocalDateTime at) {
        return t("Listo, cancelé tu turno de " + service + " del " + Formats.day(at.toLocalDate(), lang) + " a las "
                        + Formats.time(at.toLocalTime()) + ".",
                "Done, I cancelled your " + service + " appointment on " + Formats.day(at.toLocalDate(), lang) + " at "
                        + Formats.time(at.toLocalTime()) + ".");
    }

    public String kept() {
        return t("Perfecto, tu turno sigue en pie.", "OK, your appointment stays as it is.");
    }

    public String couldNotChange() {
        return t("No pude modificar ese turno (puede que ya haya cambiado).",
                "I couldn't change that appointment (it may have changed already).");
    }

    public String askRescheduleDate(String service, LocalDateTime at) {
        return t("¿Para qué día querés pasar tu turno de " + service + " del " + Formats.shortDateTime(at, lang) + "?",
                "Which day would you like to move your " + service + " appointment of " + Formats.shortDateTime(at, lang) + " to?");
    }

    public String confirmReschedule(String service, LocalDateTime from, LocalDateTime to, String professional) {
        return t("¿Paso tu turno de " + service + " del " + Formats.shortDateTime(from, lang) + " al "
                        + Formats.day(to.toLocalDate(), lang) + " a las " + Formats.time(to.toLocalTime()) + " con "
                        + professional + "?",
                "Shall I move your " + service + " appointment from " + Formats.shortDateTime(from, lang) + " to "
                        + Formats.day(to.toLocalDate(), lang) + " at " + Formats.time(to.toLocalTime()) + " with "
                        + professional + "?");
    }

    public String rescheduled(String service, String professional, LocalDateTime at, String code) {
        return t("¡Listo! Tu turno de " + service + " quedó para el " + Formats.day(at.toLocalDate(), lang) + " a las "
                        + Formats.time(at.toLocalTime()) + " con " + professional + ". Código: " + code + ".",
                "Done! Your " + service + " appointment is now on " + Formats.day(at.toLocalDate(), lang) + " at "
                        + Formats.time(at.toLocalTime()) + " with " + professional + ". Code: " + code + ".");
    }

    public String handoff() {
        return t("Te comunico con una persona del equipo. En breve te responden por acá.",
                "I'm handing you over to a person from our team. They'll reply here shortly.");
    }

    public String thanksBye() {
        return t("¡De nada! Cuando necesites, escribime.", "You're welcome! Write any time.");
    }

    public String notUnderstood() {
        return t("Perdón, no te entendí.", "Sorry, I didn't get that.");
    }

    public String menuHint() {
        return t("Escribí «menú» para ver todas las opciones.", "Type \"menu\" to see all options.");
    }

    public String servicesHeader() {
        return t("Estos son nuestros servicios:", "These are our services:");
    }

    public String serviceLine(String name, int minutes, String price) {
        return name + " (" + minutes + " min)" + (price == null ? "" : ": " + price);
    }

    public String professionalsHeader() {
        return t("Nuestro equipo:", "Our team:");
    }

    public String hoursHeader() {
        return t("Nuestros horarios de atención:", "Our opening hours:");
    }

    public String hoursUnknown() {
        return t("Todavía no tengo cargados los horarios de atención.", "I don't have the opening hours yet.");
    }

    public String and() {
        return t(" y ", " and ");
    }

    public String range(String from, String to) {
        return t(from + " a " + to, from + "–" + to);
    }

    public String bookHint() {
        return t("Si querés, te saco un turno: decime qué servicio y qué día.",
                "If you like, I can book you in: tell me the service and the day.");
    }
}
