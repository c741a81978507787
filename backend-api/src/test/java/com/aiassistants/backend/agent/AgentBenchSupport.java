package com.aiassistants.backend.agent;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;

import com.aiassistants.backend.assistant.Assistant;
import com.aiassistants.backend.assistant.AssistantReply;

import io.micrometer.core.instrument.MeterRegistry;

/** Builds an {@link AgentAssistant} whose model and tools answer instantly from memory, for the overhead benchmark. */
public final class AgentBenchSupport {

    private AgentBenchSupport() {
    }

    /**
     * Each turn: the model asks for find_available_slots (20 slots come back), then answers with a text
     * naming two of them, which the guard checks.
     */
    public static Assistant instantAgent(MeterRegistry meters, ZoneId zone) {
        List<Map<String, Object>> slots = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int hour = 9 + i / 2;
            String minute = i % 2 == 0 ? "00" : "30";
            slots.add(Map.of("professional_id", "pro-perez", "professional_name", "Dra. María Pérez",
                    "service_id", "svc-limpieza", "start", "2026-03-16T%02d:%s:00Z".formatted(hour + 3, minute),
                    "end", "2026-03-16T%02d:%s:45Z".formatted(hour + 3, minute),
                    "local_start", "2026-03-16T%02d:%s:00".formatted(hour, minute),
                    "local_end", "2026-03-16T%02d:%s:45".formatted(hour, minute), "time_zone", zone.getId()));
        }
        Map<String, Object> slotList = Map.of("time_zone", zone.getId(), "slots", slots);
        Map<String, Object> bookings = Map.of("bookings", List.of(Map.of("id", "6f1c2a9e-3b7d-4c21-9a55-0e4b8f7d2c10",
                "short_code", "KX7MQ4", "status", "CONFIRMED", "service_name", "Limpieza dental",
                "professional_name", "Dra. María Pérez", "start", "2026-03-20T13:00:00Z",
                "local_start", "2026-03-20T10:00:00", "time_zone", zone.getId())));
        SchedulingTools tools = (service, tenant, tool, arguments, retryable) -> switch (tool) {
            case "find_available_slots" -> slotList;
            case "list_customer_bookings" -> bookings;
            default -> Map.of();
        };
        LlmChat chat = (tenant, request) -> {
            LlmChat.Message last = request.messages().getLast();
            if (last.role().equals("tool")) {
                return new LlmChat.Response("El lunes 16/03 tengo a las 10:00 y a las 10:30 con la Dra. Pérez. "
                        + "¿Cuál preferís?", List.of(), "stop", null, "fake", "fake-model");
            }
            return new LlmChat.Response(null, List.of(new LlmChat.ToolCall("call_1", "find_available_slots",
                    Map.of("service_id", "svc-limpieza", "professional_id", "pro-perez", "from_date", "2026-03-16"))),
                    "tool_calls", null, "fake", "fake-model");
        };
        AgentProperties properties = AgentProperties.defaults();
        AgentTurnRunner runner = new AgentTurnRunner(properties, chat, tools, com.aiassistants.backend.assistant.orders.OrderDesk.NONE, meters);
        ProviderTypes providers = new ProviderTypes(null, Duration.ofMinutes(5), java.time.Clock.systemUTC()) {
            @Override
            boolean isOffline(String tenantId, String providerOverride) {
                return false;
            }
        };
        Assistant fallback = turn -> AssistantReply.text("FALLBACK", turn.state());
        return new AgentAssistant(properties, runner, providers, new SingleProvider(fallback), meters);
    }

    private record SingleProvider(Assistant value) implements ObjectProvider<Assistant> {

        @Override
        public Assistant getObject() {
            return value;
        }

        @Override
        public Assistant getObject(Object... args) {
            return value;
        }

        @Override
        public Assistant getIfAvailable() {
            return value;
        }

        @Override
        public Assistant getIfUnique() {
            return value;
        }
    }
}
