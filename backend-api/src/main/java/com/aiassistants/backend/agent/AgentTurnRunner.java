package com.aiassistants.backend.agent;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.aiassistants.backend.assistant.AssistantTurn;
import com.aiassistants.backend.assistant.orders.OrderDesk;
import com.aiassistants.common.mcp.client.McpToolError;
import com.aiassistants.common.mcp.client.McpUnavailableException;
import com.aiassistants.common.scheduling.CalendarTools;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * One agent turn: system prompt with the turn's facts, bounded history, the user's message and the
 * allowlisted tools (and the order tools when the project has an orders hook) go to the model; the tool calls it asks for are run (at most {@code maxRounds}
 * rounds); its final text must pass the {@link ReplyGuard}. Anything else ends in {@link AgentFallback}.
 * Runs on one thread; the caller enforces the wall-time budget by interrupting it.
 */
final class AgentTurnRunner {

    /**
     * The model's reply and the bookings changed on the way; {@code ownNanos} is the time not spent waiting on the
     * model or tools; {@code provider} and {@code model} say who answered (the model as the provider reports it).
     */
    record Answer(String text, List<String> bookingIds, long ownNanos, int rounds, String provider, String model) {
    }

    private final AgentProperties properties;
    private final LlmChat chat;
    private final SchedulingTools tools;
    private final OrderTools orders;
    private final MeterRegistry meters;
    private final List<LlmChat.ToolSpec> specs;
    private final Set<String> allowlist;
    private final List<LlmChat.ToolSpec> specsWithOrders;
    private final Set<String> allowlistWithOrders;

    AgentTurnRunner(AgentProperties properties, LlmChat chat, SchedulingTools tools, OrderDesk orders,
            MeterRegistry meters) {
        this.properties = properties;
        this.chat = chat;
        this.tools = tools;
        this.orders = new OrderTools(orders);
        this.meters = meters;
        this.allowlist = Set.copyOf(properties.allowlist());
        this.specs = properties.allowlist().stream()
                .map(name -> AgentTool.byName(name).filter(t -> !t.ordersHook()).orElseThrow(() -> new IllegalStateException(
                        "ai-assistants.backend.agent.allowlist: unknown tool '" + name + "'; known: "
                                + Arrays.stream(AgentTool.values()).filter(t -> !t.ordersHook()).map(t -> t.toolName).toList()
                                + " (the order tools are offered whenever the project has an orders hook)")))
                .map(AgentTool::spec).toList();
        List<AgentTool> orderTools = Arrays.stream(AgentTool.values()).filter(AgentTool::ordersHook).toList();
        this.specsWithOrders = Stream.concat(specs.stream(), orderTools.stream().map(AgentTool::spec)).toList();
        this.allowlistWithOrders = Stream.concat(allowlist.stream(), orderTools.stream().map(t -> t.toolName))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Runs the turn; {@code deadlineNanos} ({@link System#nanoTime()} based) is when the caller stops waiting:
     * each model call carries what is left of it, minus a margin for checking and sending the reply.
     */
    Answer run(AssistantTurn turn, long deadlineNanos) {
        long started = System.nanoTime();
        long waited = 0;
        String tenantId = turn.tenant().tenantId();
        ZoneId zone = turn.tenant().zone();
        ZonedDateTime now = turn.now().atZone(zone);
        String name = knownName(turn);
        ToolCallExecutor.TurnContext context = new ToolCallExecutor.TurnContext(tenantId, turn.customerId(), name,
                turn.channel(), turn.conversationId(), turn.now());
        Evidence evidence = new Evidence(zone);
        evidence.trustDate(now.toLocalDate());
        boolean withOrders = orders.offered(tenantId);
        ToolCallExecutor executor = new ToolCallExecutor(tools, orders, withOrders ? allowlistWithOrders : allowlist,
                context, evidence, meters);
        List<LlmChat.ToolSpec> offered = withOrders ? specsWithOrders : specs;

        long t0 = System.nanoTime();
        List<Map<String, Object>> upcoming = upcomingBookings(tenantId, turn.customerId(), evidence);
        waited += System.nanoTime() - t0;

        List<LlmChat.Message> messages = new ArrayList<>();
        messages.add(LlmChat.Message.system(AgentPrompt.system(turn.tenant(), now, name, upcoming, withOrders)));
        history(turn).forEach(messages::add);
        messages.add(LlmChat.Message.user(turn.text().strip()));

        AgentProperties.TenantLlm llm = properties.tenant(tenantId);
        Double temperature = llm.temperature() != null ? llm.temperature() : properties.temperature();
        Set<String> bookingIds = new LinkedHashSet<>();
        for (int round = 0; ; round++) {
            checkInterrupted();
            t0 = System.nanoTime();
            LlmChat.Response response = chat.complete(tenantId, new LlmChat.Request(List.copyOf(messages), offered,
                    temperature, properties.maxTokens(), blankToNull(llm.model()), blankToNull(llm.provider()),
                    modelBudgetMillis(deadlineNanos)));
            waited += System.nanoTime() - t0;
            if (response.toolCalls().isEmpty()) {
                String text = finalText(response, evidence);
                long own = System.nanoTime() - started - waited - executor.toolNanos();
                return new Answer(text, List.copyOf(bookingIds), own, round, response.provider(), response.model());
            }
            if (round >= properties.maxRounds()) {
                throw new AgentFallback("max_rounds", "the model still wanted tools after "
                        + properties.maxRounds() + " rounds");
            }
            if (response.toolCalls().size() > properties.maxToolCallsPerRound()) {
                throw new AgentFallback("too_many_tool_calls", response.toolCalls().size() + " tool calls in one round");
            }
            messages.add(LlmChat.Message.assistant(response.content(), response.toolCalls()));
            for (LlmChat.ToolCall call : response.toolCalls()) {
                checkInterrupted();
                ToolCallExecutor.Outcome outcome = executor.execute(call);
                if (outcome.bookingId() != null) {
                    bookingIds.add(outcome.bookingId());
                }
                messages.add(LlmChat.Message.toolResult(call.id(), call.name(), outcome.json()));
            }
        }
    }

    /** Time the model call may take: what is left of the turn, less {@link #REPLY_MARGIN_NANOS}. */
    private static int modelBudgetMillis(long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime() - REPLY_MARGIN_NANOS;
        if (left <= 0) {
            throw new AgentFallback("timeout", "no time left for another model call");
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(left)));
    }

    /** Kept back from the model's budget for running the guard and handing the reply over. */
    static final long REPLY_MARGIN_NANOS = TimeUnit.MILLISECONDS.toNanos(150);

    private static String finalText(LlmChat.Response response, Evidence evidence) {
        String finish = response.finishReason();
        if ("refusal".equals(finish)) {
            throw new AgentFallback("refusal", "the model declined to answer");
        }
        if ("content_filter".equals(finish)) {
            throw new AgentFallback("content_filter", "the provider's content filter blocked the prompt or the answer");
        }
        if (finish != null && !finish.equals("stop") && !finish.equals("other")) {
            throw new AgentFallback("invalid_output", "the model stopped with " + finish);
        }
        String text = response.content() == null ? "" : response.content().strip();
        if (text.isEmpty()) {
            throw new AgentFallback("invalid_output", "the model returned no text");
        }
        Optional<ReplyGuard.Violation> violation = ReplyGuard.check(text, evidence);
        if (violation.isPresent()) {
            throw new AgentFallback(violation.get().reason(), violation.get().detail());
        }
        return text;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> upcomingBookings(String tenantId, String customerId, Evidence evidence) {
        try {
            Map<String, Object> result = tools.call(SchedulingTools.Service.CALENDAR, tenantId,
                    CalendarTools.LIST_CUSTOMER_BOOKINGS, Map.of("customer_id", customerId), true);
            evidence.record(AgentTool.LIST_CUSTOMER_BOOKINGS, true, result);
            if (result.get("bookings") instanceof List<?> list) {
                return list.stream().filter(Map.class::isInstance).map(b -> (Map<String, Object>) b).limit(10).toList();
            }
            return List.of();
        } catch (McpToolError e) {
            return List.of();
        } catch (McpUnavailableException e) {
            throw new AgentFallback("tool_unavailable", e.getMessage(), e);
        }
    }

    private List<LlmChat.Message> history(AssistantTurn turn) {
        List<AssistantTurn.HistoryEntry> entries = turn.history() == null ? List.of() : turn.history();
        int from = Math.max(0, entries.size() - properties.historyLimit());
        List<LlmChat.Message> messages = new ArrayList<>();
        for (AssistantTurn.HistoryEntry entry : entries.subList(from, entries.size())) {
            if (entry.text() == null || entry.text().isBlank()) {
                continue;
            }
            messages.add("user".equals(entry.role()) ? LlmChat.Message.user(entry.text())
                    : LlmChat.Message.assistant(entry.text(), null));
        }
        return messages;
    }

    static String knownName(AssistantTurn turn) {
        String remembered = turn.memory() == null ? null : turn.memory().get("name");
        if (remembered != null && !remembered.isBlank()) {
            return remembered;
        }
        return turn.customerName() == null || turn.customerName().isBlank() ? null : turn.customerName();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static void checkInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new AgentFallback("timeout", "the turn ran out of time");
        }
    }
}
