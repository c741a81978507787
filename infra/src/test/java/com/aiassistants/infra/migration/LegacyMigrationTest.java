package com.aiassistants.infra.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiassistants.common.testsupport.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The migration end to end: an old-system SQLite file built here, a fresh PostgreSQL database with
 * the four services' real Flyway migrations applied exactly as each service applies them, then a
 * dry run (reports everything, writes nothing), the real run, and a re-run (inserts nothing).
 */
class LegacyMigrationTest {

    private static final String TENANT = LegacySqliteFixture.TENANT;
    private static final String ZONE = "America/Argentina/Buenos_Aires";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-04-01T12:00:00Z"), ZoneOffset.UTC);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> TABLES = List.of("professionals.areas", "professionals.specialties",
            "professionals.professionals", "calendar.booking", "booking_log.booking_events", "backend.conversation",
            "backend.message", "backend.customer_memory");

    @TempDir
    static Path dir;
    static TestPostgres.Database database;
    static Path sqlite;

    @BeforeAll
    static void prepare() throws SQLException {
        database = TestPostgres.createDatabase("legacy_migration");
        migrate(database, "professionals", "mcp-professionals");
        migrate(database, "calendar", "mcp-calendar");
        migrate(database, "booking_log", "mcp-booking-log");
        migrate(database, "backend", "backend-api");
        execute(database, """
                INSERT INTO backend.project (id, name, time_zone, locale, webhook_secret)
                VALUES ('clinica-sur', 'Clínica Sur', 'America/Argentina/Buenos_Aires', 'es', 'secret-for-tests');
                INSERT INTO professionals.services (tenant_id, id, name, search_name, duration_minutes, buffer_minutes)
                VALUES ('clinica-sur', 'svc-consulta', 'Consulta', 'consulta', 30, 10);
                """);
        sqlite = LegacySqliteFixture.create(dir);
    }

    /** Each service's own migrations, from its source tree, into its own schema (as its application.yml sets). */
    static void migrate(TestPostgres.Database db, String schema, String module) {
        Flyway.configure()
                .dataSource(db.jdbcUrl(), db.username(), db.password())
                .schemas(schema)
                .defaultSchema(schema)
                .locations("filesystem:../" + module + "/src/main/resources/db/migration")
                .load()
                .migrate();
    }

    @Test
    void dryRunWritesNothingThenTheImportLandsOnceAndReRunningAddsNothing() throws Exception {
        byte[] oldFile = Files.readAllBytes(sqlite);
        JsonNode dry = migrateOk(database, "--dry-run");
        assertThat(dry.get("dry_run").asBoolean()).isTrue();
        assertThat(dry.get("outcome").asString()).isEqualTo("dry_run_rolled_back");
        assertThat(counts(database).values()).containsOnly(0L);

        JsonNode first = migrateOk(database);
        assertThat(first.get("outcome").asString()).isEqualTo("committed");
        // the dry run predicted exactly what the real run did, overlaps included
        assertThat(summary(dry)).isEqualTo(summary(first));

        assertThat(summary(first)).containsExactly(
                Map.entry("professionals.areas", List.of(3, 2, 1, 0)),
                Map.entry("professionals.specialties", List.of(3, 2, 0, 1)),
                Map.entry("professionals.professionals", List.of(3, 2, 0, 1)),
                Map.entry("calendar.booking", List.of(11, 7, 0, 4)),
                Map.entry("booking_log.booking_events", List.of(5, 3, 0, 2)),
                Map.entry("backend.conversation", List.of(4, 2, 0, 2)),
                Map.entry("backend.message", List.of(6, 4, 0, 2)),
                Map.entry("backend.customer_memory", List.of(3, 1, 0, 2)));
        assertThat(rejections(first, "calendar.booking")).containsOnlyKeys("3", "4", "5", "8");
        assertThat(rejections(first, "calendar.booking").get("3"))
                .contains("overlaps active booking").contains("legacy:1").contains("booking_no_overlap");
        assertThat(rejections(first, "calendar.booking").get("4")).isEqualTo("bad start_time_iso '25:99'");
        assertThat(rejections(first, "calendar.booking").get("5")).isEqualTo("unknown status 'tentativo'");
        assertThat(rejections(first, "calendar.booking").get("8")).startsWith("unknown professional '999'");
        assertThat(rejections(first, "booking_log.booking_events").values())
                .containsExactlyInAnyOrder("action '!!!' cannot be an event type", "bad created_at 'ayer'");
        assertThat(rejections(first, "backend.conversation")).containsOnlyKeys("broken", "whatsapp:+5491100000000");
        assertThat(rejections(first, "backend.conversation").get("whatsapp:+5491100000000"))
                .contains("'otro-proyecto' does not exist");
        assertThat(rejections(first, "backend.customer_memory").values())
                .anySatisfy(reason -> assertThat(reason).startsWith("expired: last updated 2020-01-01T03:00:00Z"))
                .anySatisfy(reason -> assertThat(reason).isEqualTo("memory_json is not JSON"));
        assertThat(first.at("/tables/professionals.professionals/warnings").toString())
                .contains("jose(at)clinicasur").contains("phone is not in international form");
        assertThat(first.at("/tables/professionals.areas/warnings").toString()).contains("area-legacy-1");

        Map<String, Long> afterFirst = counts(database);
        assertThat(afterFirst).containsEntry("calendar.booking", 7L).containsEntry("backend.message", 4L)
                .containsEntry("backend.customer_memory", 3L);
        assertImportedRows();

        JsonNode second = migrateOk(database);
        summary(second).forEach((table, c) -> {
            List<Integer> before = summary(first).get(table);
            assertThat(c.get(1)).as(table + " inserted on re-run").isZero();
            assertThat(c.get(2)).as(table + " skipped on re-run").isEqualTo(before.get(1) + before.get(2));
            assertThat(c.get(3)).as(table + " rejected on re-run").isEqualTo(before.get(3));
        });
        assertThat(counts(database)).isEqualTo(afterFirst);
        assertThat(Files.readAllBytes(sqlite)).as("the old database is only read").isEqualTo(oldFile);
    }

    private void assertImportedRows() throws SQLException {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            ResultSet pro = s.executeQuery("""
                    SELECT id, name, search_name, specialty_id, area_id, email, phone, active
                      FROM professionals.professionals ORDER BY id""");
            assertThat(pro.next()).isTrue();
            assertThat(List.of(pro.getString(1), pro.getString(2), pro.getString(3), pro.getString(4), pro.getString(5),
                    pro.getString(6), pro.getString(7), pro.getString(8))).containsExactly("pro-legacy-100",
                    "Dra. María Pérez", "dra maria perez", "spc-legacy-10", "area-legacy-1", "maria@clinicasur.com.ar",
                    "+5491155550101", "t");
            assertThat(pro.next()).isTrue();
            assertThat(pro.getString(1)).isEqualTo("pro-legacy-101");
            assertThat(pro.getString(5)).isEqualTo("area-legacy-2");
            assertThat(pro.getString(6)).isNull();
            assertThat(pro.getString(7)).isNull();
            assertThat(pro.getBoolean(8)).isFalse();

            Map<String, List<Object>> bookings = new LinkedHashMap<>();
            ResultSet b = s.executeQuery("""
                    SELECT idempotency_key, status, short_code, service_id, service_name, professional_id,
                           professional_name, customer_name, starts_at, ends_at, blocked_until, time_zone, created_at
                      FROM calendar.booking ORDER BY idempotency_key""");
            while (b.next()) {
                assertThat(b.getString("short_code")).matches("[ABCDEFGHJKMNPQRTUVWXY346789]{6}");
                assertThat(b.getString("time_zone")).isEqualTo(ZONE);
                bookings.put(b.getString("idempotency_key"), List.of(b.getString("status"), b.getString("service_id"),
                        String.valueOf(b.getString("service_name")), b.getString("professional_id"),
                        String.valueOf(b.getString("customer_name")), utc(b, "starts_at"), utc(b, "ends_at"),
                        utc(b, "blocked_until")));
            }
            assertThat(bookings.keySet()).containsExactlyInAnyOrder("legacy:1", "legacy:2", "legacy:6", "legacy:7",
                    "legacy:9", "legacy:10", "legacy:11");
            // 09:30 in Buenos Aires (UTC-3) = 12:30Z; the service's 10-minute buffer extends the blocked range
            assertThat(bookings.get("legacy:1")).containsExactly("CONFIRMED", "svc-consulta", "Consulta",
                    "pro-legacy-100", "Ana Gómez", "2025-03-14T12:30:00Z", "2025-03-14T13:00:00Z", "2025-03-14T13:10:00Z");
            assertThat(bookings.get("legacy:2").getFirst()).isEqualTo("CANCELLED");
            assertThat(bookings.get("legacy:6")).containsExactly("COMPLETED", "svc-legacy", "Rehabilitación de rodilla",
                    "pro-legacy-101", "Fabián", "2024-12-02T18:00:00Z", "2024-12-02T18:45:00Z", "2024-12-02T18:45:00Z");
            assertThat(bookings.get("legacy:7").getFirst()).isEqualTo("NO_SHOW");
            assertThat(bookings.get("legacy:9").subList(5, 8)).containsExactly("2025-03-14T13:10:00Z",
                    "2025-03-14T13:40:00Z", "2025-03-14T13:50:00Z");
            assertThat(bookings.get("legacy:10").getFirst()).isEqualTo("EXPIRED");
            assertThat(bookings.get("legacy:11")).containsExactly("CONFIRMED", "svc-legacy", "null", "pro-legacy-100",
                    "Karina", "2030-01-07T11:00:00Z", "2030-01-07T11:30:00Z", "2030-01-07T11:30:00Z");

            ResultSet e = s.executeQuery("""
                    SELECT event_id, booking_id, type, actor, customer_id, professional_id, occurred_at, after::text
                      FROM booking_log.booking_events ORDER BY event_id""");
            List<String> events = new ArrayList<>();
            while (e.next()) {
                events.add(String.join("|", e.getString(1), e.getString(3), e.getString(4),
                        String.valueOf(e.getString(5)), String.valueOf(e.getString(6)), utc(e, "occurred_at")));
                assertThat(e.getString(2)).isEqualTo(
                        LegacyIds.booking(TENANT, e.getString(8).replaceAll(".*\"legacy_booking_id\": \"(\\d+)\".*", "$1"))
                                .toString());
            }
            assertThat(events).containsExactly(
                    "legacy-1|confirmed|system|+5491155550001|pro-legacy-100|2025-03-01T13:00:00Z",
                    "legacy-2|cancelled|customer:+5491155550002|+5491155550002|pro-legacy-100|2025-03-05T15:00:00Z",
                    "legacy-3|recordatorio_enviado|system|+5491155550001|pro-legacy-100|2025-03-13T12:30:00Z");

            ResultSet m = s.executeQuery("""
                    SELECT conversation_id, role, text, created_at FROM backend.message ORDER BY id""");
            List<String> messages = new ArrayList<>();
            while (m.next()) {
                messages.add(m.getString(1) + "|" + m.getString(2) + "|" + m.getString(3) + "|" + utc(m, "created_at"));
            }
            assertThat(messages).containsExactly(
                    "whatsapp:+5491155550001|user|Hola, quiero un turno|2025-03-01T13:05:00Z",
                    "whatsapp:+5491155550001|assistant|¡Hola! ¿Para qué servicio?|2025-03-01T13:05:00Z",
                    "whatsapp:+5491155550001|user|Consulta con la Dra. Pérez|2025-03-01T13:04:00Z",
                    "web:5f1c|user|hi|2025-04-01T12:00:00Z");
            ResultSet conv = s.executeQuery("""
                    SELECT channel, customer_id, customer_name, state FROM backend.conversation
                     WHERE id = 'whatsapp:+5491155550001'""");
            assertThat(conv.next()).isTrue();
            assertThat(List.of(conv.getString(1), conv.getString(2), conv.getString(3)))
                    .containsExactly("whatsapp", "+5491155550001", "Ana Gómez");
            assertThat(conv.getString(4)).isNull();

            ResultSet mem = s.executeQuery("""
                    SELECT key, value, expires_at FROM backend.customer_memory ORDER BY key""");
            List<String> memory = new ArrayList<>();
            while (mem.next()) {
                memory.add(mem.getString(1) + "=" + mem.getString(2) + "@" + utc(mem, "expires_at"));
            }
            assertThat(memory).containsExactly("name=Ana Gómez@2025-06-18T13:00:00Z",
                    "preferred_professional=Dra. María Pérez@2025-06-18T13:00:00Z", "visits=3@2025-06-18T13:00:00Z");
        }
    }

    @Test
    void aTargetWithoutTheServicesSchemasIsRefusedBeforeAnythingIsRead() {
        TestPostgres.Database empty = TestPostgres.createDatabase("legacy_migration_empty");
        Run run = command(empty, "--tenant", TENANT);
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.stderr()).contains("lacks professionals.areas").contains("backend.customer_memory");
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void badUsageExitsWithTwo() {
        Run missingSqlite = run(List.of("--database-url", "postgres://u:p@localhost/db"), Map.of());
        assertThat(missingSqlite.exit()).isEqualTo(2);
        assertThat(missingSqlite.stderr()).contains("--sqlite is required");
        Run badZone = run(List.of("--sqlite", "x.db", "--zone", "Mars/Olympus"), Map.of("DATABASE_URL", "postgres://h/db"));
        assertThat(badZone.exit()).isEqualTo(2);
        assertThat(badZone.stderr()).contains("unknown time zone 'Mars/Olympus'");
        Run noDatabase = run(List.of("--sqlite", "x.db"), Map.of());
        assertThat(noDatabase.stderr()).contains("DATABASE_URL");
        assertThat(noDatabase.exit()).isEqualTo(2);
    }

    // ---- helpers ----

    record Run(int exit, String stdout, String stderr) {
    }

    private static JsonNode migrateOk(TestPostgres.Database db, String... extra) {
        List<String> args = new ArrayList<>(List.of("--tenant", TENANT, "--zone", ZONE));
        args.addAll(List.of(extra));
        Run run = command(db, args.toArray(String[]::new));
        assertThat(run.exit()).as(run.stderr()).isZero();
        JsonNode report = JSON.readTree(run.stdout());
        report.get("tables").properties().forEach(entry -> {
            JsonNode t = entry.getValue();
            assertThat(t.get("read").asInt()).as(entry.getKey() + ": every row read is accounted for once")
                    .isEqualTo(t.get("inserted").asInt() + t.get("skipped_existing").asInt() + t.get("rejected").asInt());
        });
        return report;
    }

    private static Run command(TestPostgres.Database db, String... args) {
        List<String> all = new ArrayList<>(List.of("--sqlite", sqlite.toString(), "--database-url", db.jdbcUrl()));
        all.addAll(List.of(args));
        String url = "postgres://" + db.username() + ":" + db.password() + "@"
                + db.jdbcUrl().substring("jdbc:postgresql://".length());
        all.set(3, url);
        return run(all, Map.of());
    }

    private static Run run(List<String> args, Map<String, String> env) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = MigrateCommand.run(args, env, CLOCK, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** table → [read, inserted, skipped_existing, rejected] */
    private static Map<String, List<Integer>> summary(JsonNode report) {
        Map<String, List<Integer>> summary = new LinkedHashMap<>();
        report.get("tables").properties().forEach(entry -> {
            JsonNode t = entry.getValue();
            summary.put(entry.getKey(), List.of(t.get("read").asInt(), t.get("inserted").asInt(),
                    t.get("skipped_existing").asInt(), t.get("rejected").asInt()));
        });
        return summary;
    }

    private static Map<String, String> rejections(JsonNode report, String table) {
        Map<String, String> reasons = new LinkedHashMap<>();
        for (JsonNode r : report.at("/tables/" + table + "/rejections")) {
            reasons.put(r.get("legacy_id").isNull() ? "?" : r.get("legacy_id").asString(), r.get("reason").asString());
        }
        return reasons;
    }

    private static Map<String, Long> counts(TestPostgres.Database db) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table);
                rs.next();
                counts.put(table, rs.getLong(1));
            }
        }
        return counts;
    }

    private static String utc(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant().toString();
    }

    private static Connection connect(TestPostgres.Database db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
    }

    private static void execute(TestPostgres.Database db, String sql) throws SQLException {
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
