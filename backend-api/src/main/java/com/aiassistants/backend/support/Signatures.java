package com.aiassistants.backend.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * SHA-256 digests (API keys are stored as their digest). The HMAC signature of webhooks and callbacks is
 * the channel contract's {@link com.aiassistants.common.channel.HmacSignatures}.
 */
public final class Signatures {

    private Signatures() {
    }

    public static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
