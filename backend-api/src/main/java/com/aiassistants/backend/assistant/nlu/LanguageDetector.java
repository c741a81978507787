package com.aiassistants.backend.assistant.nlu;

import java.util.Set;

/**
 * Per-message language detection by counting marker words of each language. Messages without a
 * clear signal ("ok", "1", "10:30", a name) keep the conversation's current language.
 */
public final class LanguageDetector {

    private static final Set<String> SPANISH = Set.copyOf(java.util.List.of("hola", "buenas", "buenos", "buen", "dia", "dias", "quiero",
            "quisiera", "queria", "necesito", "turno", "turnos", "reservar", "sacar", "para", "manana", "pasado", "hoy",
            "gracias", "el", "la", "los", "las", "de", "del", "que", "con", "por", "un", "una", "mi", "mis", "me", "llamo",
            "soy", "si", "dale", "cancelar", "precio", "precios", "cuanto", "cuesta", "horario", "horarios", "lunes",
            "martes", "miercoles", "jueves", "viernes", "sabado", "domingo", "semana", "proxima", "proximo", "tarde",
            "noche", "mejor", "tengo", "puedo", "podes", "hay", "cual", "cuando", "hablar", "persona", "confirmo",
            "cambiar", "ver", "primero", "primera", "segundo", "segunda", "este", "esta", "es", "y", "las", "nombre",
            "chau", "mediodia", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
            "septiembre", "octubre", "noviembre", "diciembre", "cualquiera", "reprogramar", "servicios", "profesionales",
            "ayuda", "opciones", "perfecto", "claro", "listo", "otro", "otra", "ese",
            "esa", "viene", "tenes", "tienen", "atienden", "abren", "muchas", "porfa", "favor"));
    private static final Set<String> ENGLISH = Set.copyOf(java.util.List.of("hi", "hello", "hey", "good", "morning", "afternoon", "evening",
            "want", "would", "like", "need", "book", "booking", "bookings", "appointment", "appointments", "the", "for",
            "with", "on", "at", "tomorrow", "today", "thanks", "thank", "you", "my", "name", "is", "i", "im", "am",
            "yes", "yeah", "yep", "sure", "cancel", "reschedule", "price", "prices", "how", "much", "hours", "open",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "next", "week", "please",
            "can", "could", "first", "second", "third", "last", "talk", "human", "what", "which", "when", "an", "a",
            "to", "of", "in", "do", "have", "any", "anyone", "one", "this", "that", "bye", "noon", "january",
            "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
            "services", "professionals", "cleaning", "help", "options", "instead", "better", "other", "another",
            "let", "me", "it", "fine", "works", "confirm", "day", "after", "before", "there"));

    private LanguageDetector() {
    }

    public static Language detect(Utterance utterance, Language current) {
        int es = 0;
        int en = 0;
        for (String token : utterance.tokens()) {
            if (SPANISH.contains(token)) {
                es++;
            }
            if (ENGLISH.contains(token)) {
                en++;
            }
        }
        if (es == en) {
            return current;
        }
        return es > en ? Language.ES : Language.EN;
    }
}
