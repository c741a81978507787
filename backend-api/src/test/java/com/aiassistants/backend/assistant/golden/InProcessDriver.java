package com.aiassistants.backend.assistant.golden;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.aiassistants.backend.assistant.Assistant;
import com.aiassistants.backend.assistant.AssistantReply;
import com.aiassistants.backend.assistant.AssistantTurn;
import com.aiassistants.backend.assistant.DeterministicAssistant;
import com.aiassistants.backend.assistant.TenantProfile;
import com.aiassistants.backend.assistant.scheduling.McpSchedulingGateway;
import com.aiassistants.common.mcp.client.McpTarget;
import com.aiassistants.common.mcp.client.McpToolClient;

/**
 * Runs dialogues through the {@link Assistant} interface (as the conversation layer will: state and
 * memory carried between turns) with the scheduling side served over MCP by {@link FakeSchedulingServer}.
 * Each dialogue gets its own tenant id, hence a fresh demo clinic whose clock is the dialogue's clock.
 */
public final class InProcessDriver implements GoldenDriver {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final FakeSchedulingServer server;
    private final McpToolClient calendar;
    private final Assistant assistant;

    public InProcessDriver(FakeSchedulingServer server) {
        this.server = server;
        McpTarget target = new McpTarget(URI.create(server.url()), FakeSchedulingServer.TOKEN, Duration.ofSeconds(5), 1);
        this.calendar = new McpToolClient("mcp-calendar", target, "golden", null);
        McpToolClient professionals = new McpToolClient("mcp-professionals", target, "golden", null);
        this.assistant = new DeterministicAssistant(new McpSchedulingGateway(professionals, calendar, Duration.ofMinutes(5)));
    }

    public Assistant assistant() {
        return assistant;
    }

    @Override
    public Session open(GoldenDialogue dialogue) {
        String tenantId = "golden-" + SEQUENCE.incrementAndGet() + "-" + dialogue.name().toLowerCase(Locale.ROOT);
        Instant now = dialogue.clock().toInstant();
        server.clinic(tenantId).setNow(now);
        ZoneId zone = ZoneId.of(dialogue.zone() != null ? dialogue.zone() : "America/Argentina/Buenos_Aires");
        TenantProfile tenant = tenant(tenantId, zone, dialogue);
        SchedulingFixtures fixtures = new SchedulingFixtures(calendar, tenantId, dialogue.customerId(), zone);
        return new Session() {
            private String state;
            private final Map<String, String> memory = new HashMap<>(dialogue.memory() == null ? Map.of() : dialogue.memory());

            @Override
            public Observed send(String text, String replyId) {
                AssistantReply reply = assistant.reply(new AssistantTurn(tenant, "whatsapp:" + dialogue.customerId(),
                        dialogue.customerId(), null, dialogue.channelOrDefault(), text == null ? "" : text, replyId, state,
                        Map.copyOf(memory), List.of(), now));
                state = reply.state();
                reply.memoryUpdates().forEach((k, v) -> {
                    if (v == null) {
                        memory.remove(k);
                    } else {
                        memory.put(k, v);
                    }
                });
                AssistantReply.Interactive interactive = reply.interactive();
                return new Observed(reply.text(),
                        interactive == null ? null : interactive.type().name().toLowerCase(Locale.ROOT),
                        interactive == null ? List.of() : interactive.options().stream().map(AssistantReply.Interactive.Option::id).toList(),
                        interactive == null ? List.of() : interactive.options().stream().map(AssistantReply.Interactive.Option::title).toList(),
                        reply.handoff());
            }

            @Override
            public SchedulingFixtures scheduling() {
                return fixtures;
            }

            @Override
            public void setOutage(boolean down) {
                server.setDown(tenantId, down);
            }

            @Override
            public void close() {
                server.setDown(tenantId, false);
            }
        };
    }

    private static TenantProfile tenant(String tenantId, ZoneId zone, GoldenDialogue dialogue) {
        TenantProfile.FlowSettings defaults = TenantProfile.FlowSettings.defaults();
        GoldenDialogue.Tenant t = dialogue.tenant();
        if (t == null) {
            return new TenantProfile(tenantId, "Clínica Demo", zone, "es", defaults);
        }
        TenantProfile.FlowSettings flow = new TenantProfile.FlowSettings(
                t.greeting() != null ? t.greeting() : defaults.greeting(),
                t.requiredFields() != null ? t.requiredFields() : defaults.requiredFields(),
                t.activationCodes() != null ? merged(defaults.activationCodes(), t.activationCodes()) : defaults.activationCodes(),
                t.menuStyle() != null ? t.menuStyle() : defaults.menuStyle(), null, "deterministic");
        return new TenantProfile(tenantId, t.name() != null ? t.name() : "Clínica Demo", zone,
                t.locale() != null ? t.locale() : "es", flow);
    }

    private static Map<String, String> merged(Map<String, String> base, Map<String, String> extra) {
        Map<String, String> all = new HashMap<>(base);
        all.putAll(extra);
        return all;
    }
}
