package com.aiassistants.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A connection's own number from what providers know: configured numbers, Meta's display numbers, WhatsApp JIDs. */
class OwnNumberTest {

    @Test
    void everyFormBecomesE164() {
        assertThat(OwnNumber.of("15550783881")).isEqualTo("+15550783881");
        assertThat(OwnNumber.of("+1 555-078-3881")).isEqualTo("+15550783881");
        assertThat(OwnNumber.of("5491122334455@s.whatsapp.net")).isEqualTo("+5491122334455");
        assertThat(OwnNumber.of("5491122334455:12@s.whatsapp.net")).as("a linked device's JID").isEqualTo("+5491122334455");
    }

    @Test
    void nothingUsableIsNull() {
        assertThat(OwnNumber.of(null)).isNull();
        assertThat(OwnNumber.of("")).isNull();
        assertThat(OwnNumber.of("12345")).isNull();
        assertThat(OwnNumber.of("0111555")).isNull();
        assertThat(OwnNumber.of("1234567890123456")).isNull();
    }
}
