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
 * Old {@code booking_logs} → mcp-booking-log's append-only {@code booking_events}: inserts only
 * ({@code ON CONFLICT DO NOTHING} on the event id, which fires no update trigger), event id
 * {@code legacy-<old id>}, booking id = the migrated booking's UUID.
 *
 * <p>Expected old columns: {@code booking_logs(log_id | id, booking_id, action | event | event_type,
 * [actor], [details_json | details | payload], created_at | timestamp, [customer_id],
 * [professional_id], [project_id])}. Old action words become our event types (created/confirmed →
 * {@code confirmed}, cancel… → {@code cancelled}, …); other words are kept as a lower-case slug.
 * The old details are kept under {@code after.legacy_details}.
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
        String action = row.text("action", "event", "event_type", "type");
        String type = type(action);
        ZoneId zone = run.tenants().zone(tenant).orElse(ZoneId.of("UTC"));
        Instant occurredAt = LegacyTimes.instant(row.raw("created_at", "timestamp", "occurred_at", "created_at_iso"), zone,
                "created_at");
        String oldBooking = row.text("booking_id");
        Optional<BookingImporter.LegacyBooking> booking = oldBooking == null ? Optional.empty()
                : bookings.find(tenant, oldBooking);
        String bookingId = oldBooking == null ? null : LegacyIds.booking(tenant, oldBooking).toString();
        String customerId = Optional.ofNullable(row.text("customer_id"))
                .orElse(booking.map(BookingImporter.LegacyBooking::customerId).orElse(null));
        String professionalId = row.text("professional_id") != null ? LegacyIds.professional(row.text("professional_id"))
                : booking.map(BookingImporter.LegacyBooking::professionalId).orElse(null);
        String actor = row.text("actor", "user", "source");
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("legacy_log_id", oldId);
        if (oldBooking != null) {
            after.put("legacy_booking_id", oldBooking);
        }
        if (action != null && !action.equals(type)) {
            after.put("legacy_action", action);
        }
        Object details = details(row.raw("details_json", "details", "payload", "data", "message"));
        if (details != null) {
            after.put("legacy_details", details);
        }
        String afterJson = json.writeValueAsString(after);
        try {
            int inserted = run.target().inSavepoint(c -> run.target().update("""
                    INSERT INTO booking_log.booking_events (tenant_id, event_id, booking_id, type, actor, customer_id,
                        professional_id, occurred_at, before, after)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, CAST(? AS jsonb))
                    ON CONFLICT (tenant_id, event_id) DO NOTHING""",
                    tenant, eventId, bookingId, type, actor == null ? "system" : actor, customerId, professionalId,
                    occurredAt, afterJson));
            if (inserted == 1) {
                report.inserted();
            } else {
                report.skippedExisting();
            }
        } catch (SQLException e) {
            report.rejected(oldId, "refused by the database: " + SqlErrors.describe(e));
        }
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
