package com.aiassistants.backend.assistant.golden;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.aiassistants.backend.assistant.TenantProfile;
import com.aiassistants.backend.memory.CustomerMemory;
import com.aiassistants.common.channel.HmacSignatures;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays golden dialogues through backend-api's real HTTP API: per dialogue a project (tenant) made
 * with the admin API (name, zone, locale, flow settings), its API key and webhook secret, and the
 * demo clinic created in the real mcp-professionals; each turn is a signed WhatsApp gateway inbound
 * call ({@code reply_id} for taps), whose answer carries the text and the interactive options. A
 * handoff is read from the console's conversation list (the conversation becomes paused).
 *
 * <p>Not over HTTP: the dialogue's initial customer memory is written with {@link CustomerMemory}
 * (the API can read and delete memory, not set it).
 */
public final class HttpDriver implements GoldenDriver {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DEFAULT_NAME = "Clínica Demo";

    private final String baseUrl;
    private final RealSchedulingStack stack;
    private final ClinicSeeder seeder;
    private final CustomerMemory memory;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile String superadminToken;

    public HttpDriver(String baseUrl, RealSchedulingStack stack, CustomerMemory memory, Clock clock) {
        this.baseUrl = baseUrl;
        this.stack = stack;
        this.seeder = new ClinicSeeder(stack.professionals());
        this.memory = memory;
        this.clock = clock;
    }

    @Override
    public Session open(GoldenDialogue dialogue) {
        String projectId = "golden-" + SEQUENCE.incrementAndGet() + "-" + dialogue.name().toLowerCase(Locale.ROOT);
        if (projectId.length() > 100) {
            projectId = projectId.substring(0, 100);
        }
        ZoneId zone = ZoneId.of(dialogue.zone() != null ? dialogue.zone() : "America/Argentina/Buenos_Aires");
        GoldenDialogue.Tenant t = dialogue.tenant();
        String name = t != null && t.name() != null ? t.name() : DEFAULT_NAME;
        String locale = t != null && t.locale() != null ? t.locale() : "es";
        JsonNode created = call("POST", "/v1/admin/projects", admin(null), Map.of("id", projectId, "name", name,
                "time_zone", zone.getId(), "locale", locale), 201);
        String apiKey = created.get("api_key").get("key").asString();
        String webhookSecret = created.get("webhook_secret").asString();
        ClinicSeeder.Ids ids = seeder.seed(projectId, zone);
        if (t != null) {
            call("PUT", "/v1/admin/projects/" + projectId + "/settings", admin(null), Map.of("name", name,
                    "time_zone", zone.getId(), "locale", locale, "settings", Map.of("flow", flow(t, ids))), 200);
        }
        if (dialogue.memory() != null && !dialogue.memory().isEmpty()) {
            memory.write(projectId, dialogue.customerId(), dialogue.memory(), Duration.ofDays(90), clock.instant());
        }
        SchedulingFixtures fixtures = new SchedulingFixtures(stack.calendar(), projectId, dialogue.customerId(), zone,
                ids::real);
        String tenantId = projectId;
        return new Session() {
            private boolean paused;

            @Override
            public Observed send(String text, String replyId) {
                Sent observed = "web".equals(dialogue.channelOrDefault())
                        ? web(apiKey, dialogue, text)
                        : whatsapp(apiKey, webhookSecret, dialogue, text, ids.realReply(replyId), ids);
                boolean nowPaused = paused(tenantId, observed.conversationId());
                boolean handoff = nowPaused && !paused;
                paused = nowPaused;
                return new Observed(observed.reply().text(), observed.reply().interactive(), observed.reply().optionIds(),
                        observed.reply().optionTitles(), handoff);
            }

            @Override
            public SchedulingFixtures scheduling() {
                return fixtures;
            }

            @Override
            public void setOutage(boolean down) {
                stack.setOutage(tenantId, down);
            }

            @Override
            public void close() {
                stack.setOutage(tenantId, false);
            }
        };
    }

    private record Sent(String conversationId, Observed reply) {
    }

    private Sent whatsapp(String apiKey, String secret, GoldenDialogue dialogue, String text, String replyId,
            ClinicSeeder.Ids ids) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message_id", "golden-" + UUID.randomUUID());
        body.put("from_number", dialogue.customerId());
        body.put("text", text == null ? "" : text);
        body.put("timestamp_iso", clock.instant().toString());
        if (replyId != null) {
            body.put("reply_id", replyId);
        }
        byte[] raw = JSON.writeValueAsBytes(body);
        // the backend checks the signature's timestamp against its own (fixed-start) clock
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-API-Key", apiKey);
        headers.put("X-Webhook-Timestamp", timestamp);
        headers.put("X-Webhook-Signature", HmacSignatures.sign(secret, timestamp, raw));
        JsonNode reply = exchange("POST", "/v1/channels/whatsapp/gateway/inbound", headers, raw, 200);
        String type = textOrNull(reply, "interactive_type");
        List<String> optionIds = new ArrayList<>();
        List<String> optionTitles = new ArrayList<>();
        JsonNode options = "buttons".equals(type) ? reply.get("buttons") : reply.get("list_items");
        if (type != null && options != null) {
            options.forEach(option -> {
                optionIds.add(ids.dialogueReply(textOrNull(option, "id")));
                optionTitles.add(textOrNull(option, "title"));
            });
        }
        return new Sent(reply.get("conversation_id").asString(),
                new Observed(reply.get("response_text").asString(), type, optionIds, optionTitles, false));
    }

    private Sent web(String apiKey, GoldenDialogue dialogue, String text) {
        String conversationId = "web-" + dialogue.customerId().replace("+", "");
        Map<String, String> headers = Map.of("X-API-Key", apiKey, "X-Customer-Id", dialogue.customerId());
        JsonNode reply = exchange("POST", "/v1/conversations/" + conversationId + "/messages", headers,
                JSON.writeValueAsBytes(Map.of("text", text == null ? "" : text)), 200);
        return new Sent(conversationId, new Observed(reply.get("response_text").asString(), null, List.of(), List.of(), false));
    }

    private boolean paused(String projectId, String conversationId) {
        JsonNode list = exchange("GET", "/v1/admin/conversations?limit=200", admin(projectId), null, 200);
        for (JsonNode conversation : list.get("items")) {
            if (conversationId.equals(textOrNull(conversation, "conversation_id"))) {
                return conversation.get("paused").asBoolean();
            }
        }
        throw new IllegalStateException("conversation " + conversationId + " not listed for " + projectId);
    }

    /** The dialogue's flow settings; ids in activation code actions (e.g. {@code book:svc-limpieza}) become the real ones. */
    private static Map<String, Object> flow(GoldenDialogue.Tenant t, ClinicSeeder.Ids ids) {
        TenantProfile.FlowSettings defaults = TenantProfile.FlowSettings.defaults();
        Map<String, Object> flow = new LinkedHashMap<>();
        if (t.greeting() != null) {
            flow.put("greeting", t.greeting());
        }
        flow.put("required_fields", t.requiredFields() != null ? t.requiredFields() : defaults.requiredFields());
        Map<String, String> codes = new HashMap<>(defaults.activationCodes());
        if (t.activationCodes() != null) {
            t.activationCodes().forEach((code, action) -> codes.put(code, ids.realReply(action)));
        }
        flow.put("activation_codes", codes);
        flow.put("menu_style", t.menuStyle() != null ? t.menuStyle() : defaults.menuStyle());
        flow.put("engine", "deterministic");
        return flow;
    }

    private Map<String, String> admin(String projectId) {
        if (superadminToken == null) {
            superadminToken = call("POST", "/v1/admin/login", Map.of(), Map.of("email", "admin@demo.local",
                    "password", "demo1234"), 200).get("access_token").asString();
        }
        Map<String, String> headers = new HashMap<>(Map.of("Authorization", "Bearer " + superadminToken));
        if (projectId != null) {
            headers.put("X-Project-Id", projectId);
        }
        return headers;
    }

    private JsonNode call(String method, String path, Map<String, String> headers, Object body, int expected) {
        return exchange(method, path, headers, body == null ? null : JSON.writeValueAsBytes(body), expected);
    }

    private JsonNode exchange(String method, String path, Map<String, String> headers, byte[] body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
