package com.aiassistants.infra.migration;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Builds an old-system SQLite file: the old table shapes (with the loose typing and extra columns
 * the old Python code produced) and realistic rows, including the bad ones the migration must
 * reject: an impossible time, an unknown status, an overlapping booking, broken JSON, expired memory.
 */
final class LegacySqliteFixture {

    static final String TENANT = "clinica-sur";

    private LegacySqliteFixture() {
    }

    static Path create(Path dir) throws SQLException {
        Path file = dir.resolve("ai_assistants_old.sqlite3");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE areas (area_id INTEGER PRIMARY KEY, name TEXT NOT NULL, color TEXT)");
            s.executeUpdate("CREATE TABLE specialties (specialty_id INTEGER PRIMARY KEY, name TEXT, area_id INTEGER)");
            s.executeUpdate("""
                    CREATE TABLE professionals (professional_id TEXT PRIMARY KEY, name TEXT, specialty_id INTEGER,
                        area_id INTEGER, email TEXT, phone TEXT, active INTEGER DEFAULT 1, bio TEXT)""");
            s.executeUpdate("""
                    CREATE TABLE bookings (booking_id TEXT PRIMARY KEY, customer_id TEXT, customer_name TEXT,
                        date_iso TEXT, start_time_iso TEXT, end_time_iso TEXT, status TEXT, created_at TEXT,
                        professional_id TEXT, professional_name TEXT, service TEXT, notes TEXT, calendar_event_id TEXT)""");
            s.executeUpdate("""
                    CREATE TABLE booking_logs (log_id INTEGER PRIMARY KEY AUTOINCREMENT, booking_id TEXT, action TEXT,
                        actor TEXT, details_json TEXT, created_at TEXT)""");
            s.executeUpdate("CREATE TABLE conversations (conversation_id TEXT PRIMARY KEY, state_json TEXT)");
            s.executeUpdate("""
                    CREATE TABLE customer_memory (project_id TEXT, customer_id TEXT, memory_json TEXT, updated_at_iso TEXT,
                        PRIMARY KEY (project_id, customer_id))""");

            insert(c, "INSERT INTO areas VALUES (?, ?, ?)",
                    row(1, "Odontología", "#fff"),
                    row(2, "Kinesiología", null),
                    row(3, "ODONTOLOGIA", null)); // same name as 1 once normalised → mapped onto it
            insert(c, "INSERT INTO specialties VALUES (?, ?, ?)",
                    row(10, "Ortodoncia", 1),
                    row(11, "Rehabilitación", 2),
                    row(12, "  ", 2)); // no name → rejected
            insert(c, "INSERT INTO professionals VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    row("100", "Dra. María Pérez", 10, null, "maria@clinicasur.com.ar", "+54 9 11 5555-0101", 1, "MN 1234"),
                    row("101", "Lic. José Núñez", 11, 2, "jose(at)clinicasur", "11 5555-0102", 0, null),
                    row("102", "", null, null, null, null, 1, null)); // no name → rejected
            insert(c, "INSERT INTO bookings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    // 09:30–10:00 with a 10-minute buffer (service "Consulta") → blocks until 10:10
                    row("1", "+5491155550001", "Ana Gómez", "2025-03-14", "09:30", "10:00", "confirmed",
                            "2025-03-01T10:00:00", "100", "Dra. María Pérez", "consulta", "Primera vez", "evt-1"),
                    // cancelled in the same slot: never blocks
                    row("2", "+5491155550002", "Bruno Díaz", "2025-03-14", "09:30", "10:00", "cancelada",
                            "2025-03-01 11:00:00", "100", null, "Consulta", null, null),
                    // overlaps booking 1 (and its buffer): the old system's double booking → rejected
                    row("3", "+5491155550003", "Carla Ñañez", "2025-03-14", "09:45:00", "10:15:00", "Confirmada",
                            "2025-03-02T09:00:00", "100", null, "Consulta", null, null),
                    // impossible time → rejected
                    row("4", "+5491155550004", "Diego", "2025-03-15", "25:99", "26:30", "confirmed",
                            "2025-03-02T09:00:00", "100", null, null, null, null),
                    // unknown status → rejected
                    row("5", "+5491155550005", "Elena", "2025-03-16", "11:00", "11:30", "tentativo",
                            "2025-03-02T09:00:00", "100", null, null, null, null),
                    // past, attended; service unknown to mcp-professionals; dd/MM/yyyy date
                    row("6", "+5491155550006", "Fabián", "02/12/2024", "15:00", "15:45", "completed",
                            "2024-11-20T08:00:00", "101", null, "Rehabilitación de rodilla", null, null),
                    row("7", "+5491155550007", "Gala", "2024-12-03", "15:00", "15:45", "no-show",
                            "2024-11-20T08:00:00", "101", null, null, null, null),
                    // unknown professional → rejected
                    row("8", "+5491155550008", "Hugo", "2025-03-20", "10:00", "10:30", "confirmed",
                            "2025-03-02T09:00:00", "999", "Dr. Nadie", null, null, null),
                    // starts exactly where booking 1's buffer ends (full ISO with offset): allowed
                    row("9", "+5491155550009", "Inés", "2025-03-14", "2025-03-14T10:10:00-03:00",
                            "2025-03-14T10:40:00-03:00", "booked", "2025-03-03T09:00:00", "100", null, "Consulta", null, null),
                    // a hold never confirmed → EXPIRED, blocks nothing
                    row("10", "+5491155550010", "Juan", "2025-03-14", "09:30", "10:00", "pending",
                            "2025-03-03T09:00:00", "100", null, null, null, null),
                    // a future confirmed booking, professional matched by name only
                    row("11", "+5491155550011", "Karina", "2030-01-07", "08:00", "08:30", "CONFIRMED",
                            "2025-03-03T09:00:00", null, "Dra. Maria Perez", null, null, null));
            insert(c, "INSERT INTO booking_logs (booking_id, action, actor, details_json, created_at) VALUES (?, ?, ?, ?, ?)",
                    row("1", "created", null, "{\"via\": \"whatsapp\", \"slot\": \"09:30\"}", "2025-03-01T10:00:00"),
                    row("2", "cancelled", "customer:+5491155550002", null, "2025-03-05 12:00:00"),
                    row("1", "Recordatorio enviado", "system", "recordatorio 24 h", "2025-03-13T09:30:00-03:00"),
                    row("1", "!!!", null, null, "2025-03-13T09:30:00"), // no usable event type → rejected
                    row("3", "created", null, null, "ayer")); // bad timestamp → rejected
            insert(c, "INSERT INTO conversations VALUES (?, ?)",
                    row("whatsapp:+5491155550001", """
                            {"customer_name": "Ana Gómez", "updated_at": "2025-03-01T10:05:00",
                             "messages": [
                               {"type": "human", "content": "Hola, quiero un turno"},
                               {"type": "ai", "content": "¡Hola! ¿Para qué servicio?"},
                               {"type": "system", "content": "tool output"},
                               {"role": "user", "content": [{"type": "text", "text": "Consulta con la Dra. Pérez"}],
                                "timestamp": "2025-03-01T10:04:00"}
                             ], "step": "ASK_DATE"}"""),
                    row("web:5f1c", "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}, {\"role\": \"assistant\", \"content\": \"\"}]}"),
                    row("broken", "{not json"),
                    row("whatsapp:+5491100000000", "{\"project_id\": \"otro-proyecto\", \"messages\": []}"));
            insert(c, "INSERT INTO customer_memory VALUES (?, ?, ?, ?)",
                    row(TENANT, "+5491155550001",
                            "{\"customer_name\": \"Ana Gómez\", \"preferred_professional\": \"Dra. María Pérez\", \"visits\": 3}",
                            "2025-03-20T10:00:00"),
                    row(TENANT, "+5491155550099", "{\"name\": \"Viejo Cliente\"}", "2020-01-01T00:00:00"), // expired
                    row(TENANT, "+5491155550098", "not json", "2025-03-20T10:00:00"));
        }
        return file;
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
