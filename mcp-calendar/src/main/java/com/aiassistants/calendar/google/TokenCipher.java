package com.aiassistants.calendar.google;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Refresh tokens at rest: AES-256-GCM with a random 12-byte nonce, stored as nonce ‖ ciphertext ‖ tag. The row's
 * tenant and professional are the additional authenticated data, so a token copied into another row does not
 * decrypt. The same key, through HMAC-SHA256 under a fixed label, signs OAuth states.
 */
final class TokenCipher {

    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final byte[] stateKey;
    private final SecureRandom random = new SecureRandom();

    TokenCipher(String base64Key) {
        byte[] raw = Base64.getDecoder().decode(base64Key.trim());
        if (raw.length != 32) {
            throw new IllegalArgumentException("ai-assistants.calendar.google.token-key must be base64 of 32 bytes");
        }
        this.key = new SecretKeySpec(raw, "AES");
        this.stateKey = hmac(raw, "oauth-state".getBytes(StandardCharsets.UTF_8));
    }

    byte[] encrypt(String plain, String tenantId, String professionalId) {
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(tenantId, professionalId));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    String decrypt(byte[] stored, String tenantId, String professionalId) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE));
            cipher.updateAAD(aad(tenantId, professionalId));
            return new String(cipher.doFinal(stored, NONCE, stored.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored Google token does not decrypt with the configured key");
        }
    }

    String sign(String payload) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(hmac(stateKey, payload.getBytes(StandardCharsets.UTF_8)));
    }

    boolean verify(String payload, String signature) {
        return MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] aad(String tenantId, String professionalId) {
        return (tenantId + "\u0000" + professionalId).getBytes(StandardCharsets.UTF_8);
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
