package com.aiassistants.backend.assistant.nlu;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keyword-set intent classification with whole-word/phrase matching. Intents are checked in a
 * fixed priority order ("cancelar mi turno" is CANCEL although "turno" alone means BOOK), and a
 * greeting only wins when nothing else is asked ("hola, quiero un turno" is BOOK).
 */
public final class IntentClassifier {

    private static final Map<Intent, List<String>> KEYWORDS = new LinkedHashMap<>();

    static {
        KEYWORDS.put(Intent.HUMAN, List.of("humano", "humana", "persona", "operador", "operadora", "asesor", "asesora",
                "agente", "recepcion", "recepcionista", "secretaria", "hablar con alguien", "human", "person", "agent",
                "operator", "representative", "someone", "real person"));
        KEYWORDS.put(Intent.MENU, List.of("menu", "opciones", "ayuda", "help", "options", "que podes hacer",
                "que puedo hacer", "what can you do", "inicio", "start"));
        KEYWORDS.put(Intent.CANCEL, List.of("cancelar", "cancela", "cancelo", "cancelalo", "cancelarlo", "anular",
                "anula", "anulo", "dar de baja", "cancel", "call off"));
        KEYWORDS.put(Intent.RESCHEDULE, List.of("reprogramar", "reprogramalo", "reprogramarlo", "reagendar",
                "cambiar mi turno", "cambiar el turno", "cambiar turno", "mover mi turno", "mover el turno", "cambiarlo",
                "moverlo", "posponer", "reschedule", "move my", "change my", "postpone"));
        KEYWORDS.put(Intent.MY_BOOKINGS, List.of("mis turnos", "mis reservas", "mis citas", "mi turno", "mi reserva",
                "que turnos tengo", "tengo turno", "tengo algun turno", "ver turnos", "my bookings", "my appointments",
                "my booking", "my appointment", "do i have"));
        KEYWORDS.put(Intent.PRICES, List.of("precio", "precios", "cuanto cuesta", "cuanto sale", "cuanto cuestan",
                "cuanto salen", "costo", "costos", "valor", "tarifa", "tarifas", "price", "prices", "cost", "costs",
                "how much", "fee", "fees"));
        KEYWORDS.put(Intent.PROFESSIONALS, List.of("profesionales", "doctores", "doctoras", "medicos", "especialistas",
                "quien atiende", "quienes atienden", "professionals", "doctors", "specialists", "who works"));
        KEYWORDS.put(Intent.SERVICES, List.of("servicios", "tratamientos", "prestaciones", "que hacen", "que ofrecen",
                "services", "treatments", "what do you offer", "what do you do"));
        KEYWORDS.put(Intent.HOURS, List.of("horario", "horarios", "abren", "abierto", "abiertos", "atienden",
                "hora abren", "hours", "open", "opening", "opening hours"));
        KEYWORDS.put(Intent.BOOK, List.of("turno", "reservar", "reserva", "reservo", "agendar", "sacar", "cita",
                "atenderme", "book", "booking", "appointment", "schedule", "reserve", "make an appointment"));
        KEYWORDS.put(Intent.THANKS_BYE, List.of("gracias", "muchas gracias", "chau", "chao", "adios", "hasta luego",
                "nos vemos", "thanks", "thank you", "thx", "bye", "goodbye", "see you"));
        KEYWORDS.put(Intent.GREET, List.of("hola", "buenas", "buen dia", "buenos dias", "buenas tardes", "buenas noches",
                "hello", "hi", "hey", "good morning", "good afternoon", "good evening", "que tal"));
    }

    private IntentClassifier() {
    }

    public static Intent classify(Utterance utterance) {
        for (Map.Entry<Intent, List<String>> entry : KEYWORDS.entrySet()) {
            if (utterance.hasAny(entry.getValue())) {
                return entry.getKey();
            }
        }
        return Intent.UNKNOWN;
    }

    public static boolean isGreeting(Utterance utterance) {
        return utterance.hasAny(KEYWORDS.get(Intent.GREET));
    }

    public static boolean matches(Utterance utterance, Intent intent) {
        List<String> words = KEYWORDS.get(intent);
        return words != null && utterance.hasAny(words);
    }
}
