package com.aiassistants.backend.ics;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import com.aiassistants.backend.BackendProperties;
import com.aiassistants.backend.assistant.BookingLinks;

/**
 * The public link of a booking's calendar file: {@code <base>/v1/public/bookings/<token>.ics}, where the token is
 * {@code base64url(project + "/" + booking id) + "." + base64url(HMAC-SHA256(key, that payload))} truncated to 128
 * bits. It names one booking of one project and cannot be made or changed without the key; it stays valid as long as
 * the booking exists (the file is rendered from the booking each time it is opened). Ids never contain a {@code /}
 * (project ids are {@code [A-Za-z0-9:+._@-]}, booking ids are UUIDs).
 */
@Component
public class CalendarLinks implements BookingLinks {

    /** A verified token: the project and the booking it names. */
    public record Target(String projectId, String bookingId) {
    }

    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] key;
    private final String baseUrl;

    @org.springframework.beans.factory.annotation.Autowired
    public CalendarLinks(CalendarFileProperties properties, BackendProperties backend) {
        this(properties, backend.auth().jwtSecret());
    }

    CalendarLinks(CalendarFileProperties properties, String jwtSecret) {
        this.baseUrl = properties.publicBaseUrl();
        this.key = properties.signingKey().isEmpty()
                ? hmac(jwtSecret.getBytes(StandardCharsets.UTF_8),
                        "ai-assistants calendar-file links".getBytes(StandardCharsets.UTF_8))
                : properties.signingKey().getBytes(StandardCharsets.UTF_8);
    }

    public String url(String projectId, String bookingId) {
        return baseUrl + "/v1/public/bookings/" + token(projectId, bookingId) + ".ics";
    }

    /** The assistant's link under a confirmation or a move; {@code ?lang=} when the conversation is in another language. */
    @Override
    public String calendarFile(String tenantId, String bookingId, String language) {
        return url(tenantId, bookingId) + (language == null ? "" : "?lang=" + language);
    }

    public String token(String projectId, String bookingId) {
        if (projectId.contains("/") || bookingId.contains("/")) {
            throw new IllegalArgumentException("ids with '/' cannot be linked");
        }
        return signed((projectId + "/" + bookingId).getBytes(StandardCharsets.UTF_8));
    }

    private String signed(byte[] payload) {
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    /** The project and booking a token names, or empty for anything not made with the key (malformed, tampered). */
    public Optional<Target> verify(String token) {
        if (token == null || token.length() > 512) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        byte[] payload;
        try {
            payload = DECODER.decode(token.substring(0, dot));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // Compared as text, not as decoded bytes: the decoder ignores a last character's unused bits, so several
        // spellings decode to the same signature; only the one this class writes is accepted.
        byte[] expected = signed(payload).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        String text = new String(payload, StandardCharsets.UTF_8);
        int slash = text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new Target(text.substring(0, slash), text.substring(slash + 1)));
    }

    private byte[] mac(byte[] payload) {
        return Arrays.copyOf(hmac(key, payload), MAC_BYTES);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
