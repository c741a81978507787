package com.aiassistants.llm.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.aiassistants.llm.chat.ChatMessage;
import com.aiassistants.llm.chat.ChatRequest;
import com.aiassistants.llm.chat.ChatResult;
import com.aiassistants.llm.chat.FinishReason;
import com.aiassistants.llm.chat.ToolCall;
import com.aiassistants.llm.chat.ToolSpec;

class OfflineProviderTest {

    static final ToolSpec LIST_SERVICES = new ToolSpec("list_services", "Services", null);
    static final ToolSpec LIST_PROFESSIONALS = new ToolSpec("list_professionals", "Staff", null);
    static final ToolSpec MY_BOOKINGS = new ToolSpec("list_customer_bookings", "The customer's bookings", null);
    static final ToolSpec FIND_SLOTS = new ToolSpec("find_available_slots", "Free slots",
            Map.of("type", "object", "required", List.of("service_id", "date")));
    static final List<ToolSpec> ALL = List.of(FIND_SLOTS, MY_BOOKINGS, LIST_PROFESSIONALS, LIST_SERVICES);

    final OfflineProvider provider = new OfflineProvider();

    ChatResult ask(String text, List<ToolSpec> tools) {
        return provider.complete(new ChatRequest(List.of(ChatMessage.system("Be nice"), ChatMessage.user(text)), tools,
                null, null, "offline"));
    }

    @Test
    void callsTheToolMatchingTheQuestion() {
        assertThat(ask("How much does a haircut cost?", ALL).message().toolCalls()).extracting(ToolCall::name)
                .containsExactly("list_services");
        assertThat(ask("¿Qué SERVICIOS tienen?", ALL).message().toolCalls()).extracting(ToolCall::name)
                .containsExactly("list_services");
        assertThat(ask("Quiero ver mis turnos", ALL).message().toolCalls()).extracting(ToolCall::name)
                .containsExactly("list_customer_bookings");
        assertThat(ask("¿Qué profesionales atienden?", ALL).message().toolCalls()).extracting(ToolCall::name)
                .containsExactly("list_professionals");
        ChatResult call = ask("prices please", ALL);
        assertThat(call.finishReason()).isEqualTo(FinishReason.tool_calls);
        assertThat(call.message().content()).isNull();
        assertThat(call.message().toolCalls().getFirst().arguments()).isEmpty();
    }

    @Test
    void neverCallsAToolWhoseArgumentsItWouldHaveToInvent() {
        ChatResult result = ask("¿Tienen disponibilidad mañana?", List.of(FIND_SLOTS));

        assertThat(result.message().toolCalls()).isEmpty();
        assertThat(result.message().content()).startsWith("¡Hola!");
        assertThat(result.finishReason()).isEqualTo(FinishReason.stop);
    }

    @Test
    void answersPolitelyInTheCustomersLanguageWhenNoToolFits() {
        assertThat(ask("hola, buenas tardes", ALL).message().content()).startsWith("¡Hola!").contains("sin conexión");
        assertThat(ask("Good afternoon", ALL).message().content()).startsWith("Hi!");
        assertThat(ask("What services do you have?", List.of()).message().content()).startsWith("Hi!");
    }

    @Test
    void summarisesToolResultsAndAdmitsToolErrors() {
        ToolCall call = new ToolCall("offline_call_2", "list_services", Map.of());
        ChatResult summary = provider.complete(new ChatRequest(List.of(ChatMessage.user("What services do you have?"),
                ChatMessage.assistant(null, List.of(call)),
                ChatMessage.toolResult(call.id(), call.name(), "[{\"name\":\"Haircut\",\"price\":20,\"currency\":\"USD\"}]")),
                List.of(LIST_SERVICES), null, null, "offline"));
        assertThat(summary.message().content()).isEqualTo("Here is what I found:\n- Haircut (price: 20, currency: USD)");

        ChatResult failure = provider.complete(new ChatRequest(List.of(ChatMessage.user("¿Qué servicios hay?"),
                ChatMessage.assistant(null, List.of(call)),
                ChatMessage.toolResult(call.id(), call.name(), "{\"error\":\"unavailable\",\"message\":\"down\"}")),
                List.of(LIST_SERVICES), null, null, "offline"));
        assertThat(failure.message().content()).startsWith("No pude obtener esa información");
    }

    @Test
    void isDeterministicAndHonoursMaxTokens() {
        ChatRequest request = new ChatRequest(List.of(ChatMessage.user("hola")), List.of(), null, 5, "offline");

        ChatResult first = provider.complete(request);

        assertThat(provider.complete(request)).isEqualTo(first);
        assertThat(first.finishReason()).isEqualTo(FinishReason.length);
        assertThat(first.message().content()).hasSize(20);
        assertThat(first.usage().outputTokens()).isEqualTo(5);
    }
}
