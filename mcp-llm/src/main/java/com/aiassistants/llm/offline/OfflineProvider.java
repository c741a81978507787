package com.aiassistants.llm.offline;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.aiassistants.llm.chat.AssistantMessage;
import com.aiassistants.llm.chat.ChatMessage;
import com.aiassistants.llm.chat.ChatProvider;
import com.aiassistants.llm.chat.ChatRequest;
import com.aiassistants.llm.chat.ChatResult;
import com.aiassistants.llm.chat.FinishReason;
import com.aiassistants.llm.chat.Role;
import com.aiassistants.llm.chat.TokenUsage;
import com.aiassistants.llm.chat.ToolCall;
import com.aiassistants.llm.chat.ToolSpec;

import tools.jackson.databind.json.JsonMapper;

/**
 * A built-in provider that needs no key or network and always answers the same way for the same
 * input, so the whole system runs and can be tested offline. It is a tiny rule engine, not a model:
 * <ol>
 * <li>If the conversation ends with tool results, it answers with a short text listing them.</li>
 * <li>If the last user message is about services/prices, professionals, the customer's bookings or
 * availability (Spanish or English) and a matching tool that needs no arguments is offered (name
 * containing {@code service}, {@code professional}, {@code booking}, {@code slot}/{@code availab}),
 * it calls that tool with empty arguments. It never invents argument values.</li>
 * <li>Otherwise it answers with a polite short menu text.</li>
 * </ol>
 * Replies are in Spanish when the last user message looks Spanish, else in English. Token usage is
 * estimated as characters / 4. The deterministic engine in backend-api stays the real fallback.
 */
public final class OfflineProvider implements ChatProvider {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Intents in priority order: word stems (accents removed) and tool-name fragments. */
    private enum Intent {
        BOOKINGS(List.of("mis turnos", "mis citas", "mis reservas", "my appointments", "my bookings", "my booking"),
                List.of(), List.of("customer_booking", "booking")),
        AVAILABILITY(List.of(), List.of("disponib", "horario", "hueco", "libre", "availab", "slot", "free time"),
                List.of("slot", "availab")),
        PROFESSIONALS(List.of(), List.of("profesional", "professional", "staff", "estilista", "barber", "quien atiende",
                "who works"), List.of("professional")),
        SERVICES(List.of(), List.of("servic", "preci", "price", "cost", "cuest", "cuanto", "tarifa", "menu", "ofrecen",
                "hacen"), List.of("service"));

        final List<String> phrases;
        final List<String> stems;
        final List<String> toolFragments;

        Intent(List<String> phrases, List<String> stems, List<String> toolFragments) {
            this.phrases = phrases;
            this.stems = stems;
            this.toolFragments = toolFragments;
        }
    }

    private static final Set<String> SPANISH_WORDS = Set.of("hola", "quiero", "que", "tienen", "servicios", "precio",
            "precios", "turno", "turnos", "cuanto", "gracias", "buenas", "buenos", "para", "los", "las", "mis", "por",
            "favor", "necesito", "cita", "reservar", "manana", "hoy", "dia", "cuales", "como", "donde", "quien", "hay");

    @Override
    public ChatResult complete(ChatRequest request) {
        List<ChatMessage> messages = request.messages();
        ChatMessage last = messages.getLast();
        boolean spanish = looksSpanish(lastUserText(messages));
        AssistantMessage reply;
        if (last.role() == Role.tool) {
            reply = new AssistantMessage(summariseToolResults(messages, spanish), List.of());
        } else if (last.role() == Role.user) {
            reply = pickTool(last.content(), request.tools())
                    .map(tool -> new AssistantMessage(null,
                            List.of(new ToolCall("offline_call_" + messages.size(), tool.name(), Map.of()))))
                    .orElseGet(() -> new AssistantMessage(greeting(spanish), List.of()));
        } else {
            reply = new AssistantMessage(greeting(spanish), List.of());
        }
        FinishReason finish = reply.toolCalls().isEmpty() ? FinishReason.stop : FinishReason.tool_calls;
        if (reply.content() != null && request.maxTokens() != null && reply.content().length() > request.maxTokens() * 4) {
            reply = new AssistantMessage(reply.content().substring(0, request.maxTokens() * 4), List.of());
            finish = FinishReason.length;
        }
        return new ChatResult(reply, finish, new TokenUsage(inputTokens(request), outputTokens(reply)));
    }

    private static Optional<ToolSpec> pickTool(String text, List<ToolSpec> tools) {
        if (text == null || tools.isEmpty()) {
            return Optional.empty();
        }
        String normalized = normalize(text);
        List<String> words = Arrays.asList(normalized.split("[^a-z0-9]+"));
        for (Intent intent : Intent.values()) {
            boolean mentioned = intent.phrases.stream().anyMatch(normalized::contains)
                    || intent.stems.stream().anyMatch(stem -> stem.contains(" ") ? normalized.contains(stem)
                            : words.stream().anyMatch(word -> word.startsWith(stem)));
            if (!mentioned) {
                continue;
            }
            for (String fragment : intent.toolFragments) {
                Optional<ToolSpec> tool = tools.stream()
                        .filter(candidate -> candidate.name().toLowerCase(Locale.ROOT).contains(fragment))
                        .filter(OfflineProvider::needsNoArguments)
                        .findFirst();
                if (tool.isPresent()) {
                    return tool;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean needsNoArguments(ToolSpec tool) {
        Object required = tool.inputSchema().get("required");
        return !(required instanceof List<?> list) || list.isEmpty();
    }

    private static String summariseToolResults(List<ChatMessage> messages, boolean spanish) {
        int start = messages.size();
        while (start > 0 && messages.get(start - 1).role() == Role.tool) {
            start--;
        }
        List<String> lines = new ArrayList<>();
        boolean failed = false;
        for (ChatMessage result : messages.subList(start, messages.size())) {
            Object parsed = parse(result.content());
            if (parsed instanceof Map<?, ?> map && map.containsKey("error")) {
                failed = true;
                continue;
            }
            List<?> items = items(parsed);
            if (items != null) {
                items.stream().limit(10).map(OfflineProvider::describe).forEach(line -> lines.add("- " + line));
            } else if (result.hasText()) {
                lines.add(shorten(result.content(), 300));
            }
        }
        if (lines.isEmpty()) {
            return failed ? (spanish ? "No pude obtener esa información ahora. ¿Probamos de nuevo en un momento?"
                    : "I could not get that information right now. Shall we try again in a moment?")
                    : (spanish ? "No encontré resultados." : "I found no results.");
        }
        return (spanish ? "Esto es lo que encontré:\n" : "Here is what I found:\n") + String.join("\n", lines);
    }

    private static Object parse(String content) {
        if (content == null || content.isBlank()) {
            return null;
        }
        try {
            return JSON.readValue(content, Object.class);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    /** The list in a tool result: the result itself, or the first member of an object that is a list. */
    private static List<?> items(Object parsed) {
        if (parsed instanceof List<?> list) {
            return list;
        }
        if (parsed instanceof Map<?, ?> map) {
            return map.values().stream().filter(List.class::isInstance).map(List.class::cast).findFirst().orElse(null);
        }
        return null;
    }

    private static String describe(Object item) {
        if (!(item instanceof Map<?, ?> map)) {
            return String.valueOf(item);
        }
        Object label = firstPresent(map, "name", "title", "display_name", "label", "id");
        String details = map.entrySet().stream()
                .filter(entry -> entry.getValue() != null && !(entry.getValue() instanceof Map || entry.getValue() instanceof List))
                .filter(entry -> {
                    String key = entry.getKey().toString();
                    return key.startsWith("price") || key.startsWith("duration") || key.equals("currency")
                            || key.startsWith("start") || key.equals("status");
                })
                .map(entry -> entry.getKey() + ": " + entry.getValue())
                .collect(Collectors.joining(", "));
        String name = label == null ? shorten(String.valueOf(map), 80) : label.toString();
        return details.isEmpty() ? name : name + " (" + details + ")";
    }

    private static Object firstPresent(Map<?, ?> map, String... keys) {
        for (String key : keys) {
            if (map.get(key) != null) {
                return map.get(key);
            }
        }
        return null;
    }

    private static String greeting(boolean spanish) {
        return spanish
                ? "¡Hola! Soy el asistente virtual (modo sin conexión). Puedo contarte sobre nuestros servicios, "
                        + "profesionales y turnos. ¿En qué te ayudo?"
                : "Hi! I'm the virtual assistant (offline mode). I can tell you about our services, professionals "
                        + "and appointments. How can I help?";
    }

    private static String lastUserText(List<ChatMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role() == Role.user && messages.get(i).hasText()) {
                return messages.get(i).content();
            }
        }
        return "";
    }

    static boolean looksSpanish(String text) {
        if (text.chars().anyMatch(c -> "¿¡ñáéíóú".indexOf(Character.toLowerCase(c)) >= 0)) {
            return true;
        }
        return Arrays.stream(normalize(text).split("[^a-z]+")).anyMatch(SPANISH_WORDS::contains);
    }

    private static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    private static String shorten(String text, int max) {
        return text.length() > max ? text.substring(0, max) + "…" : text;
    }

    private static int inputTokens(ChatRequest request) {
        long chars = request.messages().stream().mapToLong(m -> m.content() == null ? 0 : m.content().length()).sum()
                + request.tools().stream().mapToLong(t -> t.name().length()
                        + (t.description() == null ? 0 : t.description().length())
                        + JSON.writeValueAsString(t.inputSchema()).length()).sum();
        return estimate(chars);
    }

    private static int outputTokens(AssistantMessage reply) {
        long chars = (reply.content() == null ? 0 : reply.content().length())
                + reply.toolCalls().stream().mapToLong(call -> call.name().length() + 2).sum();
        return estimate(chars);
    }

    private static int estimate(long chars) {
        return (int) Math.max(1, (chars + 3) / 4);
    }
}
