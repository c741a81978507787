package com.aiassistants.backend.assistant.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.aiassistants.backend.assistant.nlu.Confirmation;
import com.aiassistants.backend.assistant.nlu.DateExpressionParser;
import com.aiassistants.backend.assistant.nlu.DateQuery;
import com.aiassistants.backend.assistant.nlu.FuzzyMatcher;
import com.aiassistants.backend.assistant.nlu.Intent;
import com.aiassistants.backend.assistant.nlu.IntentClassifier;
import com.aiassistants.backend.assistant.nlu.MoveRequest;
import com.aiassistants.backend.assistant.nlu.OrderNumber;
import com.aiassistants.backend.assistant.nlu.TimeExpressionParser;
import com.aiassistants.backend.assistant.nlu.TimeQuery;
import com.aiassistants.backend.assistant.nlu.Utterance;
import com.aiassistants.common.scheduling.ProfessionalsTools.Professional;
import com.aiassistants.common.scheduling.ProfessionalsTools.Service;

/**
 * The WhatsApp corpus ({@code nlu/corpus.tsv}): every utterance is read as the engine reads it when
 * no question is pending (intent, then service, professional, day and time against the demo clinic's
 * catalogue), or as an answer to a yes/no question. Prints precision and recall per intent and slot
 * accuracy; fails under 95 % of intents right, under 90 % of slots right, or if any request to
 * cancel or move a booking is read as a new booking, or any question about orders (or other message) is misread
 * as (not) about the shop's orders.
 */
class NluCorpusTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 1, 12);
    private static final List<String> ANSWERS = List.of("YES", "NO", "LATER");
    private static final List<String> ORDER_INTENTS = List.of("ORDER_STATUS", "MY_ORDERS", "CLAIM");

    record Line(int number, String label, String text, Map<String, String> slots) {
    }

    static List<Line> corpus() throws IOException {
        List<Line> lines = new ArrayList<>();
        try (InputStream in = NluCorpusTest.class.getResourceAsStream("/nlu/corpus.tsv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String raw;
            int number = 0;
            while ((raw = reader.readLine()) != null) {
                number++;
                if (raw.isBlank() || raw.startsWith("#")) {
                    continue;
                }
                String[] columns = raw.split("\t", -1);
                Map<String, String> slots = new LinkedHashMap<>();
                if (columns.length > 2 && !columns[2].isBlank()) {
                    for (String pair : columns[2].trim().split("\\s+")) {
                        String[] kv = pair.split("=", 2);
                        slots.put(kv[0], kv[1]);
                    }
                }
                lines.add(new Line(number, columns[0].trim(), columns[1], slots));
            }
        }
        return lines;
    }

    @Test
    void theCorpusIsReadAsLabelled() throws IOException {
        DemoClinic clinic = new DemoClinic();
        FuzzyMatcher<Service> services = new FuzzyMatcher<>(clinic.services, Service::name);
        FuzzyMatcher<Professional> professionals = new FuzzyMatcher<>(clinic.professionals, Professional::name);
        List<Line> lines = corpus();
        Map<String, int[]> counts = new TreeMap<>(); // label -> {true positives, labelled, predicted}
        List<String> misses = new ArrayList<>();
        List<String> harmful = new ArrayList<>();
        List<String> ordersMisread = new ArrayList<>();
        int slotsRight = 0;
        int slotsTotal = 0;
        for (Line line : lines) {
            Utterance u = Utterance.of(line.text());
            String predicted;
            if (ANSWERS.contains(line.label())) {
                predicted = Confirmation.of(u).name();
            } else {
                boolean hasWhen = DateExpressionParser.parse(u, TODAY).isPresent() || TimeExpressionParser.parse(u).isPresent();
                boolean namesCatalogue = !services.match(u).isEmpty() || !professionals.match(u).isEmpty();
                predicted = IntentClassifier.atRest(IntentClassifier.classify(u), u, hasWhen, namesCatalogue).name();
            }
            counts.computeIfAbsent(line.label(), k -> new int[3])[1]++;
            counts.computeIfAbsent(predicted, k -> new int[3])[2]++;
            if (predicted.equals(line.label())) {
                counts.get(line.label())[0]++;
            } else {
                misses.add("line " + line.number() + " " + line.label() + " read as " + predicted + ": " + line.text());
                if ((line.label().equals("CANCEL") || line.label().equals("RESCHEDULE")) && predicted.equals(Intent.BOOK.name())) {
                    harmful.add(line.text());
                }
                if (ORDER_INTENTS.contains(line.label()) || ORDER_INTENTS.contains(predicted)) {
                    ordersMisread.add(line.label() + " read as " + predicted + ": " + line.text());
                }
            }
            Utterance when = line.label().equals("RESCHEDULE") ? MoveRequest.of(u, TODAY).to() : u;
            for (Map.Entry<String, String> slot : line.slots().entrySet()) {
                String actual = switch (slot.getKey()) {
                    case "service" -> one(services.match(u).stream().map(Service::id).toList());
                    case "professional" -> one(professionals.match(u).stream().map(Professional::id).toList());
                    case "date" -> DateExpressionParser.parse(when, TODAY).map(NluCorpusTest::date).orElse("-");
                    case "time" -> TimeExpressionParser.parse(when).map(NluCorpusTest::time).orElse("-");
                    case "sametime" -> String.valueOf(MoveRequest.sameTime(u));
                    case "order" -> OrderNumber.of(u).orElse("-");
                    default -> throw new IllegalArgumentException("unknown slot " + slot.getKey() + " on line " + line.number());
                };
                slotsTotal++;
                if (actual.equals(slot.getValue())) {
                    slotsRight++;
                } else {
                    misses.add("line " + line.number() + " " + slot.getKey() + "=" + slot.getValue() + " read as " + actual + ": " + line.text());
                }
            }
        }
        int right = counts.values().stream().mapToInt(c -> c[0]).sum();
        StringBuilder report = new StringBuilder("NLU corpus: ").append(lines.size()).append(" utterances\n");
        report.append(String.format("%-14s %9s %9s %9s%n", "intent", "labelled", "precision", "recall"));
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            report.append(String.format("%-14s %9d %8.1f%% %8.1f%%%n", e.getKey(), c[1],
                    c[2] == 0 ? 100.0 : 100.0 * c[0] / c[2], c[1] == 0 ? 100.0 : 100.0 * c[0] / c[1]));
        }
        report.append(String.format("intents right: %d/%d (%.1f%%); slots right: %d/%d (%.1f%%)%n", right, lines.size(),
                100.0 * right / lines.size(), slotsRight, slotsTotal, 100.0 * slotsRight / slotsTotal));
        misses.forEach(m -> report.append("  ").append(m).append('\n'));
        System.out.println(report);
        assertThat(lines).as("corpus size").hasSizeGreaterThanOrEqualTo(300);
        assertThat(new TreeSet<>(counts.keySet())).as("intents covered").contains("BOOK", "CANCEL", "RESCHEDULE",
                "MY_BOOKINGS", "PRICES", "HOURS", "HUMAN", "YES", "NO", "LATER", "ORDER_STATUS", "MY_ORDERS", "CLAIM");
        assertThat(harmful).as("cancel/move requests read as a new booking").isEmpty();
        assertThat(ordersMisread).as("order questions read as something else, or other messages read as about orders")
                .isEmpty();
        assertThat(100.0 * right / lines.size()).as("intent accuracy\n%s", report).isGreaterThanOrEqualTo(95.0);
        assertThat(100.0 * slotsRight / slotsTotal).as("slot accuracy\n%s", report).isGreaterThanOrEqualTo(90.0);
    }

    private static String one(List<String> ids) {
        return ids.size() == 1 ? ids.getFirst() : ids.isEmpty() ? "-" : String.join("|", ids);
    }

    private static String date(DateQuery date) {
        return date.singleDay() ? date.from().toString() : date.from() + ".." + date.to();
    }

    private static String time(TimeQuery time) {
        if (time.isExact()) {
            return time.exact().toString();
        }
        return (time.earliest() == null ? "" : time.earliest().toString()) + "-" + (time.latest() == null ? "" : time.latest().toString());
    }

}
