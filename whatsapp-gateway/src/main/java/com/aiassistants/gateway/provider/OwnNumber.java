package com.aiassistants.gateway.provider;

import com.aiassistants.common.channel.PhoneNumbers;

/** A connection's own number as providers report it: E.164 with its {@code +}, or null when unknown or malformed. */
public final class OwnNumber {

    private OwnNumber() {
    }

    /** {@code 15550783881}, {@code +1 555 078 3881} or {@code 15550783881@s.whatsapp.net} → {@code +15550783881}. */
    public static String of(String number) {
        if (number == null) {
            return null;
        }
        int at = number.indexOf('@');
        String user = at < 0 ? number : number.substring(0, at);
        int device = user.indexOf(':');
        String digits = PhoneNumbers.digits(device < 0 ? user : user.substring(0, device));
        return digits.matches("[1-9][0-9]{6,14}") ? "+" + digits : null;
    }
}
