package com.aiassistants.infra.migration;

import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Old {@code conversations(conversation_id, state_json)} (ai_assistants.sqlite3, its conversation
 * store) → backend-api's {@code conversation} and {@code message}. The id is kept with its WhatsApp
 * number in E.164 ({@code whatsapp:56959263366} → {@code whatsapp:+56959263366}, the id the new
 * backend gives that customer's next message), so the customer continues where they left off; the old
 * agent state is not carried over. Messages come from {@code state_json.messages[]}
 * ({@code {role, text, created_at_iso}}, also {@code content} / LangChain shapes), keep their time,
 * and are stored once each under message_id {@code legacy-<index>}; {@code system} messages were
 * internal and are not carried. The conversation's created/updated times are its first and last
 * message's. Old rows carry no project: they go to {@code --tenant}.
 */
final class ConversationImporter {

    private final MigrationRun run;
    private final JsonMapper json;

    /** A name the old conversation state knew for a customer, and when it was last seen. */
    record KnownName(String tenant, String customerId, String name, Instant at) {
    }

    private final List<KnownName> names = new ArrayList<>();

    ConversationImporter(MigrationRun run, JsonMapper json) {
        this.run = run;
        this.json = json;
    }

    private record OldMessage(int index, String role, String text, Object at) {
    }

    void run() throws SQLException {
        TableReport conversations = run.report().table("backend.conversation", "conversations");
        TableReport messages = run.report().table("backend.message", "conversations.state_json.messages");
        for (LegacyRow row : run.rows("conversations", conversations)) {
            conversations.read();
            String id = row.text("conversation_id", "id");
            if (id == null) {
                conversations.rejected(null, "missing conversation_id");
                continue;
            }
            JsonNode state;
            try {
                String text = row.text("state_json", "state");
                state = text == null ? json.createObjectNode() : json.readTree(text);
            } catch (JacksonException e) {
                conversations.rejected(id, "state_json is not JSON");
                continue;
            }
            if (!state.isObject()) {
                conversations.rejected(id, "state_json is not a JSON object");
                continue;
            }
            String oldProject = row.text("project_id", "tenant_id") != null ? row.text("project_id", "tenant_id")
                    : text(state, "project_id", "tenant_id");
            String tenant = run.tenants().mapped(oldProject);
            if (tenant == null) {
                conversations.rejected(id, "no project and no --tenant");
                continue;
            }
            if (!run.tenants().projectExists(tenant)) {
                conversations.rejected(id, "project '" + tenant + "' does not exist in backend-api: create it first"
                        + " (--prepare-target) or map it with --map-project " + tenant + "=<project>");
                continue;
            }
            ZoneId zone = run.tenants().zone(tenant).orElse(ZoneId.of("UTC"));
            List<OldMessage> old = oldMessages(state);
            Instant now = run.clock().instant();
            Instant firstAt = null;
            Instant lastAt = null;
            for (OldMessage message : old) {
                Instant at = instant(message.at(), zone, null);
                if (at != null) {
                    firstAt = firstAt == null || at.isBefore(firstAt) ? at : firstAt;
                    lastAt = lastAt == null || at.isAfter(lastAt) ? at : lastAt;
                }
            }
            Instant updatedAt = instant(firstNonNull(row.raw("updated_at", "updated_at_iso"),
                    nodeValue(state, "updated_at", "last_updated", "updated_at_iso")), zone, lastAt == null ? now : lastAt);
            Instant createdAt = instant(nodeValue(state, "created_at", "created_at_iso"), zone,
                    firstAt == null ? updatedAt : firstAt);
            String newId = LegacyPhones.conversation(id);
            String customerId = LegacyPhones.customer(firstNonNull(text(state, "customer_id", "user_id", "from_number"),
                    id.startsWith("whatsapp:") ? id.substring("whatsapp:".length()) : null));
            String channel = firstNonNull(text(state, "channel"), id.startsWith("whatsapp:") ? "whatsapp" : "web");
            if (!newId.equals(id)) {
                conversations.warning(id, "renamed " + newId + " (WhatsApp numbers are E.164 with + in the new system)");
            }
            int inserted;
            try {
                inserted = run.target().inSavepoint(c -> run.target().update("""
                        INSERT INTO backend.conversation (project_id, id, channel, customer_id, customer_name, state,
                            created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, NULL, ?, ?) ON CONFLICT (project_id, id) DO NOTHING""",
                        tenant, newId, channel, customerId, text(state, "customer_name", "name", "user_name"), createdAt,
                        updatedAt));
            } catch (SQLException e) {
                conversations.rejected(id, "refused by the database: " + SqlErrors.describe(e));
                continue;
            }
            if (inserted == 1) {
                conversations.inserted();
            } else {
                conversations.skippedExisting();
            }
            messages(tenant, id, newId, old, zone, updatedAt, messages);
            String name = text(state, "customer_name");
            if (name != null && customerId != null) {
                names.add(new KnownName(tenant, customerId, name, updatedAt));
            }
        }
    }

    /**
     * Runs after the memory import: a customer whose old memory had no name but whose old
     * conversation state did ({@code customer_name}, asked by the old dialogue) gets it as memory
     * {@code name}, expiring the project's lifetime after the conversation's last message, so the
     * assistant greets them by name. A name from the old memory is never overwritten.
     */
    void rememberNames() throws SQLException {
        TableReport report = run.report().table("backend.customer_memory.name", "conversations.state_json.customer_name");
        report.total(names.size());
        for (KnownName known : names) {
            report.read();
            String legacyId = known.tenant() + "/" + known.customerId();
            java.time.Duration ttl = run.tenants().memoryTtl(known.tenant());
            Instant expiresAt = known.at().plus(ttl);
            if (!expiresAt.isAfter(run.clock().instant())) {
                report.rejected(legacyId, "expired: the conversation's last message is older than the project's "
                        + ttl.toDays() + "-day memory lifetime");
                continue;
            }
            try {
                int inserted = run.target().inSavepoint(c -> run.target().update("""
                        INSERT INTO backend.customer_memory (project_id, customer_id, key, value, expires_at, updated_at)
                        VALUES (?, ?, 'name', ?, ?, ?) ON CONFLICT (project_id, customer_id, key) DO NOTHING""",
                        known.tenant(), known.customerId(), known.name(), expiresAt, known.at()));
                if (inserted == 1) {
                    report.inserted();
                } else {
                    report.skippedExisting();
                }
            } catch (SQLException e) {
                report.rejected(legacyId, "refused by the database: " + SqlErrors.describe(e));
            }
        }
    }

    private void messages(String tenant, String oldId, String conversationId, List<OldMessage> old, ZoneId zone,
            Instant fallbackAt, TableReport report) throws SQLException {
        for (OldMessage message : old) {
            report.read();
            String legacyId = oldId + "#" + message.index();
            String role = role(message.role());
            if ("system".equals(message.role())) {
                report.rejected(legacyId, "system message (the old router's internal note, never shown to the customer)");
                continue;
            }
            if (role == null) {
                report.rejected(legacyId, "role '" + message.role() + "' is not carried over");
                continue;
            }
            if (message.text() == null || message.text().isBlank()) {
                report.rejected(legacyId, "empty message text");
                continue;
            }
            String messageId = LegacyIds.message(message.index());
            if (run.target().exists(
                    "SELECT 1 FROM backend.message WHERE project_id = ? AND conversation_id = ? AND message_id = ?",
                    tenant, conversationId, messageId)) {
                report.skippedExisting();
                continue;
            }
            Instant at = instant(message.at(), zone, fallbackAt);
            try {
                run.target().inSavepoint(c -> run.target().update("""
                        INSERT INTO backend.message (project_id, conversation_id, role, text, message_id, created_at)
                        VALUES (?, ?, ?, ?, ?, ?)""", tenant, conversationId, role, message.text(), messageId, at));
                report.inserted();
            } catch (SQLException e) {
                report.rejected(legacyId, "refused by the database: " + SqlErrors.describe(e));
            }
        }
    }

    private static List<OldMessage> oldMessages(JsonNode state) {
        JsonNode list = state.has("messages") ? state.get("messages") : state.path("history");
        if (list.isMissingNode() || list.isNull()) {
            return new ArrayList<>();
        }
        List<OldMessage> messages = new ArrayList<>();
        if (!list.isArray()) {
            return messages;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode m = list.get(i);
            if (m.isObject()) {
                messages.add(new OldMessage(i, text(m, "role", "type", "sender"), content(m),
                        nodeValue(m, "created_at_iso", "timestamp", "created_at", "timestamp_iso", "ts")));
            } else {
                messages.add(new OldMessage(i, null, m.isString() ? m.asString() : null, null));
            }
        }
        return messages;
    }

    /** Plain text of a message: a string, or the text parts of a list (the LangChain content-block shape). */
    private static String content(JsonNode message) {
        JsonNode content = message.has("content") ? message.get("content") : message.path("text");
        if (content.isString()) {
            return content.asString();
        }
        if (content.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : content) {
                String piece = part.isString() ? part.asString() : part.path("text").isString() ? part.path("text").asString() : null;
                if (piece != null) {
                    text.append(text.isEmpty() ? "" : "\n").append(piece);
                }
            }
            return text.toString();
        }
        return null;
    }

    private static final Map<String, String> ROLES = Map.ofEntries(Map.entry("user", "user"), Map.entry("human", "user"),
            Map.entry("customer", "user"), Map.entry("humanmessage", "user"), Map.entry("assistant", "assistant"),
            Map.entry("ai", "assistant"), Map.entry("bot", "assistant"), Map.entry("aimessage", "assistant"),
            Map.entry("staff", "staff"), Map.entry("agent", "staff"), Map.entry("operator", "staff"),
            Map.entry("human_agent", "staff"));

    static String role(String old) {
        return old == null ? null : ROLES.get(LegacyIds.searchName(old).replace(' ', '_'));
    }

    private static Instant instant(Object value, ZoneId zone, Instant fallback) {
        if (value == null || value.toString().isBlank()) {
            return fallback;
        }
        try {
            return LegacyTimes.instant(value, zone, "timestamp");
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    private static String text(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.get(field);
            if (value != null && (value.isString() || value.isNumber()) && !value.asString().isBlank()) {
                return value.asString().trim();
            }
        }
        return null;
    }

    private static Object nodeValue(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.get(field);
            if (value != null && value.isNumber()) {
                return value.longValue();
            }
            if (value != null && value.isString()) {
                return value.asString();
            }
        }
        return null;
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
