package com.aiassistants.gateway.ops;

/** Phone number helpers: normalisation to digits and masking for logs. */
public final class Phones {

    private Phones() {
    }

    /** Digits only ("+34 600-11 22 33" → "34600112233"). */
    public static String digits(String number) {
        return number == null ? "" : number.replaceAll("[^0-9]", "");
    }

    /** All but the last 4 digits hidden. */
    public static String mask(String number) {
        String d = digits(number);
        return d.length() <= 4 ? "****" : "*".repeat(d.length() - 4) + d.substring(d.length() - 4);
    }
}
