package com.aiassistants.backend.assistant.nlu;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How people write on WhatsApp, mapped to the words the rules know: abbreviations ("q", "xq",
 * "tmb", "x fa", "pls", "appt"), spellings without ñ ("mñn", "maniana"), and common typos of the
 * words that carry intent and dates ("turmo", "juebes", "tomorow"). Applied to normalised text
 * (lower case, no accents), whole words only.
 */
public final class ChatSpelling {

    private static final Pattern WORD = Pattern.compile("[a-z0-9]+");
    private static final Map<String, String> WORDS = Map.ofEntries(
            // Spanish abbreviations
            Map.entry("q", "que"), Map.entry("qe", "que"), Map.entry("ke", "que"), Map.entry("xq", "porque"),
            Map.entry("pq", "porque"), Map.entry("porq", "porque"), Map.entry("tmb", "tambien"),
            Map.entry("tb", "tambien"), Map.entry("tmbn", "tambien"), Map.entry("tambn", "tambien"),
            Map.entry("x", "por"), Map.entry("xfa", "por favor"), Map.entry("xfavor", "por favor"),
            Map.entry("porfa", "por favor"), Map.entry("porfis", "por favor"), Map.entry("plis", "por favor"),
            Map.entry("d", "de"), Map.entry("xa", "para"), Map.entry("pa", "para"), Map.entry("pra", "para"),
            Map.entry("cdo", "cuando"), Map.entry("dnd", "donde"), Map.entry("bn", "bien"), Map.entry("tdo", "todo"),
            Map.entry("msj", "mensaje"), Map.entry("hrs", "hs"), Map.entry("hr", "hs"),
            Map.entry("holis", "hola"), Map.entry("ola", "hola"), Map.entry("bns", "buenas"),
            Map.entry("graciass", "gracias"), Map.entry("grax", "gracias"), Map.entry("grs", "gracias"),
            Map.entry("grcs", "gracias"), Map.entry("sip", "si"), Map.entry("sii", "si"),
            Map.entry("dalee", "dale"), Map.entry("oki", "ok"), Map.entry("okis", "ok"), Map.entry("okk", "ok"),
            Map.entry("oka", "ok"), Map.entry("okey", "ok"), Map.entry("kiero", "quiero"), Map.entry("qiero", "quiero"),
            Map.entry("qero", "quiero"), Map.entry("kisiera", "quisiera"),
            Map.entry("keria", "queria"), Map.entry("nesecito", "necesito"), Map.entry("nececito", "necesito"),
            Map.entry("nesesito", "necesito"), Map.entry("necesitaria", "necesito"),
            // ñ written without its tilde and its abbreviations
            Map.entry("mnn", "manana"), Map.entry("mna", "manana"), Map.entry("mnna", "manana"),
            Map.entry("maniana", "manana"), Map.entry("mñn", "manana"), Map.entry("mana", "manana"),
            Map.entry("mananaa", "manana"), Map.entry("pasadomanana", "pasado manana"),
            // typos of intent and date words
            Map.entry("turmo", "turno"), Map.entry("tunro", "turno"), Map.entry("truno", "turno"),
            Map.entry("trno", "turno"), Map.entry("turo", "turno"), Map.entry("turnito", "turno"),
            Map.entry("reserbar", "reservar"), Map.entry("resevar", "reservar"), Map.entry("canselar", "cancelar"),
            Map.entry("cancelr", "cancelar"), Map.entry("cancelarr", "cancelar"), Map.entry("reprogamar", "reprogramar"),
            Map.entry("juebes", "jueves"), Map.entry("jueve", "jueves"), Map.entry("vierne", "viernes"),
            Map.entry("bierne", "viernes"), Map.entry("biernes", "viernes"), Map.entry("miercole", "miercoles"),
            Map.entry("mier", "miercoles"), Map.entry("mierc", "miercoles"), Map.entry("lune", "lunes"),
            Map.entry("marte", "martes"), Map.entry("sabdo", "sabado"),
            Map.entry("oy", "hoy"), Map.entry("ora", "hora"), Map.entry("orario", "horario"),
            Map.entry("orarios", "horarios"), Map.entry("limpiesa", "limpieza"), Map.entry("limpiza", "limpieza"),
            Map.entry("kine", "kinesiologia"), Map.entry("kinesio", "kinesiologia"),
            Map.entry("sabados", "sabado"), Map.entry("domingos", "domingo"), Map.entry("mondays", "monday"),
            Map.entry("tuesdays", "tuesday"), Map.entry("wednesdays", "wednesday"), Map.entry("thursdays", "thursday"),
            Map.entry("fridays", "friday"), Map.entry("saturdays", "saturday"), Map.entry("sundays", "sunday"),
            // English chat spellings
            Map.entry("tmrw", "tomorrow"), Map.entry("tmr", "tomorrow"), Map.entry("tmrrw", "tomorrow"),
            Map.entry("tomorow", "tomorrow"), Map.entry("tommorow", "tomorrow"), Map.entry("tommorrow", "tomorrow"),
            Map.entry("2moro", "tomorrow"), Map.entry("2morrow", "tomorrow"), Map.entry("tmrow", "tomorrow"),
            Map.entry("pls", "please"), Map.entry("plz", "please"), Map.entry("pleas", "please"),
            Map.entry("appt", "appointment"), Map.entry("apt", "appointment"), Map.entry("appts", "appointments"),
            Map.entry("appoinment", "appointment"), Map.entry("appointmnt", "appointment"),
            Map.entry("apointment", "appointment"), Map.entry("u", "you"), Map.entry("ur", "your"),
            Map.entry("r", "are"), Map.entry("thx", "thanks"), Map.entry("ty", "thanks"), Map.entry("tx", "thanks"),
            Map.entry("wanna", "want to"), Map.entry("gonna", "going to"), Map.entry("cant", "can t"),
            Map.entry("dont", "don t"), Map.entry("im", "i m"), Map.entry("ill", "i ll"),
            Map.entry("wed", "wednesday"), Map.entry("thur", "thursday"), Map.entry("thurs", "thursday"),
            Map.entry("tues", "tuesday"), Map.entry("tue", "tuesday"), Map.entry("fri", "friday"),
            Map.entry("mon", "monday"), Map.entry("sat", "saturday"), Map.entry("sun", "sunday"),
            Map.entry("yea", "yeah"), Map.entry("nvm", "never mind"),
            Map.entry("resched", "reschedule"), Map.entry("reschedual", "reschedule"), Map.entry("cancle", "cancel"));

    private ChatSpelling() {
    }

    /** {@code text} (already normalised) with every chat spelling replaced. */
    public static String expand(String text) {
        Matcher m = WORD.matcher(text);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            String replacement = WORDS.get(m.group());
            if (replacement != null && !replacement.equals(m.group())) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16);
                }
                out.append(text, last, m.start()).append(replacement);
                last = m.end();
            }
        }
        if (out == null) {
            return text;
        }
        return out.append(text, last, text.length()).toString();
    }
}
