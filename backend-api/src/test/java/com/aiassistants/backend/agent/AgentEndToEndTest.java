package com.aiassistants.backend.agent;

import static com.aiassistants.backend.agent.FakeOpenAi.call;
import static com.aiassistants.backend.agent.FakeOpenAi.fixture;
import static com.aiassistants.backend.agent.FakeOpenAi.lastToolResult;
import static com.aiassistants.backend.agent.FakeOpenAi.late;
import static com.aiassistants.backend.agent.FakeOpenAi.status;
import static com.aiassistants.backend.agent.FakeOpenAi.text;
import static com.aiassistants.backend.agent.FakeOpenAi.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.aiassistants.backend.assistant.Assistant;
import com.aiassistants.backend.assistant.AssistantReply;
import com.aiassistants.backend.assistant.AssistantTurn;
import com.aiassistants.backend.assistant.TenantProfile;
import com.aiassistants.common.mcp.client.McpTarget;
import com.aiassistants.common.mcp.client.McpToolClient;
import com.aiassistants.common.scheduling.CalendarTools;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * The agent end to end: real mcp-llm, mcp-professionals (demo clinic) and mcp-calendar as child
 * processes, mcp-llm pointed at a scripted OpenAI-compatible fake. The deterministic engine is a stub
 * answering "FALLBACK" so every fallback is visible.
 */
@SpringBootTest(classes = AgentTestServices.TestApp.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"ai-assistants.backend.agent.turn-timeout=5s"})
class AgentEndToEndTest {

    static final String TOKEN = AgentTestServices.TOKEN;
    static final ZoneId ZONE = AgentTestServices.ZONE;
    static final FakeOpenAi MODEL = AgentTestServices.MODEL;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        AgentTestServices.register(registry);
    }

    @Autowired
    Assistant assistant;

    @Autowired
    MeterRegistry meters;

    McpToolClient calendarClient;
    String customer;
    LocalDate day;

    /** The first turn of a JVM opens the MCP sessions and warms the services; it is not what a test measures. */
    static boolean warm;

    @BeforeEach
    void setUp() {
        if (!warm) {
            MODEL.reset();
            MODEL.script(text(request -> "¡Hola!"));
            assistant.reply(new AssistantTurn(tenant("demo", "llm"), "warm-up", "+5491100000000", null, "whatsapp",
                    "hola", null, "{\"step\":\"idle\"}", Map.of(), List.of(), Instant.now()));
            warm = true;
        }
        MODEL.reset();
        calendarClient = new McpToolClient("mcp-calendar", new McpTarget(AgentTestServices.calendar.baseUrl(), TOKEN, Duration.ofSeconds(5), 1),
                "agent-test", null);
        customer = "+54911" + (10_000_000 + new java.util.Random().nextInt(89_999_999));
        // a weekday at least two days ahead: Dra. Pérez works there 09-13 and 14-18
        LocalDate candidate = LocalDate.now(ZONE).plusDays(2);
        while (candidate.getDayOfWeek() == DayOfWeek.SATURDAY || candidate.getDayOfWeek() == DayOfWeek.SUNDAY) {
            candidate = candidate.plusDays(1);
        }
        day = candidate;
    }

    @AfterEach
    void tearDown() {
        calendarClient.close();
        assertThat(MODEL.scriptErrors()).as("errors inside the scripted model").isEmpty();
    }

    // ---- turns ----

    static TenantProfile tenant(String id, String engine) {
        return new TenantProfile(id, "Clínica Demo", ZONE, "es", new TenantProfile.FlowSettings(null, List.of("name"),
                Map.of(), "list", null, engine));
    }

    AssistantReply say(String text) {
        return say(tenant("demo", "llm"), text);
    }

    AssistantReply say(TenantProfile tenant, String text) {
        return assistant.reply(new AssistantTurn(tenant, "whatsapp:" + customer, customer, "Ana", "whatsapp", text,
                null, "{\"step\":\"idle\"}", Map.of(), List.of(new AssistantTurn.HistoryEntry("assistant",
                        "¡Hola! ¿En qué te ayudo?", Instant.now().minusSeconds(60))), Instant.now()));
    }

    String ddmm() {
        return day.format(DateTimeFormatter.ofPattern("dd/MM"));
    }

    List<Map<String, Object>> bookingsOf(String tenantId, String customerId) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> bookings = (List<Map<String, Object>>) calendarClient.callForMap(tenantId,
                CalendarTools.LIST_CUSTOMER_BOOKINGS, Map.of("customer_id", customerId, "include_past", true), true)
                .get("bookings");
        return bookings;
    }

    double fallbacks(String reason) {
        var counter = meters.find("assistant.agent.fallbacks").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Scripted: search the day's limpieza slots with Dra. Pérez. */
    java.util.function.Function<JsonNode, FakeOpenAi.Step> searchSlots() {
        return toolCalls(request -> List.of(call("find_available_slots", Map.of("service_id", "svc-limpieza",
                "professional_id", "pro-perez", "from_date", day.toString()))));
    }

    /** Scripted: hold the slot at {@code hhmm} from the previous search, with forged tenant and customer. */
    java.util.function.Function<JsonNode, FakeOpenAi.Step> holdAt(String hhmm) {
        return toolCalls(request -> {
            JsonNode slot = null;
            for (JsonNode s : lastToolResult(request).path("slots")) {
                if (s.path("local_start").asString().startsWith(day + "T" + hhmm)) {
                    slot = s;
                }
            }
            if (slot == null) {
                throw new AssertionError("no " + hhmm + " slot in " + lastToolResult(request));
            }
            return List.of(call("hold_slot", Map.of("service_id", "svc-limpieza", "professional_id", "pro-perez",
                    "start", slot.path("start").asString(), "customer_id", "+5490000000000",
                    "tenant_id", "other-clinic", "customer_name", "Mallory")));
        });
    }

    // ---- tests ----

    @Test
    void theAgentBooksListsAndCancelsThroughTheRealServicesWithTheAuthenticatedCustomer() {
        MODEL.script(searchSlots(), holdAt("10:00"),
                toolCalls(request -> List.of(call("confirm_booking", Map.of(
                        "booking_id", lastToolResult(request).path("id").asString(), "customer_id", "+5490000000000")))),
                text(request -> "Listo Ana, tu turno de limpieza quedó confirmado para el " + ddmm()
                        + " a las 10:00. Código: " + lastToolResult(request).path("short_code").asString() + "."));

        AssistantReply booked = say("Quiero una limpieza con la Dra. Pérez el " + ddmm() + " a las 10, confirmala ya");

        List<Map<String, Object>> mine = bookingsOf("demo", customer);
        assertThat(mine).hasSize(1);
        Map<String, Object> booking = mine.getFirst();
        String code = booking.get("short_code").toString();
        assertThat(booking).containsEntry("status", "CONFIRMED").containsEntry("customer_name", "Ana")
                .containsEntry("channel", "whatsapp");
        assertThat(booking.get("local_start").toString()).startsWith(day + "T10:00");
        assertThat(booked.text()).isEqualTo("Listo Ana, tu turno de limpieza quedó confirmado para el " + ddmm()
                + " a las 10:00. Código: " + code + ".");
        assertThat(booked.bookingIds()).containsExactly(booking.get("id").toString());
        assertThat(booked.state()).isEqualTo("{\"step\":\"idle\"}");
        // the forged customer and tenant got nothing
        assertThat(bookingsOf("demo", "+5490000000000")).isEmpty();
        assertThat(bookingsOf("other-clinic", customer)).isEmpty();

        // what the model was given: the turn's facts and the tools without the injected arguments
        JsonNode first = MODEL.requests().getFirst();
        String system = first.path("messages").get(0).path("content").asString();
        assertThat(system).contains(LocalDate.now(ZONE).toString()).contains(ZONE.getId()).contains("Cliente: Ana");
        assertThat(first.path("messages").get(1).path("content").asString()).isEqualTo("¡Hola! ¿En qué te ayudo?");
        List<String> toolNames = new ArrayList<>();
        first.path("tools").forEach(t -> toolNames.add(t.path("function").path("name").asString()));
        assertThat(toolNames).containsExactlyInAnyOrderElementsOf(AgentProperties.DEFAULT_ALLOWLIST);
        for (JsonNode tool : first.path("tools")) {
            JsonNode parameters = tool.path("function").path("parameters");
            assertThat(parameters.path("properties").has("customer_id")).as(tool.toString()).isFalse();
            assertThat(parameters.path("properties").has("idempotency_key")).isFalse();
        }

        // "my bookings": the forged customer id is replaced by the real one
        MODEL.reset();
        MODEL.script(toolCalls(request -> List.of(call("list_customer_bookings", Map.of("customer_id", "+5490000000000")))),
                text(request -> {
                    JsonNode b = lastToolResult(request).path("bookings").get(0);
                    return "Tenés un turno confirmado el " + ddmm() + " a las 10:00 (código "
                            + b.path("short_code").asString() + ").";
                }));
        AssistantReply listed = say("¿Qué turnos tengo?");
        assertThat(listed.text()).isEqualTo("Tenés un turno confirmado el " + ddmm() + " a las 10:00 (código " + code + ").");
        // the upcoming bookings were also in the system prompt
        assertThat(MODEL.requests().getFirst().path("messages").get(0).path("content").asString()).contains(code);

        // cancel it
        MODEL.reset();
        MODEL.script(toolCalls(request -> List.of(call("cancel_booking", Map.of("booking_id", code)))),
                text(request -> "Listo, cancelé tu turno del " + ddmm() + " a las 10:00."));
        AssistantReply cancelled = say("Cancelá ese turno por favor");
        assertThat(cancelled.text()).isEqualTo("Listo, cancelé tu turno del " + ddmm() + " a las 10:00.");
        assertThat(bookingsOf("demo", customer).getFirst()).containsEntry("status", "CANCELLED");
        assertThat(cancelled.bookingIds()).containsExactly(booking.get("id").toString());
    }

    @Test
    void anInventedTimeInTheFinalTextIsRejectedAndTheDeterministicEngineAnswers() {
        double before = fallbacks("guardrail_time");
        MODEL.script(searchSlots(), text(request -> "Tengo el " + ddmm() + " a las 10:05 con la Dra. Pérez."));

        assertThat(say("¿Tenés limpieza el " + ddmm() + "?").text()).isEqualTo("FALLBACK");
        assertThat(fallbacks("guardrail_time")).isEqualTo(before + 1);
        assertThat(MODEL.pending()).isZero();
    }

    @Test
    void aConfirmationClaimWithoutConfirmBookingIsRejected() {
        double before = fallbacks("guardrail_confirmation");
        MODEL.script(searchSlots(), holdAt("11:00"),
                text(request -> "¡Listo! Tu turno del " + ddmm() + " a las 11:00 está confirmado."));

        assertThat(say("Limpieza el " + ddmm() + " a las 11").text()).isEqualTo("FALLBACK");
        assertThat(fallbacks("guardrail_confirmation")).isEqualTo(before + 1);
        assertThat(bookingsOf("demo", customer)).singleElement().satisfies(b -> assertThat(b).containsEntry("status", "HELD"));
    }

    @Test
    void invalidArgumentsAndToolsOutsideTheAllowlistAreAnsweredToTheModelAsErrors() {
        MODEL.script(toolCalls(request -> List.of(
                        call("upsert_service", Map.of("name", "Gratis", "duration_minutes", 30)),
                        call("hold_slot", Map.of("service_id", "svc-limpieza", "professional_id", "pro-perez",
                                "start", "mañana a las 10", "price", 0)),
                        call("find_available_slots", Map.of("service_id", "svc-limpieza")))),
                text(request -> "Perdón, no pude hacerlo. ¿Para qué día querés el turno?"));

        AssistantReply reply = say("Dame un turno gratis");

        assertThat(reply.text()).isEqualTo("Perdón, no pude hacerlo. ¿Para qué día querés el turno?");
        JsonNode second = MODEL.requests().get(1).path("messages");
        List<String> errors = new ArrayList<>();
        second.forEach(m -> {
            if ("tool".equals(m.path("role").asString())) {
                errors.add(FakeOpenAi.JSON.readTree(m.path("content").asString()).path("error").asString());
            }
        });
        assertThat(errors).containsExactly("tool_not_allowed", "invalid_arguments", "invalid_arguments");
        assertThat(second.toString()).contains("missing required arguments: from_date");
        assertThat(bookingsOf("demo", customer)).isEmpty();
    }

    @Test
    void providerErrorsAndTooManyRoundsFallBack() {
        double errors = fallbacks("provider_error");
        MODEL.script(status(500));
        assertThat(say("hola").text()).isEqualTo("FALLBACK");
        assertThat(fallbacks("provider_error")).isEqualTo(errors + 1);

        double rounds = fallbacks("max_rounds");
        MODEL.reset();
        for (int i = 0; i < 5; i++) {
            MODEL.script(toolCalls(request -> List.of(call("list_services", Map.of()))));
        }
        assertThat(say("¿qué servicios tienen?").text()).isEqualTo("FALLBACK");
        assertThat(fallbacks("max_rounds")).isEqualTo(rounds + 1);
        assertThat(MODEL.requests()).hasSize(5);
    }

    @Test
    void aSlowModelRunsOutTheTurnBudgetAndTheDeterministicEngineAnswers() {
        // mcp-llm gets the turn's remaining budget, so it usually gives up first (provider_timeout)
        double before = fallbacks("timeout") + fallbacks("provider_timeout");
        MODEL.script(late(Duration.ofSeconds(8), text(request -> "demasiado tarde")));

        long started = System.nanoTime();
        assertThat(say("hola").text()).isEqualTo("FALLBACK");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
        assertThat(fallbacks("timeout") + fallbacks("provider_timeout")).isEqualTo(before + 1);
    }

    @Test
    void noProviderRequestIsSentAfterTheAgentHasGivenUp() throws IOException, InterruptedException {
        // tenant budget-clinic's provider retries a 503 up to three times; the first answer comes when the
        // 5 s turn is almost over, so a retry could only be sent after the agent had fallen back
        long finishedBefore = llmCallsFinished("fakeretry");
        MODEL.script(late(Duration.ofMillis(4_700), status(503)));

        assertThat(say(tenant("budget-clinic", "llm"), "hola").text()).isEqualTo("FALLBACK");
        // mcp-llm logs the call's outcome once it has stopped retrying: every request it will ever send for
        // this call has been sent by then, however long after the agent's fallback that is
        awaitLlmCallsFinished("fakeretry", finishedBefore + 1);

        assertThat(MODEL.requests()).as("requests the provider saw").hasSize(1);
    }

    /** chat_completion calls mcp-llm has finished (answered or failed) for one provider, from its log. */
    static long llmCallsFinished(String provider) throws IOException {
        try (var lines = Files.lines(AgentTestServices.llm.log())) {
            return lines.filter(line -> line.contains("chat completion by " + provider + "/")).count();
        }
    }

    static void awaitLlmCallsFinished(String provider, long count) throws IOException, InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (llmCallsFinished(provider) < count) {
            if (System.nanoTime() > giveUp) {
                throw new AssertionError("mcp-llm logged no end of the call to " + provider);
            }
            Thread.sleep(50);
        }
    }

    // ---- what real providers answer, through mcp-llm and the agent ----

    @Test
    void aToolCallWithoutAnIdRunsAndTheNextRoundCarriesTheIdMcpLlmIssued() {
        MODEL.script(fixture("gemini-openai-compat-empty-id"),
                text(request -> "Tenemos limpieza dental y consulta general. ¿Cuál querés?"));

        AssistantReply reply = say("¿Qué servicios tienen?");

        assertThat(reply.text()).isEqualTo("Tenemos limpieza dental y consulta general. ¿Cuál querés?");
        JsonNode messages = MODEL.requests().get(1).path("messages");
        JsonNode call = messages.get(messages.size() - 2);
        JsonNode result = messages.get(messages.size() - 1);
        assertThat(call.path("role").asString()).isEqualTo("assistant");
        String id = call.path("tool_calls").get(0).path("id").asString();
        assertThat(id).matches("call_[A-Za-z0-9]{24}");
        assertThat(result.path("role").asString()).isEqualTo("tool");
        assertThat(result.path("tool_call_id").asString()).isEqualTo(id);
        assertThat(result.path("content").asString()).contains("services");
    }

    @Test
    void toolCallsWithoutIdsInTwoRoundsGetDistinctIdsThatStayTheSameAcrossRounds() {
        // round 1: two parallel calls with no id field at all; round 2: one call with "" (both Gemini shapes)
        MODEL.script(fixture("gemini-openai-compat-no-id"), fixture("gemini-openai-compat-empty-id"),
                text(request -> "Tenemos limpieza dental y consulta general con la Dra. Pérez. ¿Cuál querés?"));

        AssistantReply reply = say("¿Qué servicios y profesionales tienen?");

        assertThat(reply.text()).isEqualTo("Tenemos limpieza dental y consulta general con la Dra. Pérez. ¿Cuál querés?");
        assertThat(MODEL.requests()).hasSize(3);
        List<JsonNode> second = tail(MODEL.requests().get(1).path("messages"), 3);
        List<JsonNode> third = tail(MODEL.requests().get(2).path("messages"), 5);
        // round 1 as the model saw it in round 2: two ids, each answered by its own tool result, in order
        String services = second.get(0).path("tool_calls").get(0).path("id").asString();
        String professionals = second.get(0).path("tool_calls").get(1).path("id").asString();
        assertThat(List.of(services, professionals)).allMatch(id -> id.matches("call_[A-Za-z0-9]{24}"));
        assertThat(services).isNotEqualTo(professionals);
        assertThat(second.get(1).path("tool_call_id").asString()).isEqualTo(services);
        assertThat(second.get(1).path("content").asString()).contains("services");
        assertThat(second.get(2).path("tool_call_id").asString()).isEqualTo(professionals);
        assertThat(second.get(2).path("content").asString()).contains("professionals");
        // round 3 carries the same two ids, and round 2's call got a third, different one
        assertThat(third.get(0).path("tool_calls").get(0).path("id").asString()).isEqualTo(services);
        assertThat(third.get(0).path("tool_calls").get(1).path("id").asString()).isEqualTo(professionals);
        assertThat(third.get(1).path("tool_call_id").asString()).isEqualTo(services);
        assertThat(third.get(2).path("tool_call_id").asString()).isEqualTo(professionals);
        String again = third.get(3).path("tool_calls").get(0).path("id").asString();
        assertThat(again).matches("call_[A-Za-z0-9]{24}").isNotIn(services, professionals);
        assertThat(third.get(4).path("tool_call_id").asString()).isEqualTo(again);
        assertThat(third.get(4).path("content").asString()).contains("services");
        assertThat(MODEL.scriptErrors()).isEmpty();
    }

    private static List<JsonNode> tail(JsonNode array, int n) {
        List<JsonNode> all = new ArrayList<>();
        array.forEach(all::add);
        return all.subList(all.size() - n, all.size());
    }

    @Test
    void toolCallMarkupInTheTextNeverReachesThePatient() {
        double before = fallbacks("guardrail_markup");
        MODEL.script(fixture("vllm-unparsed-tool-call"));

        assertThat(say("Quiero una limpieza el 15/01").text()).isEqualTo("FALLBACK");
        assertThat(fallbacks("guardrail_markup")).isEqualTo(before + 1);
    }

    @Test
    void mistralContentChunksAreReadAndOnlyTheTextReachesThePatient() {
        MODEL.script(fixture("mistral-content-chunks"));

        assertThat(say("¿Qué hacen?").text())
                .isEqualTo("Hacemos limpiezas, controles y blanqueamientos. ¿Querés que busque un turno?");
    }

    @Test
    void aRefusalIsItsOwnFallbackReasonNotAnEmptyAnswer() {
        double before = fallbacks("refusal");
        MODEL.script(fixture("openai-refusal"));

        assertThat(say("hola").text()).isEqualTo("FALLBACK");
        assertThat(fallbacks("refusal")).isEqualTo(before + 1);
    }

    @Test
    void anExhaustedQuotaAndAFilteredAnswerFallBackByCause() {
        double quota = fallbacks("quota_exhausted");
        MODEL.script(fixture("openai-insufficient-quota"));
        assertThat(say("hola").text()).isEqualTo("FALLBACK");
        assertThat(fallbacks("quota_exhausted")).isEqualTo(quota + 1);

        double filtered = fallbacks("content_filter");
        MODEL.reset();
        MODEL.script(fixture("azure-completion-filtered"));
        assertThat(say("hola").text()).isEqualTo("FALLBACK");
        assertThat(fallbacks("content_filter")).isEqualTo(filtered + 1);

        double auth = fallbacks("provider_auth");
        MODEL.reset();
        MODEL.script(fixture("openai-invalid-api-key"));
        assertThat(say("hola").text()).isEqualTo("FALLBACK");
        assertThat(fallbacks("provider_auth")).isEqualTo(auth + 1);
    }

    @Test
    void deterministicTenantsAndTenantsOnTheOfflineProviderNeverReachTheModel() {
        double before = meters.find("assistant.agent.fallbacks").counters().stream().mapToDouble(c -> c.count()).sum();
        assertThat(say(tenant("demo", "deterministic"), "hola").text()).isEqualTo("FALLBACK");
        assertThat(say(tenant("offline-clinic", "llm"), "hola").text()).isEqualTo("FALLBACK");
        assertThat(MODEL.requests()).isEmpty();
        double after = meters.find("assistant.agent.fallbacks").counters().stream().mapToDouble(c -> c.count()).sum();
        assertThat(after).as("routing is not a fallback").isEqualTo(before);
    }

    @Test
    void aTapOnAReminderButtonIsReadByTheDeterministicEngineEvenForAnLlmTenant() {
        AssistantReply reply = assistant.reply(new AssistantTurn(tenant("demo", "llm"), "whatsapp:" + customer, customer,
                "Ana", "whatsapp", "Asistiré", "reminder:confirm:bk-1", "{\"step\":\"idle\"}", Map.of(), List.of(),
                Instant.now()));
        assertThat(reply.text()).isEqualTo("FALLBACK");
        assertThat(MODEL.requests()).isEmpty();
    }
}
