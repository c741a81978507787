package com.aiassistants.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class WhatsAppLimitsTest {

    @Test
    void textsAreCutByRuleNeverRefused() {
        OutgoingMessage fit = WhatsAppLimits.fit(OutgoingMessage.text("palabra ".repeat(1000)), "es");
        assertThat(fit.text()).hasSizeLessThanOrEqualTo(4096).endsWith("…");
        assertThat(WhatsAppLimits.fit(OutgoingMessage.text(""), "es").text()).isNotBlank();
    }

    @Test
    void buttonsKeepUniqueShortTitlesAndMoreThanThreeBecomeAList() {
        OutgoingMessage buttons = WhatsAppLimits.fit(OutgoingMessage.buttons("x".repeat(2000), List.of(
                new OutgoingMessage.Button("a", "Confirmar el turno de las 10"),
                new OutgoingMessage.Button("b", "Confirmar el turno de las 11"))), "es");
        assertThat(buttons.text()).hasSize(1024);
        assertThat(buttons.buttons()).extracting(OutgoingMessage.Button::title)
                .allSatisfy(t -> assertThat(t).hasSizeLessThanOrEqualTo(20)).doesNotHaveDuplicates();

        OutgoingMessage four = WhatsAppLimits.fit(OutgoingMessage.buttons("¿Qué hacemos?", IntStream.range(0, 4)
                .mapToObj(i -> new OutgoingMessage.Button("o" + i, "Opción " + i)).toList()), "es");
        assertThat(four.kind()).isEqualTo(OutgoingMessage.Kind.LIST);
        assertThat(four.listItems()).hasSize(4);
        assertThat(four.listTitle()).isEqualTo("Opciones");
    }

    @Test
    void listsKeepTenRowsWithinTheirLimits() {
        OutgoingMessage list = WhatsAppLimits.fit(OutgoingMessage.list("Elegí", "Horarios disponibles para mañana",
                IntStream.range(0, 12).mapToObj(i -> new OutgoingMessage.ListItem("slot:" + i,
                        "martes 13/01 10:30 con la Dra. María Fernanda Pérez " + i, null)).toList()), "es");
        assertThat(list.listItems()).hasSize(10).allSatisfy(row -> {
            assertThat(row.title()).hasSizeLessThanOrEqualTo(24);
            assertThat(row.description()).hasSizeLessThanOrEqualTo(72).startsWith("martes 13/01");
        });
        assertThat(list.listItems()).extracting(OutgoingMessage.ListItem::title).doesNotHaveDuplicates();
        assertThat(list.listTitle()).hasSizeLessThanOrEqualTo(20);
    }

    @Test
    void templateParametersFollowMetasRules() {
        String parameter = WhatsAppLimits.templateParameter("Tu turno:\n1. Lunes\n\n2. Martes\tcon     espacios");
        assertThat(parameter).isEqualTo("Tu turno: · 1. Lunes · 2. Martes con espacios").doesNotContain("\n", "\t", "     ");
        assertThat(WhatsAppLimits.templateParameter("x ".repeat(2000))).hasSizeLessThanOrEqualTo(900);
    }
}
