package com.aiassistants.backend.assistant.nlu;

import java.util.List;

/**
 * Whole-word yes/no detection ("si" counts, "necesito" does not), and putting the decision off
 * ("lo pienso", "te aviso", "let me think"), which wins over the yes-words it may contain
 * ("después te confirmo").
 */
public enum Confirmation {
    YES, NO, LATER, NONE;

    private static final List<String> YES_WORDS = List.of("si", "dale", "ok", "okay", "confirmo",
            "confirmar", "confirmado", "confirma", "perfecto", "de acuerdo", "listo", "claro", "bueno", "va", "genial",
            "joya", "de una", "esta bien", "por supuesto", "correcto", "vale", "sale", "yes", "yeah", "yep", "yup", "sure",
            "confirm", "confirmed", "correct", "sounds good", "that works", "go ahead", "of course", "please do",
            "alright", "all right", "fine");
    private static final List<String> NO_WORDS = List.of("no", "nop", "nope", "mejor no", "todavia no", "nah",
            "not now", "no thanks", "no gracias", "negativo", "cancelar", "cancel", "don t");
    private static final List<String> LATER_WORDS = List.of("lo pienso", "lo voy a pensar", "lo tengo que pensar",
            "dejame pensar", "dejame pensarlo", "dejame ver", "deja que lo piense", "lo pienso y te aviso", "te aviso",
            "te confirmo despues", "te confirmo luego", "te confirmo mas tarde", "despues te confirmo",
            "luego te confirmo", "mas tarde te confirmo", "despues te aviso", "luego te aviso", "ahora te aviso",
            "en un rato te confirmo", "en un rato te aviso", "tengo que ver", "tengo que consultar", "lo consulto",
            "lo hablo", "no se todavia", "todavia no se", "no estoy segura", "no estoy seguro", "ya te digo",
            "te escribo despues", "te escribo luego", "let me think", "i ll think", "think about it", "let you know",
            "get back to you", "not sure yet", "i m not sure", "let me check", "need to check", "i ll check",
            "maybe later", "later", "despues veo", "luego veo", "mas tarde", "despues");

    public static Confirmation of(Utterance utterance) {
        if (utterance.hasAny(LATER_WORDS)) {
            return LATER;
        }
        boolean yes = utterance.hasAny(YES_WORDS);
        boolean no = utterance.hasAny(NO_WORDS);
        if (yes == no) {
            return NONE;
        }
        return yes ? YES : NO;
    }
}
