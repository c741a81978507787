package com.aiassistants.common.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.junit.jupiter.api.Test;

class ChannelContractTest {

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void idsAreOpaqueButBoundedAndFreeOfControlCharacters() {
        // Meta's own example wamid (base64, ends in '='), a template quick-reply payload (the button's label)
        assertThat(OpaqueIds.isValid("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=")).isTrue();
        assertThat(OpaqueIds.isValid("Stop promotions")).isTrue();
        assertThat(OpaqueIds.isValid("Sí, confirmá el turno")).isTrue();
        assertThat(OpaqueIds.isValid("a/b+c=")).isTrue();
        assertThat(OpaqueIds.isValid("x".repeat(OpaqueIds.MAX_LENGTH))).isTrue();

        assertThat(OpaqueIds.isValid("x".repeat(OpaqueIds.MAX_LENGTH + 1))).isFalse();
        assertThat(OpaqueIds.isValid("")).isFalse();
        assertThat(OpaqueIds.isValid("   ")).isFalse();
        assertThat(OpaqueIds.isValid("wamid\u0000x")).isFalse();
        assertThat(OpaqueIds.isValid("line\nbreak")).isFalse();
        assertThat(OpaqueIds.isValid(null)).isFalse();
    }

    @Test
    void theInboundRecordValidatesWithTheSameRule() {
        GatewayInbound meta = GatewayInbound.of("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=",
                "16505551234", "Does it come in another color?", "2025-06-08T20:59:43Z", "Sheena Nelson", "Stop promotions");
        assertThat(validator.validate(meta)).isEmpty();

        GatewayInbound nul = GatewayInbound.of("m1", "16505551234", "hola\u0000", null, null, "a\u0007b");
        Set<ConstraintViolation<GatewayInbound>> violations = validator.validate(nul);
        assertThat(violations).extracting(v -> v.getPropertyPath().toString()).containsExactlyInAnyOrder("text", "replyId");
    }

    @Test
    void textsAreCleanedAndShortenedByRule() {
        assertThat(ChannelText.clean("ho\u0000la\u0007\n\tyes")).isEqualTo("hola\n\tyes");
        assertThat(ChannelText.clean(null)).isNull();
        assertThat(ChannelText.shorten("short", 20, "…")).isEqualTo("short");
        assertThat(ChannelText.shorten("Dra. María Fernanda Pérez", 20, "…")).isEqualTo("Dra. María Fernanda…").hasSize(20);
        assertThat(ChannelText.shorten("abcdefghijklmnopqrstuvwxyz", 10, "…")).isEqualTo("abcdefghi…");
        String emoji = "x".repeat(9) + "😀😀";
        assertThat(ChannelText.shorten(emoji, 10, "")).isEqualTo("x".repeat(9));
    }

    @Test
    void signaturesAreBase64HmacOfTimestampDotBody() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        String signature = HmacSignatures.sign("secret", "1700000000", body);
        // the same value computed independently: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac secret -binary | base64
        assertThat(signature).isEqualTo("SfJOU3QHdD+koCQrtjuUuaR+6Zy74HHM2KIlUK5BFoY=");
        assertThat(HmacSignatures.matches("secret", "1700000000", body, signature)).isTrue();
        assertThat(HmacSignatures.matches("secret", "1700000001", body, signature)).isFalse();
        assertThat(HmacSignatures.matches("other", "1700000000", body, signature)).isFalse();
        assertThat(HmacSignatures.matches("secret", "1700000000", body, null)).isFalse();
    }

    @Test
    void phonesAreMaskedOneWayEverywhere() {
        assertThat(PhoneNumbers.mask("+5491122334455")).isEqualTo("***4455");
        assertThat(PhoneNumbers.mask("5491122334455")).isEqualTo("***4455");
        assertThat(PhoneNumbers.mask("123")).isEqualTo("***");
        assertThat(PhoneNumbers.maskConversation("whatsapp:+5491122334455")).isEqualTo("whatsapp:***4455");
        assertThat(PhoneNumbers.maskConversation("web-1")).isEqualTo("web-1");
        assertThat(PhoneNumbers.digits("+34 600-11 22 33")).isEqualTo("34600112233");
    }
}
