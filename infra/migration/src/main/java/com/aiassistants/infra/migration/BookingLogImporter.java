package com.aiassistants.infra.migration;

import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Old {@code booking_logs} (booking_log.db) → mcp-booking-log's append-only {@code booking_events}:
 * inserts only ({@code ON CONFLICT DO NOTHING} on the event id, which fires no update trigger), event
 * id {@code legacy-<old log_id>}. The old row has no action: the type is derived
 * ({@link #derivedType}); the booking is linked by its {@code booking_code} (the old booking id) to the
 * migrated booking's UUID; observations, customer, professional, area and specialty names, the old
 * date/time and codes are kept in the event's {@code after}. Customer ids are E.164 like everywhere.
 */
final class BookingLogImporter {

    private static final Pattern TYPE = Pattern.compile("^[a-z][a-z0-9_]{0,39}$");
    private static final Map<String, String> TYPES = types();

    private final MigrationRun run;
    private final BookingImporter bookings;
    private final JsonMapper json;

    BookingLogImporter(MigrationRun run, BookingImporter bookings, JsonMapper json) {
        this.run = run;
        this.bookings = bookings;
        this.json = json;
    }

    void run() throws SQLException {
        TableReport report = run.report().table("booking_log.booking_events", "booking_logs");
        run.importKeyedRows("booking_logs", report, new String[] {"log_id", "id", "event_id"}, this::importOne);
    }

    private void importOne(String tenant, String oldId, LegacyRow row, TableReport report) throws SQLException {
        String eventId = LegacyIds.bookingEvent(oldId);
        if (run.target().exists("SELECT 1 FROM booking_log.booking_events WHERE tenant_id = ? AND event_id = ?", tenant,
                eventId)) {
            report.skippedExisting();
            return;
        }
        ZoneId zone = run.tenants().zone(tenant).orElse(ZoneId.of("UTC"));
        Instant occurredAt = LegacyTimes.instant(row.raw("created_at", "timestamp", "occurred_at", "created_at_iso"), zone,
                "created_at");
        String code = row.text("booking_code", "booking_id");
        Optional<BookingImporter.LegacyBooking> booking = code == null ? Optional.empty() : bookings.find(tenant, code);
        String observations = row.text("observations", "notes");
        String type = derivedType(row.text("action", "event", "event_type", "type"), observations, booking.isPresent());
        String customerId = LegacyPhones.customer(Optional.ofNullable(row.text("customer_id"))
                .orElse(booking.map(BookingImporter.LegacyBooking::customerId).orElse(null)));
        String professionalId = booking.map(BookingImporter.LegacyBooking::professionalId).orElse(null);
        String oldProfessional = row.text("professional_id");
        if (oldProfessional != null) {
            String imported = LegacyIds.professional(oldProfessional);
            if (run.target().exists("SELECT 1 FROM professionals.professionals WHERE tenant_id = ? AND id = ?", tenant,
                    imported)) {
                professionalId = imported;
            } else {
                report.warning(oldId, "professional_id '" + oldProfessional + "' matches no old professional; "
                        + "kept by name in the details only");
            }
        }
        String actor = row.text("actor", "user", "source");
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("legacy_log_id", oldId);
        put(after, "booking_code", code);
        put(after, "observations", observations);
        for (String column : new String[] {"customer_name", "professional_name", "area_name", "specialty_name",
                "date_iso", "time_iso", "updated_at"}) {
            put(after, column, row.text(column));
        }
        if (oldProfessional != null) {
            after.put("legacy_professional_id", oldProfessional);
        }
        Object details = details(row.raw("details_json", "details", "payload", "data", "message"));
        if (details != null) {
            after.put("legacy_details", details);
        }
        String afterJson = json.writeValueAsString(after);
        String finalProfessional = professionalId;
        try {
            int inserted = run.target().inSavepoint(c -> run.target().update("""
                    INSERT INTO booking_log.booking_events (tenant_id, event_id, booking_id, type, actor, customer_id,
                        professional_id, occurred_at, before, after)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, CAST(? AS jsonb))
                    ON CONFLICT (tenant_id, event_id) DO NOTHING""",
                    tenant, eventId, booking.map(b -> b.id().toString()).orElse(null), type,
                    actor == null ? "legacy" : actor, customerId, finalProfessional, occurredAt, afterJson));
            if (inserted == 1) {
                report.inserted();
            } else {
                report.skippedExisting();
            }
        } catch (SQLException e) {
            report.rejected(oldId, "refused by the database: " + SqlErrors.describe(e));
        }
    }

    private static void put(Map<String, Object> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /**
     * The event type of an old log row. The old {@code booking_logs} has no action column: the old
     * backend wrote a row only when a customer opened a flow link (observations
     * {@code "Acceso por link - Flujo: …"}, booking code {@code <ACTIVATION_CODE>-<time>-<last 4 digits>}),
     * and staff wrote rows for bookings through the MCP tool (booking code = the booking's id). So:
     * an action column when a build had one; else a link access; else {@code confirmed} when the code
     * is an old booking (the old calendar created bookings confirmed); else {@code logbook_entry}.
     */
    static String derivedType(String action, String observations, boolean bookingFound) {
        if (action != null) {
            return type(action);
        }
        if (observations != null && LegacyIds.searchName(observations).startsWith("acceso por link")) {
            return "link_accessed";
        }
        return bookingFound ? "confirmed" : "logbook_entry";
    }

    /** Our event type for an old action word; an unknown word is kept as a slug, nothing usable is rejected. */
    static String type(String action) {
        if (action == null) {
            throw new IllegalArgumentException("missing action");
        }
        String slug = LegacyIds.searchName(action).replace(' ', '_');
        String mapped = TYPES.getOrDefault(slug, slug.length() > 40 ? slug.substring(0, 40) : slug);
        if (!TYPE.matcher(mapped).matches()) {
            throw new IllegalArgumentException("action '" + action + "' cannot be an event type");
        }
        return mapped;
    }

    private Object details(Object raw) {
        if (raw == null) {
            return null;
        }
        String text = raw instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : raw.toString();
        if (text.isBlank()) {
            return null;
        }
        try {
            JsonNode node = json.readTree(text);
            return node.isObject() || node.isArray() ? node : text;
        } catch (JacksonException notJson) {
            return text;
        }
    }

    private static Map<String, String> types() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String s : new String[] {"created", "create", "booking_created", "booked", "confirm", "confirmed",
                "confirmada", "creada", "reservada", "booking_confirmed"}) {
            map.put(s, "confirmed");
        }
        for (String s : new String[] {"cancel", "cancelled", "canceled", "cancelada", "booking_cancelled",
                "booking_canceled"}) {
            map.put(s, "cancelled");
        }
        for (String s : new String[] {"reschedule", "rescheduled", "reprogramada", "moved", "booking_rescheduled"}) {
            map.put(s, "rescheduled");
        }
        for (String s : new String[] {"complete", "completed", "completada", "done"}) {
            map.put(s, "completed");
        }
        for (String s : new String[] {"no_show", "noshow", "ausente"}) {
            map.put(s, "no_show");
        }
        for (String s : new String[] {"link_accessed", "link_access", "viewed", "link_opened"}) {
            map.put(s, "link_accessed");
        }
        for (String s : new String[] {"hold", "held", "pending"}) {
            map.put(s, "held");
        }
        return Map.copyOf(map);
    }
}
