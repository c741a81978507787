package com.aiassistants.backend.assistant.nlu;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keyword-set intent classification with whole-word/phrase matching over the normalised message
 * (chat spellings already expanded by {@link Utterance}). Intents are checked in a fixed priority
 * order ("cancelar mi turno" is CANCEL although "turno" alone means BOOK), and a greeting only wins
 * when nothing else is asked ("hola, quiero un turno" is BOOK).
 * <p>Moving a booking: "reprogramar", "reagendar", "posponer", "postergar", "reschedule",
 * "postpone" say it alone; the everyday verbs ("pasar", "mover", "correr", "adelantar", "atrasar",
 * "cambiar", "move", "push", "change", "shift") only together with a booking noun ("turno", "cita",
 * "appointment") or as a form that carries its object ("pasalo", "correrlo", "move it").
 * <p>Orders (a shop's hook): a claim ("reclamo", "complaint") first, then the customer's orders ("mis compras",
 * "what did I buy"), then one order ("¿dónde está mi pedido 1234?", "where is my order #1234"), all before the
 * booking intents so "cancelar mi pedido" is about the order, not a booking.
 */
public final class IntentClassifier {

    private static final Map<Intent, List<String>> KEYWORDS = new LinkedHashMap<>();
    private static final List<String> MOVE_ALONE = List.of("reprogramar", "reprogramalo", "reprogramarlo", "reprogramame",
            "reprogramo", "reprograma", "reprogramen", "reagendar", "reagendalo", "reagendarlo", "reagenda", "reagendo",
            "posponer", "posponerlo", "pospone", "pospongo", "postergar", "postergarlo", "postergalo", "posterga",
            "postergo", "reschedule", "rescheduling", "postpone", "postponing", "push back", "push it back",
            "bring forward", "bring it forward", "move it", "push it", "change it", "shift it", "switch it", "move my",
            "change my", "mover mi", "cambiar mi", "pasar mi", "correr mi", "otro dia mi turno", "otra fecha");
    private static final List<String> MOVE_WITH_OBJECT = List.of("pasalo", "pasarlo", "pasala", "pasarla", "pasamelo",
            "movelo", "moverlo", "muevelo", "movela", "moverla", "correlo", "correrlo", "adelantalo",
            "adelantarlo", "adelantala", "atrasalo", "atrasarlo", "atrasala", "cambialo", "cambiarlo", "cambiala",
            "cambiarla", "cambiamelo", "lo pasas", "lo pasamos", "lo paso", "lo podes pasar", "lo podemos pasar",
            "lo movemos", "lo podes mover", "lo podemos mover", "lo corremos", "lo podes correr", "lo podemos correr",
            "lo cambiamos", "lo podes cambiar", "lo podemos cambiar", "la pasamos", "la podemos pasar", "lo adelantamos",
            "lo atrasamos", "me lo pasas", "me lo cambias", "me lo corres", "me lo moves");
    private static final List<String> MOVE_VERBS = List.of("pasar", "paso", "pasas", "pasa", "pasame", "pasarme",
            "pasen", "mover", "muevo", "mueve", "moves", "movemos", "correr", "corro", "corre", "corres", "corremos",
            "adelantar", "adelanto", "adelanta", "adelantas", "adelantemos", "atrasar", "atraso", "atrasa", "atrasemos",
            "cambiar", "cambio", "cambia", "cambias", "cambiamos", "cambie", "cambien", "cambiame", "cambiarme", "correme",
            "correrme", "moveme", "moverme", "adelantame", "adelantarme", "atrasame", "atrasarme", "forward", "move", "moving", "push",
            "change", "changing", "shift", "switch", "modificar", "modifico");
    private static final List<String> BOOKING_NOUNS = List.of("turno", "turnos", "cita", "citas", "reserva", "reservas",
            "sesion", "consulta", "hora", "appointment", "appointments", "booking", "bookings", "session", "visit");
    private static final List<String> OPENING = List.of("atiende", "atienden", "atendes", "abren", "abierto",
            "abiertos", "abierta", "cierran", "cerrado", "cerrados", "trabaja", "trabajan", "open", "opened", "closed",
            "close", "works", "work on", "hours", "horario de atencion");

    static {
        KEYWORDS.put(Intent.HUMAN, List.of("humano", "humana", "persona", "operador", "operadora", "asesor", "asesora",
                "agente", "recepcion", "recepcionista", "secretaria", "hablar con alguien", "que me llamen",
                "me pueden llamar", "me podes llamar", "alguien del equipo", "alguien de la clinica", "human", "person",
                "agent", "operator", "representative", "someone", "real person", "call me", "speak to", "speak with",
                "reception", "receptionist", "staff"));
        KEYWORDS.put(Intent.MENU, List.of("menu", "opciones", "ayuda", "help", "options", "que podes hacer",
                "que puedo hacer", "que haces", "what can you do", "inicio", "start", "volver al inicio", "main menu"));
        KEYWORDS.put(Intent.CLAIM, List.of("reclamo", "reclamos", "reclamar", "reclamacion", "queja", "quejarme",
                "denuncia", "devolucion", "devolver", "llego roto", "llego rota", "vino roto", "vino rota", "llego mal",
                "complaint", "complain", "claim", "file a claim", "file a complaint", "refund", "return my",
                "arrived broken", "arrived damaged", "came broken"));
        KEYWORDS.put(Intent.MY_ORDERS, List.of("mis pedidos", "mis compras", "mis ordenes", "que compre", "que pedi",
                "que encargue", "mi compra", "mis ultimas compras", "ultimas compras", "historial de compras",
                "my orders", "my purchases", "what did i buy", "what did i order", "what have i ordered",
                "what i bought", "order history", "purchase history", "past orders", "recent orders"));
        KEYWORDS.put(Intent.ORDER_STATUS, List.of("mi pedido", "el pedido", "pedido", "mi orden", "la orden",
                "orden de compra", "nro de pedido", "numero de pedido", "mi envio", "el envio", "envio", "seguimiento",
                "mi paquete", "el paquete", "paquete", "encomienda", "no me llego", "todavia no llego", "cuando llega",
                "my order", "the order", "order", "order number", "my package", "package", "parcel", "shipment",
                "shipping", "tracking", "track", "where is my", "has not arrived", "hasn t arrived", "didn t arrive"));
        KEYWORDS.put(Intent.CANCEL, List.of("cancelar", "cancela", "cancelo", "cancelalo", "cancelarlo", "cancelala",
                "cancelarla", "cancelame", "cancelen", "anular", "anula", "anulo", "anulalo", "anularlo", "dar de baja", "de baja",
                "baja del turno", "no voy a poder ir", "no voy a ir", "no puedo ir", "no podre ir", "no voy a poder asistir",
                "cancel", "cancelled", "canceling", "cancelling", "call off", "can t make it", "can t come",
                "won t make it", "won t be able to come"));
        KEYWORDS.put(Intent.MY_BOOKINGS, List.of("mis turnos", "mis reservas", "mis citas", "mi turno", "mi reserva",
                "mi cita", "que turnos tengo", "tengo turno", "tengo algun turno", "tengo turnos", "tengo cita", "tengo alguna", "tengo algun",
                "tengo reserva", "ver turnos", "ver mis", "cuando es mi", "cuando tengo", "a que hora es mi",
                "a que hora tengo", "para cuando tengo", "my bookings", "my appointments", "my booking",
                "my appointment", "do i have", "when is my", "what time is my", "am i booked"));
        KEYWORDS.put(Intent.PRICES, List.of("precio", "precios", "cuanto cuesta", "cuanto sale", "cuanto cuestan",
                "cuanto salen", "cuanto es", "cuanto vale", "cuanto valen", "cuanto cobran", "cuanto cobras",
                "cuanto me sale", "cuanto seria", "cuanto esta", "costo", "costos", "valor", "tarifa", "tarifas",
                "arancel", "aranceles", "price", "prices", "pricing", "cost", "costs", "how much", "fee", "fees",
                "charge", "rates"));
        KEYWORDS.put(Intent.PROFESSIONALS, List.of("profesionales", "doctores", "doctoras", "medicos", "especialistas",
                "quien atiende", "quienes atienden", "quienes trabajan", "que doctores", "que medicos", "staff medico",
                "professionals", "doctors", "specialists", "who works", "which doctors", "who are the doctors"));
        KEYWORDS.put(Intent.SERVICES, List.of("servicios", "tratamientos", "prestaciones", "que hacen", "que ofrecen",
                "que tratamientos", "que servicios", "hacen", "services", "treatments", "what do you offer",
                "what do you do", "do you do", "do you offer"));
        KEYWORDS.put(Intent.HOURS, List.of("horario", "horarios", "abren", "abierto", "abiertos", "atienden", "atiende",
                "cierran", "hasta que hora", "a que hora abren", "que dias", "dias atienden", "hours", "open",
                "opening", "opening hours", "closed", "close", "what days", "which days", "what time do you"));
        KEYWORDS.put(Intent.BOOK, List.of("turno", "turnos", "reservar", "reserva", "reservo", "reservame", "agendar",
                "agendame", "agenda", "sacar", "saco", "sacame", "cita", "citas", "pedir hora", "pedir una hora",
                "una hora para", "hora para", "atenderme", "me atiendan", "atender", "hay lugar", "tenes lugar",
                "tienen lugar", "tenes algo", "tienen algo", "hay algo", "lugar para", "disponible", "disponibles",
                "disponibilidad", "hueco", "quiero ir", "quisiera ir", "puedo ir", "book", "booking", "appointment",
                "schedule", "reserve", "make an appointment", "slot", "slots", "available", "availability",
                "come in", "get in", "see the doctor", "see dr"));
        KEYWORDS.put(Intent.THANKS_BYE, List.of("gracias", "muchas gracias", "mil gracias", "chau", "chao", "adios",
                "hasta luego", "nos vemos", "saludos", "buen finde", "thanks", "thank you", "thx", "bye", "goodbye",
                "see you", "cheers"));
        KEYWORDS.put(Intent.GREET, List.of("hola", "buenas", "buen dia", "buenos dias", "buenas tardes", "buenas noches",
                "que tal", "como estas", "como va", "hello", "hi", "hey", "good morning", "good afternoon",
                "good evening", "hiya"));
    }

    private IntentClassifier() {
    }

    public static Intent classify(Utterance utterance) {
        for (Map.Entry<Intent, List<String>> entry : KEYWORDS.entrySet()) {
            if (entry.getKey() == Intent.CANCEL && asksToMove(utterance)) {
                return Intent.RESCHEDULE;
            }
            if (utterance.hasAny(entry.getValue())) {
                return entry.getKey();
            }
        }
        return asksToMove(utterance) ? Intent.RESCHEDULE : Intent.UNKNOWN;
    }

    /**
     * What a message asks when no question is pending: a greeting or an unreadable message that names
     * a service, a professional, a day or a time is a booking request ("hola, limpieza el jueves"),
     * and "horarios" with a day is asking for free times, unless it asks whether the place is open.
     */
    public static Intent atRest(Intent intent, Utterance utterance, boolean hasWhen, boolean namesCatalogue) {
        if (intent == Intent.HOURS && hasWhen && !asksWhenOpen(utterance)) {
            return Intent.BOOK;
        }
        if ((intent == Intent.GREET || intent == Intent.UNKNOWN) && (hasWhen || namesCatalogue)) {
            return Intent.BOOK;
        }
        return intent;
    }

    /** "pasar mi turno al jueves", "correlo a las 5", "move my appointment", "postpone". */
    public static boolean asksToMove(Utterance utterance) {
        return utterance.hasAny(MOVE_ALONE) || utterance.hasAny(MOVE_WITH_OBJECT)
                || (utterance.hasAny(MOVE_VERBS) && utterance.hasAny(BOOKING_NOUNS));
    }

    /** The message asks whether or when the place is open ("¿atienden el sábado?"), not for a slot. */
    public static boolean asksWhenOpen(Utterance utterance) {
        return utterance.hasAny(OPENING);
    }

    public static boolean isGreeting(Utterance utterance) {
        return utterance.hasAny(KEYWORDS.get(Intent.GREET));
    }

    public static boolean matches(Utterance utterance, Intent intent) {
        List<String> words = KEYWORDS.get(intent);
        return words != null && utterance.hasAny(words);
    }
}
