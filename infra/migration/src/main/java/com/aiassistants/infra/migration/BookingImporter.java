package com.aiassistants.infra.migration;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Old {@code bookings} → mcp-calendar's {@code booking} table, written the way mcp-calendar writes
 * it: a deterministic UUID, idempotency key {@code legacy:<old id>}, a six-character short code in
 * the calendar's alphabet, and {@code blocked_until} = end + the service's buffer, so the exclusion
 * constraint judges migrated bookings exactly like new ones. Two active bookings of one
 * professional that overlap cannot both come over: the second is rejected and the report names
 * the booking it collides with.
 *
 * <p>Expected old columns: {@code bookings(booking_id | id, customer_id, [customer_name], date_iso,
 * start_time_iso, end_time_iso, status, [created_at], [updated_at], [professional_id],
 * [professional_name], [service_id], [service | service_name], [notes], [channel], [project_id])}.
 * Times are wall-clock strings in the zone (or whole ISO date-times; with an offset they are exact).
 */
final class BookingImporter {

    private static final int SHORT_CODE_ATTEMPTS = 8;
    /** The service name of old bookings that had none (the old calendar kept no services). */
    static final String UNNAMED_SERVICE = "Turno";
    private static final Map<String, String> STATUSES = statuses();

    /** What the booking-log import needs to know about an old booking. */
    record LegacyBooking(UUID id, String customerId, String professionalId, String status) {
    }

    private record Professional(String id, String name) {
    }

    private record Service(String id, String name, Integer durationMinutes, int bufferMinutes) {
    }

    private final MigrationRun run;
    private final Map<String, LegacyBooking> byOldId = new HashMap<>();
    /** Old statuses that the old calendar counted as taking the slot, with no expiry (its availability query). */
    private static final java.util.Set<String> PENDING = java.util.Set.of("pending", "pendiente");

    BookingImporter(MigrationRun run) {
        this.run = run;
    }

    /** The old booking {@code oldId} of {@code tenant} as read by {@link #run()} (whatever became of it). */
    Optional<LegacyBooking> find(String tenant, String oldId) {
        return Optional.ofNullable(byOldId.get(tenant + "\u0000" + oldId));
    }

    void run() throws SQLException {
        TableReport report = run.report().table("calendar.booking", "bookings");
        run.importKeyedRows("bookings", report, new String[] {"booking_id", "id"}, this::importOne);
    }

    private void importOne(String tenant, String oldId, LegacyRow row, TableReport report) throws SQLException {
        UUID id = LegacyIds.booking(tenant, oldId);
        String customerId = LegacyPhones.customer(row.text("customer_id", "phone", "customer_phone"));
        Professional professional = professional(tenant, row);
        byOldId.put(tenant + "\u0000" + oldId,
                new LegacyBooking(id, customerId, professional == null ? null : professional.id(),
                        mapStatus(row.text("status", "estado"))));
        String key = LegacyIds.bookingIdempotencyKey(oldId);
        if (run.target().exists("SELECT 1 FROM calendar.booking WHERE tenant_id = ? AND (id = ? OR idempotency_key = ?)",
                tenant, id, key)) {
            report.skippedExisting();
            return;
        }
        String oldStatus = row.text("status", "estado");
        String status = mapStatus(oldStatus);
        if (status == null) {
            throw new IllegalArgumentException(oldStatus == null ? "missing status" : "unknown status '" + oldStatus + "'");
        }
        if (customerId == null) {
            throw new IllegalArgumentException("missing customer_id");
        }
        if (professional == null) {
            String named = row.text("professional_id", "professional_name", "professional");
            if (named == null && run.options().defaultProfessional() == null) {
                throw new IllegalArgumentException("no professional: the old calendar kept one agenda; pass "
                        + "--default-professional (an old PROF-… id or a professional of mcp-professionals)");
            }
            throw new IllegalArgumentException("unknown professional '" + (named == null ? run.options().defaultProfessional()
                    : named) + "' (not among the imported or existing professionals)");
        }
        ZoneId zone = run.tenants().zone(tenant).orElseThrow(() -> new IllegalArgumentException(
                "no time zone for tenant '" + tenant + "': pass --zone"));
        Service service = service(tenant, row);
        String date = row.text("date_iso", "date", "fecha");
        Instant start = LegacyTimes.shown(date, row.text("start_time_iso", "start_time", "start"), zone, "start_time_iso");
        String endText = row.text("end_time_iso", "end_time", "end");
        Instant end;
        if (endText == null && service.durationMinutes() != null) {
            end = start.plus(Duration.ofMinutes(service.durationMinutes()));
        } else {
            end = LegacyTimes.shown(date, endText, zone, "end_time_iso");
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end " + endText + " is not after start " + row.text("start_time_iso"));
        }
        if (PENDING.contains(normalize(oldStatus))) {
            report.warning(oldId, "old status '" + oldStatus + "' held the slot with no expiry in the old calendar; "
                    + "imported as CONFIRMED so the slot stays taken");
        }
        Instant blockedUntil = end.plus(Duration.ofMinutes(service.bufferMinutes()));
        Instant now = run.clock().instant();
        Instant createdAt = timestamp(row.raw("created_at", "created_at_iso"), zone, now, "created_at", oldId, report);
        Instant updatedAt = timestamp(row.raw("updated_at", "updated_at_iso"), zone, createdAt, "updated_at", oldId, report);
        for (int attempt = 0; ; attempt++) {
            String shortCode = LegacyIds.shortCode(tenant, oldId, attempt);
            try {
                run.target().inSavepoint(c -> run.target().update("""
                        INSERT INTO calendar.booking (id, tenant_id, short_code, idempotency_key, status, service_id,
                            service_name, professional_id, professional_name, customer_id, customer_name, starts_at,
                            ends_at, blocked_until, time_zone, notes, channel, hold_expires_at, created_at, updated_at,
                            version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, 0)""",
                        id, tenant, shortCode, key, status, service.id(), service.name(), professional.id(),
                        professional.name(), customerId, row.text("customer_name", "name"), start, end, blockedUntil,
                        zone.getId(), row.text("notes", "note", "comments"), row.text("channel"), createdAt, updatedAt));
                report.inserted();
                return;
            } catch (SQLException e) {
                if (SqlErrors.is(e, SqlErrors.EXCLUSION_VIOLATION)) {
                    report.rejected(oldId, overlap(tenant, professional.id(), start, blockedUntil));
                    return;
                }
                if (SqlErrors.violates(e, "booking_short_code_unique") && attempt + 1 < SHORT_CODE_ATTEMPTS) {
                    continue;
                }
                report.rejected(oldId, "refused by the database: " + SqlErrors.describe(e));
                return;
            }
        }
    }

    private String overlap(String tenant, String professionalId, Instant start, Instant blockedUntil) throws SQLException {
        Optional<String> other = run.target().queryOne("""
                SELECT short_code || ' (' || idempotency_key || ', ' || status || ')' FROM calendar.booking
                 WHERE tenant_id = ? AND professional_id = ? AND status IN ('HELD', 'CONFIRMED')
                   AND tstzrange(starts_at, blocked_until, '[)') && tstzrange(?, ?, '[)')
                 ORDER BY starts_at LIMIT 1""", rs -> rs.getString(1), tenant, professionalId, start, blockedUntil);
        return "overlaps active booking " + other.orElse("?") + " of " + professionalId
                + " (refused by the booking_no_overlap exclusion constraint)";
    }

    /** The target professional: the imported one (pro-legacy-<old id>), one with that id, or the only one with that name. */
    private Professional professional(String tenant, LegacyRow row) throws SQLException {
        String oldId = row.text("professional_id") != null ? row.text("professional_id")
                : row.text("professional_name", "professional") == null ? run.options().defaultProfessional() : null;
        if (oldId != null) {
            Optional<Professional> byId = run.target().queryOne("""
                    SELECT id, name FROM professionals.professionals WHERE tenant_id = ? AND id IN (?, ?)
                     ORDER BY id = ? DESC LIMIT 1""",
                    rs -> new Professional(rs.getString(1), rs.getString(2)), tenant, LegacyIds.professional(oldId), oldId,
                    LegacyIds.professional(oldId));
            if (byId.isPresent()) {
                return byId.get();
            }
        }
        String name = row.text("professional_name", "professional");
        if (name != null) {
            List<Professional> byName = run.target().query(
                    "SELECT id, name FROM professionals.professionals WHERE tenant_id = ? AND search_name = ? LIMIT 2",
                    rs -> new Professional(rs.getString(1), rs.getString(2)), tenant, LegacyIds.searchName(name));
            if (byName.size() == 1) {
                return byName.getFirst();
            }
        }
        return null;
    }

    /** The matching service of mcp-professionals (for its id and buffer), else the old name under svc-legacy. */
    private Service service(String tenant, LegacyRow row) throws SQLException {
        String oldId = row.text("service_id");
        String name = row.text("service_name", "service", "servicio");
        if (oldId != null || name != null) {
            Optional<Service> found = run.target().queryOne("""
                    SELECT id, name, duration_minutes, buffer_minutes FROM professionals.services
                     WHERE tenant_id = ? AND (id = ? OR search_name = ?) ORDER BY id = ? DESC LIMIT 1""",
                    rs -> new Service(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4)), tenant,
                    oldId == null ? "" : oldId, LegacyIds.searchName(name == null ? oldId : name), oldId == null ? "" : oldId);
            if (found.isPresent()) {
                return found.get();
            }
        }
        // the old calendar had no services: such bookings are listed to the customer as a plain "Turno"
        return new Service(LegacyIds.UNMATCHED_SERVICE, name == null ? UNNAMED_SERVICE : name, null, 0);
    }

    private static Instant timestamp(Object value, ZoneId zone, Instant fallback, String field, String oldId,
            TableReport report) {
        if (value == null || value.toString().isBlank()) {
            return fallback;
        }
        try {
            return LegacyTimes.instant(value, zone, field);
        } catch (IllegalArgumentException e) {
            report.warning(oldId, e.getMessage() + "; used " + fallback);
            return fallback;
        }
    }

    static String normalize(String status) {
        return LegacyIds.searchName(status).replace(' ', '_');
    }

    /**
     * Old status words (English and Spanish) → ours. The old calendar wrote {@code confirmed} and let
     * {@code update_booking} set {@code pending}, {@code cancelled} or {@code completed}; its availability
     * counted {@code pending} and {@code confirmed} as taken, with no expiry, so {@code pending} stays
     * taken here (CONFIRMED, with a warning). Words of other old builds are read too.
     */
    private static Map<String, String> statuses() {
        Map<String, String> map = new HashMap<>();
        for (String s : List.of("confirmed", "confirmada", "confirmado", "booked", "scheduled", "reserved", "reservada",
                "reservado", "agendada", "agendado", "active", "activa", "activo")) {
            map.put(s, "CONFIRMED");
        }
        for (String s : List.of("cancelled", "canceled", "cancelada", "cancelado", "anulada", "anulado")) {
            map.put(s, "CANCELLED");
        }
        for (String s : List.of("completed", "complete", "done", "finished", "attended", "completada", "completado",
                "atendida", "atendido", "realizada", "realizado", "finalizada", "finalizado")) {
            map.put(s, "COMPLETED");
        }
        for (String s : List.of("no_show", "noshow", "no_asistio", "ausente", "missed", "absent")) {
            map.put(s, "NO_SHOW");
        }
        for (String s : List.of("pending", "pendiente")) {
            map.put(s, "CONFIRMED");
        }
        for (String s : List.of("held", "hold", "expired", "expirada", "expirado")) {
            map.put(s, "EXPIRED");
        }
        return Map.copyOf(map);
    }

    static String mapStatus(String old) {
        return old == null ? null : STATUSES.get(normalize(old));
    }
}
