package com.aiassistants.backend.assistant.nlu;

import java.util.Set;

/**
 * Per-message language detection by counting marker words of each language. Messages without a
 * clear signal ("ok", "1", "10:30", a name, one stray English word) keep the conversation's current
 * language.
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
            "esa", "viene", "tenes", "tienen", "atienden", "abren", "muchas", "porfa", "favor", "cita", "citas", "porque", "tambien", "puede", "pueden", "atiende", "pasar", "misma", "mismo", "hora", "quisiera", "podria", "seria", "doctora", "doctor", "dra", "consulta", "limpieza", "sale", "cuesta", "algo", "nada", "bueno", "vale", "pues", "vos", "usted", "ustedes", "estoy", "esta", "hacer", "hacen", "aviso", "pienso", "lugar"));
    private static final Set<String> ENGLISH = Set.copyOf(java.util.List.of("hi", "hello", "hey", "good", "morning", "afternoon", "evening",
            "want", "would", "like", "need", "book", "booking", "bookings", "appointment", "appointments", "the", "for",
            "with", "on", "at", "tomorrow", "today", "thanks", "thank", "you", "my", "name", "is", "i", "im", "am",
            "yes", "yeah", "yep", "sure", "cancel", "reschedule", "price", "prices", "how", "much", "hours", "open",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "next", "week", "please",
            "can", "could", "first", "second", "third", "last", "talk", "human", "what", "which", "when", "an",
            "to", "of", "in", "do", "have", "any", "anyone", "one", "this", "that", "bye", "noon", "january",
            "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
            "services", "professionals", "cleaning", "help", "options", "instead", "better", "other", "another",
            "let", "me", "it", "fine", "works", "confirm", "day", "after", "before", "there", "your", "are", "get", "see", "make", "does", "should", "think", "know", "move", "change", "same", "time", "appointment", "just", "not", "sure", "thank", "about", "possible", "anything", "something", "from"));

    private LanguageDetector() {
    }

    public static Language detect(Utterance utterance, Language current) {
        return detect(utterance, current, false, Set.of());
    }

    /**
     * The language to answer in. A conversation leaves {@code current} (the project's language, or the
     * one the customer has been writing in) only when the message clearly is in the other one: at
     * least two marker words more of it than of the current language, or, in the very first message,
     * one marker word and none of the current language ("hi"). Words of the customer's name
     * ({@code ignored}, e.g. "Prueba November") never count.
     */
    public static Language detect(Utterance utterance, Language current, boolean firstMessage, Set<String> ignored) {
        int es = 0;
        int en = 0;
        for (String token : utterance.tokens()) {
            if (ignored.contains(token)) {
                continue;
            }
            if (SPANISH.contains(token)) {
                es++;
            }
            if (ENGLISH.contains(token)) {
                en++;
            }
        }
        int other = current == Language.ES ? en : es;
        int same = current == Language.ES ? es : en;
        boolean clear = other >= 2 && other > same || firstMessage && other >= 1 && same == 0;
        return clear ? (current == Language.ES ? Language.EN : Language.ES) : current;
    }
}
