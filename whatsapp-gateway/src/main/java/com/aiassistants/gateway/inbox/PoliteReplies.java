package com.aiassistants.gateway.inbox;

import java.util.Map;

import org.springframework.stereotype.Component;

import com.aiassistants.common.channel.ChannelText;
import com.aiassistants.gateway.config.GatewayProperties;

/**
 * What the gateway answers by itself, in the project's language, when the assistant cannot: a photo or a
 * voice note, a message WhatsApp could not show us, a message that failed for good, a message that
 * arrived too late, and the note added to the reply to a text longer than the assistant reads.
 */
@Component
public class PoliteReplies {

    public enum Reason { MEDIA, UNREADABLE, FAILED, STALE }

    private static final Map<Reason, Map<String, String>> TEXTS = Map.of(
            Reason.MEDIA, Map.of(
                    "es", "Por ahora solo puedo leer mensajes de texto. ¿Me escribís lo que necesitás?",
                    "en", "Sorry, I can only read text messages for now. Please write your request."),
            Reason.UNREADABLE, Map.of(
                    "es", "No pude leer ese mensaje. ¿Me lo escribís con palabras?",
                    "en", "I couldn't read that message. Could you write it in words?"),
            Reason.FAILED, Map.of(
                    "es", "Perdón, no pude procesar tu mensaje. Probá escribirlo de nuevo en un rato.",
                    "en", "Sorry, I couldn't process your message. Please try writing it again in a while."),
            Reason.STALE, Map.of(
                    "es", "Perdón por la demora: tu mensaje nos llegó recién ahora. ¿Me lo escribís de nuevo?",
                    "en", "Sorry for the delay: your message only reached us now. Could you send it again?"));

    private static final Map<String, String> TRUNCATED = Map.of(
            "es", "(Tu mensaje era muy largo: leí solo los primeros " + ChannelText.MAX_LENGTH + " caracteres.)",
            "en", "(Your message was very long: I read only the first " + ChannelText.MAX_LENGTH + " characters.)");

    private final String mediaOverride;

    public PoliteReplies(GatewayProperties properties) {
        String configured = properties.mediaReplyText();
        this.mediaOverride = configured == null || configured.isBlank() ? null : configured;
    }

    public String text(Reason reason, String language) {
        if (reason == Reason.MEDIA && mediaOverride != null) {
            return mediaOverride;
        }
        return pick(TEXTS.get(reason), language);
    }

    /** The note put before the reply to a text that was cut to {@link ChannelText#MAX_LENGTH}. */
    public String truncatedNote(String language) {
        return pick(TRUNCATED, language);
    }

    private static String pick(Map<String, String> texts, String language) {
        return texts.getOrDefault(language, texts.get("es"));
    }
}
