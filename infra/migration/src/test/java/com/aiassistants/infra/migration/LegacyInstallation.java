package com.aiassistants.infra.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * An old installation's data directory: the six SQLite files, each created from its old DDL
 * ({@code src/test/resources/legacy-sqlite/<file>.sql}, see the README there for which old file and
 * function each comes from; WAL where the old code set it) and filled the way the old code wrote rows,
 * with the awkward ones: accents and emoji, numbers with and without {@code +}, bookings in {@code Z}
 * and offset forms, an overlap, end before start, an impossible date, empty and expired memories,
 * orphan professional ids, the old default project {@code dev} and an unknown project.
 * Booking dates are relative to {@code now} (a week ahead), so the migrated bookings are upcoming.
 */
final class LegacyInstallation {

    static final String TENANT = "clinica-sur";
    static final ZoneId ZONE = ZoneId.of("America/Argentina/Buenos_Aires");
    /** A WhatsApp customer as the old Baileys gateway keyed them: digits, no +. */
    static final String JOSE = "56959263366";
    static final String JOSE_NAME = "José Ñandú 😀";

    private final Instant now;
    final LocalDate day;

    private LegacyInstallation(Instant now) {
        this.now = now;
        this.day = now.atZone(ZONE).toLocalDate().plusDays(7);
    }

    /** Writes the six files into {@code dir}. */
    static LegacyInstallation create(Path dir, Instant now) throws SQLException {
        LegacyInstallation old = new LegacyInstallation(now);
        old.professionals(dir.resolve("professionals.db"));
        old.calendar(dir.resolve("calendar.db"));
        old.bookingLog(dir.resolve("booking_log.db"));
        old.assistants(dir.resolve("ai_assistants.sqlite3"));
        old.tokens(dir.resolve("tokens.db"));
        old.flows(dir.resolve("booking_flow.db"));
        return old;
    }

    /** {@code datetime.now(tz=timezone.utc).isoformat()} of the old code, {@code ago} before now. */
    String iso(Duration ago) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                now.minus(ago).truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC)).replace("Z", "+00:00");
    }

    String day(int plus) {
        return day.plusDays(plus).toString();
    }

    private void professionals(Path file) throws SQLException {
        try (Connection c = open(file, "professionals.db.sql")) {
            String at = iso(Duration.ofDays(400));
            insert(c, "INSERT INTO areas (area_id, name, description, created_at) VALUES (?, ?, ?, ?)",
                    row("AREA-1A2B3C4D", "Odontología", null, at),
                    row("AREA-5E6F7A8B", "Kinesiología 🦴", "Rehabilitación y deporte", at));
            insert(c, "INSERT INTO specialties (specialty_id, name, description, area_id, created_at) VALUES (?, ?, ?, ?, ?)",
                    row("SPEC-0000000A", "Ortodoncia", null, "AREA-1A2B3C4D", at),
                    row("SPEC-0000000B", "Rehabilitación", null, "AREA-5E6F7A8B", at));
            insert(c, "INSERT INTO professionals (professional_id, name, email, phone, active, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    row("PROF-AAAA0001", "Dra. María Pérez", "maria@clinicasur.com.ar", "+54 9 11 5555-0101", 1, at),
                    row("PROF-AAAA0002", "Lic. José Núñez", "jose(at)clinicasur", "11 5555-0102", 0, at));
            insert(c, "INSERT INTO professional_specialties (professional_id, specialty_id) VALUES (?, ?)",
                    row("PROF-AAAA0001", "SPEC-0000000A"),
                    row("PROF-AAAA0001", "SPEC-0000000B"), // a second specialty: the new directory keeps one
                    row("PROF-DEADBEEF", "SPEC-0000000A"), // orphan: no such professional
                    row("PROF-AAAA0002", "SPEC-0000000B"));
        }
    }

    private void calendar(Path file) throws SQLException {
        try (Connection c = open(file, "calendar.db.sql")) {
            String sql = """
                    INSERT INTO bookings (booking_id, customer_id, customer_name, date_iso, start_time_iso, end_time_iso,
                        status, created_at, confirmation_email_sent, reminder_sent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0)""";
            String d = day(0);
            insert(c, sql,
                    // the calendar's own slot form (Z), shown to the patient as 09:00
                    row("BOOKING-0000000A", JOSE, JOSE_NAME, d, d + "T09:00:00Z", d + "T10:00:00Z", "confirmed", iso(Duration.ofDays(3))),
                    // the old dialogue's form (offset), with a + in the number; pending: the old calendar counted it as taken
                    row("BOOKING-0000000B", "+5491155550001", "Ana Gómez", d, d + "T10:00:00-03:00", d + "T11:00:00-03:00", "pending", iso(Duration.ofDays(2))),
                    // the same 09:00 as 0000000A, written with an offset: an old double booking
                    row("BOOKING-0000000C", "5491155550002", "Bruno Díaz", d, d + "T09:00:00-03:00", d + "T10:00:00-03:00", "confirmed", iso(Duration.ofDays(1))),
                    // cancelled in that slot: never blocks
                    row("BOOKING-0000000D", "5491155550002", "Bruno Díaz", d, d + "T09:00:00Z", d + "T10:00:00Z", "cancelled", iso(Duration.ofDays(4))),
                    row("BOOKING-0000000E", "5491155550003", "Carla", d, d + "T15:00:00Z", d + "T14:00:00Z", "confirmed", iso(Duration.ofDays(1))),
                    row("BOOKING-0000000F", "5491155550003", "Carla", "2025-02-30", "2025-02-30T09:00:00Z", "2025-02-30T10:00:00Z", "confirmed", iso(Duration.ofDays(1))),
                    row("BOOKING-00000010", JOSE, JOSE_NAME, day(-30), day(-30) + "T11:00:00Z", day(-30) + "T12:00:00Z", "completed", iso(Duration.ofDays(40))),
                    row("BOOKING-00000011", JOSE, JOSE_NAME, day(1), day(1) + "T16:00:00Z", day(1) + "T17:00:00Z", "confirmed", iso(Duration.ofHours(5))));
        }
    }

    private void bookingLog(Path file) throws SQLException {
        try (Connection c = open(file, "booking_log.db.sql")) {
            String sql = """
                    INSERT INTO booking_logs (log_id, booking_code, customer_name, customer_id, date_iso, time_iso, area_id,
                        area_name, specialty_id, specialty_name, professional_id, professional_name, observations, created_at,
                        updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
            insert(c, sql,
                    row("LOG-0000000A", "BOOKING-0000000A", JOSE_NAME, JOSE, day(0), "09:00", "AREA-1A2B3C4D", "Odontología",
                            "SPEC-0000000A", "Ortodoncia", "PROF-AAAA0001", "Dra. María Pérez", "Primera consulta ✨",
                            iso(Duration.ofDays(3)), iso(Duration.ofDays(3))),
                    // what the old router wrote when a customer opened a wa.me link (_register_link_access)
                    row("LOG-0000000B", "FLOW_RESERVA_INIT-123456-3366", JOSE_NAME, JOSE, day(-7), iso(Duration.ofDays(7)),
                            null, null, null, null, null, null, "Acceso por link - Flujo: bookings", iso(Duration.ofDays(7)),
                            iso(Duration.ofDays(7))),
                    row("LOG-0000000C", "MANUAL-0001", "Paciente sin número", null, day(2), "12:00", null, null, null, null,
                            "PROF-DEADBEEF", "Dr. Fantasma", "", iso(Duration.ofDays(1)), iso(Duration.ofDays(1))));
        }
    }

    private void assistants(Path file) throws SQLException {
        try (Connection c = open(file, "ai_assistants.sqlite3.sql")) {
            String t1 = iso(Duration.ofDays(3).plusMinutes(4));
            String t2 = iso(Duration.ofDays(3).plusMinutes(3));
            String t3 = iso(Duration.ofDays(3).plusMinutes(2));
            String t4 = iso(Duration.ofDays(3).plusMinutes(1));
            insert(c, "INSERT INTO conversations (conversation_id, state_json) VALUES (?, ?)",
                    row("whatsapp:" + JOSE, """
                            {"conversation_id": "whatsapp:%s", "messages": [
                              {"role": "user", "text": "hola", "created_at_iso": "%s"},
                              {"role": "assistant", "text": "¡Hola! ¿Cómo te llamás?", "created_at_iso": "%s"},
                              {"role": "user", "text": "Soy %s", "created_at_iso": "%s"},
                              {"role": "system", "text": "routed_domain=bookings", "created_at_iso": "%s"},
                              {"role": "assistant", "text": "Gracias José, tu turno quedó reservado ✅", "created_at_iso": "%s"}],
                             "routed_domain": "bookings", "processed_event_ids": ["3EB0A1"], "customer_id": "%s",
                             "last_order_id": null, "last_tracking_id": null, "customer_memory": {},
                             "customer_name": "%s", "requested_booking_date": null, "requested_booking_start_time": null,
                             "requested_booking_end_time": null, "last_booking_id": "BOOKING-0000000A"}"""
                            .formatted(JOSE, t1, t2, JOSE_NAME, t3, t3, t4, JOSE, JOSE_NAME)),
                    row("whatsapp:+5491155550001", """
                            {"conversation_id": "whatsapp:+5491155550001", "messages": [
                              {"role": "user", "text": "quiero un turno", "created_at_iso": "%s"}],
                             "customer_id": "+5491155550001", "customer_name": "Ana Gómez"}""".formatted(iso(Duration.ofDays(2)))),
                    row("web-7f3a", """
                            {"conversation_id": "web-7f3a", "messages": []}"""),
                    row("whatsapp:5491100000009", "{not json"));
            String recent = iso(Duration.ofDays(3));
            insert(c, "INSERT INTO customer_memory (project_id, customer_id, memory_json, updated_at_iso) VALUES (?, ?, ?, ?)",
                    row("dev", JOSE, """
                            {"slots": {"customer_name": "%s", "last_order_id": "A-1"},
                             "updated_at": {"customer_name": "%s", "last_order_id": "%s"}}"""
                            .formatted(JOSE_NAME, recent, recent), recent),
                    row("dev", "+5491155550001", "{\"slots\": {}, \"updated_at\": {}}", recent),
                    row("dev", "5491155550002", "{\"customer_name\": \"Bruno Díaz\"}", recent), // the first builds' flat shape
                    row("dev", "5491100000000", """
                            {"slots": {"customer_name": "Olvidada"}, "updated_at": {"customer_name": "%s"}}"""
                            .formatted(iso(Duration.ofDays(200))), iso(Duration.ofDays(200))),
                    row("otro-proyecto", "5491100000001", "{\"slots\": {\"customer_name\": \"Otra\"}, \"updated_at\": {}}", recent));
            insert(c, """
                    INSERT INTO jobs (job_id, status, conversation_id, message_id, response_text, error_text, created_at_iso,
                        updated_at_iso) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                    row("6f1c2b9e-0000-4000-8000-000000000001", "pending", "whatsapp:" + JOSE, "3EB0B2", null, null, recent, recent),
                    row("6f1c2b9e-0000-4000-8000-000000000002", "succeeded", "whatsapp:" + JOSE, "3EB0A1", "Hola", null, recent, recent));
            insert(c, """
                    INSERT INTO vector_memory (item_id, project_id, customer_id, text, embedding_json, created_at_iso)
                    VALUES (?, ?, ?, ?, ?, ?)""", row("0b7d…", "dev", JOSE, "prefiere turnos a la mañana", "[0.1, 0.2]", recent));
        }
    }

    private void tokens(Path file) throws SQLException {
        try (Connection c = open(file, "tokens.db.sql")) {
            insert(c, """
                    INSERT INTO oauth_tokens (customer_id, access_token, refresh_token, token_expiry, calendar_email, created_at,
                        updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)""",
                    row(JOSE, "gAAAAB-encrypted", "gAAAAB-encrypted", iso(Duration.ofDays(-1)), "clinica@example.com",
                            iso(Duration.ofDays(30)), iso(Duration.ofDays(1))));
        }
    }

    private void flows(Path file) throws SQLException {
        try (Connection c = open(file, "booking_flow.db.sql")) {
            String at = iso(Duration.ofDays(100));
            insert(c, "INSERT INTO flows (flow_id, name, description, domain, is_active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    row("FLOW-0000000A", "Default Booking Flow", "Flujo predeterminado para reservas", "bookings", 1, at, at),
                    row("FLOW-0000000B", "Compras", null, "purchases", 1, at, at));
            String stage = """
                    INSERT INTO flow_stages (stage_id, flow_id, stage_order, stage_name, stage_type, prompt_text, field_name,
                        field_type, validation_rules, is_required, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
            insert(c, stage,
                    row("STAGE-00000001", "FLOW-0000000A", 1, "greeting", "greeting", "Hola, soy el asistente de Clínica Sur 🦷. ¿Cómo te llamás?", null, null, null, 0, at, at),
                    row("STAGE-00000002", "FLOW-0000000A", 2, "get_name", "input", "Por favor, dime tu nombre completo.", "customer_name", "text", null, 1, at, at),
                    row("STAGE-00000003", "FLOW-0000000A", 3, "get_date", "input", "¿Para qué fecha?", "booking_date", "date", null, 1, at, at),
                    row("STAGE-00000004", "FLOW-0000000A", 6, "confirm", "confirmation", "¿Confirmás?", null, null, null, 1, at, at),
                    row("STAGE-00000005", "FLOW-0000000A", 7, "system_prompt", "system_prompt", "Sos el asistente de reservas de Clínica Sur.", null, null, null, 0, at, at),
                    row("STAGE-00000006", "FLOW-0000000B", 1, "greeting", "greeting", "Compras", null, null, null, 0, at, at));
        }
    }

    /** A new SQLite file from its old DDL (journal mode as the DDL file's first line says). */
    private static Connection open(Path file, String ddl) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        String script;
        try (InputStream in = LegacyInstallation.class.getResourceAsStream("/legacy-sqlite/" + ddl)) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Statement s = c.createStatement()) {
            if (script.startsWith("-- journal_mode: wal")) {
                s.execute("PRAGMA journal_mode=WAL");
            }
            for (String sql : script.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!sql.isBlank()) {
                    s.executeUpdate(sql);
                }
            }
        }
        return c;
    }

    private static Object[] row(Object... values) {
        return values;
    }

    private static void insert(Connection c, String sql, Object[]... rows) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    statement.setObject(i + 1, row[i]);
                }
                statement.executeUpdate();
            }
        }
    }
}
