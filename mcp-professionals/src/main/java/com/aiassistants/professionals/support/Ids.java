package com.aiassistants.professionals.support;

import java.security.SecureRandom;

/**
 * Row ids: a readable prefix plus 12 random base-36 characters, e.g. {@code pro-k3v9x0a1bq7m}
 * (about 62 bits, unique within a tenant for all practical purposes). Ids are scoped by tenant:
 * every key in the schema is (tenant_id, id).
 */
public final class Ids {

    public static final String PROFESSIONAL = "pro";
    public static final String SERVICE = "svc";
    public static final String TIME_OFF = "off";
    public static final String SPECIALTY = "spc";
    public static final String AREA = "area";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

    private Ids() {
    }

    public static String newId(String prefix) {
        char[] chars = new char[12];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return prefix + "-" + new String(chars);
    }
}
