package com.aiassistants.backend.assistant.nlu;

import java.util.List;

/** Whole-word yes/no detection ("si" counts, "necesito" does not). */
public enum Confirmation {
    YES, NO, NONE;

    private static final List<String> YES_WORDS = List.of("si", "sip", "dale", "ok", "okay", "oka", "okey", "confirmo",
            "confirmar", "confirmado", "confirma", "perfecto", "de acuerdo", "listo", "claro", "bueno", "va", "genial",
            "joya", "esta bien", "por supuesto", "correcto", "yes", "yeah", "yep", "yup", "sure", "confirm", "confirmed",
            "correct", "sounds good", "that works", "go ahead", "of course", "please do", "alright", "all right", "fine");
    private static final List<String> NO_WORDS = List.of("no", "nop", "nope", "mejor no", "todavia no", "nah",
            "not now", "no thanks", "no gracias", "negativo", "cancelar", "cancel", "dont", "don t");

    public static Confirmation of(Utterance utterance) {
        boolean yes = utterance.hasAny(YES_WORDS);
        boolean no = utterance.hasAny(NO_WORDS);
        if (yes == no) {
            return NONE;
        }
        return yes ? YES : NO;
    }
}
