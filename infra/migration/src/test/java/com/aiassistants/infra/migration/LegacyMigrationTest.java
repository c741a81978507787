package com.aiassistants.infra.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiassistants.common.testsupport.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The migration of a whole old installation (the six SQLite files of {@link LegacyInstallation}) into a
 * fresh, empty PostgreSQL: {@code --prepare-target} applies the services' own Flyway migrations (read
 * from their jars) and creates the project; a dry run reports everything and writes no row; the real run
 * lands exactly what the dry run predicted; a re-run inserts nothing; the old files are never touched.
 */
class LegacyMigrationTest {

    private static final String TENANT = LegacyInstallation.TENANT;
    private static final String ZONE = LegacyInstallation.ZONE.getId();
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> TABLES = List.of("professionals.areas", "professionals.specialties",
            "professionals.professionals", "calendar.booking", "booking_log.booking_events", "backend.project",
            "backend.conversation", "backend.message", "backend.customer_memory");

    @TempDir
    static Path dir;
    static TestPostgres.Database database;
    static LegacyInstallation old;

    @BeforeAll
    static void prepare() throws SQLException {
        database = TestPostgres.createDatabase("legacy_migration");
        old = LegacyInstallation.create(dir, NOW);
    }

    @Test
    void aWholeOldInstallationLandsOnceInAFreshDatabaseAndItsFilesAreOnlyRead() throws Exception {
        Map<String, String> filesBefore = fingerprint(dir);
        assertThat(filesBefore).containsOnlyKeys("ai_assistants.sqlite3", "booking_flow.db", "booking_log.db",
                "calendar.db", "professionals.db", "tokens.db");

        JsonNode dry = migrateOk(database, "--dry-run");
        assertThat(dry.get("outcome").asString()).isEqualTo("dry_run_rolled_back");
        assertThat(counts(database).values()).as("a dry run writes no row").containsOnly(0L);

        JsonNode first = migrateOk(database);
        assertThat(first.get("outcome").asString()).isEqualTo("committed");
        assertThat(summary(dry)).as("the dry run predicted the real run exactly").isEqualTo(summary(first));
        assertThat(first.at("/target/project_created").asBoolean()).isTrue();

        assertThat(summary(first)).containsExactly(
                Map.entry("professionals.areas", List.of(2, 2, 0, 0)),
                Map.entry("professionals.specialties", List.of(2, 2, 0, 0)),
                Map.entry("professionals.professionals.specialty_id", List.of(4, 2, 0, 2)),
                Map.entry("professionals.professionals", List.of(2, 2, 0, 0)),
                Map.entry("calendar.booking", List.of(8, 5, 0, 3)),
                Map.entry("booking_log.booking_events", List.of(3, 3, 0, 0)),
                Map.entry("backend.conversation", List.of(4, 3, 0, 1)),
                Map.entry("backend.message", List.of(6, 5, 0, 1)),
                Map.entry("backend.customer_memory", List.of(5, 2, 0, 3)),
                // Ana's old memory was empty, but her old conversation knew her name; José's memory had it already
                Map.entry("backend.customer_memory.name", List.of(2, 1, 1, 0)),
                Map.entry("backend.project.settings.flow", List.of(2, 1, 0, 1)));

        assertThat(rejections(first, "professionals.professionals.specialty_id")).containsOnlyKeys(
                "PROF-AAAA0001/SPEC-0000000B", "PROF-DEADBEEF/SPEC-0000000A");
        assertThat(rejections(first, "professionals.professionals.specialty_id").get("PROF-DEADBEEF/SPEC-0000000A"))
                .startsWith("orphan row");
        Map<String, String> bookingRejections = rejections(first, "calendar.booking");
        assertThat(bookingRejections).containsOnlyKeys("BOOKING-0000000C", "BOOKING-0000000E", "BOOKING-0000000F");
        assertThat(bookingRejections.get("BOOKING-0000000C")).contains("overlaps active booking")
                .contains("legacy:BOOKING-0000000A").contains("booking_no_overlap");
        assertThat(bookingRejections.get("BOOKING-0000000E")).contains("is not after start");
        assertThat(bookingRejections.get("BOOKING-0000000F")).isEqualTo("bad date_iso '2025-02-30'");
        assertThat(first.at("/tables/calendar.booking/warnings").toString()).contains("BOOKING-0000000B")
                .contains("imported as CONFIRMED");
        assertThat(first.at("/tables/booking_log.booking_events/warnings").toString()).contains("PROF-DEADBEEF");
        assertThat(rejections(first, "backend.conversation")).containsOnlyKeys("whatsapp:5491100000009");
        assertThat(rejections(first, "backend.message").values()).containsExactly(
                "system message (the old router's internal note, never shown to the customer)");
        assertThat(rejections(first, "backend.customer_memory")).containsOnlyKeys("dev/+5491155550001",
                "dev/5491100000000", "otro-proyecto/5491100000001");
        assertThat(rejections(first, "backend.customer_memory").get("dev/+5491155550001")).startsWith("empty memory");
        assertThat(rejections(first, "backend.customer_memory").get("dev/5491100000000")).startsWith("expired");
        assertThat(rejections(first, "backend.customer_memory").get("otro-proyecto/5491100000001"))
                .contains("--map-project otro-proyecto=");

        JsonNode notMigrated = first.get("not_migrated");
        assertThat(notMigrated.at("/jobs/rows").asInt()).isEqualTo(2);
        assertThat(notMigrated.at("/jobs/reason").asString()).contains("1 pending/running");
        assertThat(notMigrated.at("/oauth_tokens/rows").asInt()).isEqualTo(1);
        assertThat(notMigrated.at("/vector_memory/rows").asInt()).isEqualTo(1);
        assertThat(notMigrated.at("/flow_stages/rows").asInt()).isEqualTo(6);
        assertThat(first.get("sources")).hasSize(6);
        for (JsonNode source : first.get("sources")) {
            assertThat(source.get("opened").asString()).as(source.toString()).isEqualTo("immutable");
        }

        assertImportedRows();
        Map<String, Long> afterFirst = counts(database);

        JsonNode second = migrateOk(database);
        assertThat(second.at("/target/project_created").asBoolean()).isFalse();
        summary(second).forEach((table, c) -> {
            List<Integer> before = summary(first).get(table);
            assertThat(c.get(1)).as(table + " inserted on re-run").isZero();
            assertThat(c.get(2)).as(table + " skipped on re-run").isEqualTo(before.get(1) + before.get(2));
            assertThat(c.get(3)).as(table + " rejected on re-run").isEqualTo(before.get(3));
        });
        assertThat(counts(database)).isEqualTo(afterFirst);
        assertThat(fingerprint(dir)).as("the old files are only read: same bytes, no -wal/-shm beside them")
                .isEqualTo(filesBefore);
    }

    private void assertImportedRows() throws SQLException {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            assertThat(rows(s, """
                    SELECT id, name, specialty_id, area_id, email, phone, active FROM professionals.professionals ORDER BY id"""))
                    .containsExactly(
                            "pro-legacy-PROF-AAAA0001|Dra. María Pérez|spc-legacy-SPEC-0000000A|area-legacy-AREA-1A2B3C4D|"
                                    + "maria@clinicasur.com.ar|+5491155550101|t",
                            "pro-legacy-PROF-AAAA0002|Lic. José Núñez|spc-legacy-SPEC-0000000B|area-legacy-AREA-5E6F7A8B|"
                                    + "null|null|f");
            assertThat(rows(s, "SELECT name FROM professionals.areas ORDER BY id")).containsExactly("Odontología",
                    "Kinesiología 🦴");

            // the old calendar showed "09:00" for …T09:00:00Z and for …T09:00:00-03:00: 09:00 in Buenos Aires
            String d = old.day(0);
            assertThat(rows(s, """
                    SELECT idempotency_key, status, professional_id, customer_id, customer_name, starts_at, ends_at
                      FROM calendar.booking ORDER BY idempotency_key""")).containsExactly(
                    "legacy:BOOKING-0000000A|CONFIRMED|pro-legacy-PROF-AAAA0001|+56959263366|José Ñandú 😀|"
                            + d + "T12:00:00Z|" + d + "T13:00:00Z",
                    "legacy:BOOKING-0000000B|CONFIRMED|pro-legacy-PROF-AAAA0001|+5491155550001|Ana Gómez|"
                            + d + "T13:00:00Z|" + d + "T14:00:00Z",
                    "legacy:BOOKING-0000000D|CANCELLED|pro-legacy-PROF-AAAA0001|+5491155550002|Bruno Díaz|"
                            + d + "T12:00:00Z|" + d + "T13:00:00Z",
                    "legacy:BOOKING-00000010|COMPLETED|pro-legacy-PROF-AAAA0001|+56959263366|José Ñandú 😀|"
                            + old.day(-30) + "T14:00:00Z|" + old.day(-30) + "T15:00:00Z",
                    "legacy:BOOKING-00000011|CONFIRMED|pro-legacy-PROF-AAAA0001|+56959263366|José Ñandú 😀|"
                            + old.day(1) + "T19:00:00Z|" + old.day(1) + "T20:00:00Z");

            assertThat(rows(s, """
                    SELECT event_id, type, booking_id IS NOT NULL, customer_id, professional_id, occurred_at
                      FROM booking_log.booking_events ORDER BY event_id""")).containsExactly(
                    "legacy-LOG-0000000A|confirmed|t|+56959263366|pro-legacy-PROF-AAAA0001|" + utc(Duration.ofDays(3)),
                    "legacy-LOG-0000000B|link_accessed|f|+56959263366|null|" + utc(Duration.ofDays(7)),
                    "legacy-LOG-0000000C|logbook_entry|f|null|null|" + utc(Duration.ofDays(1)));
            assertThat(rows(s, "SELECT booking_id FROM booking_log.booking_events WHERE event_id = 'legacy-LOG-0000000A'"))
                    .containsExactly(LegacyIds.booking(TENANT, "BOOKING-0000000A").toString());
            JsonNode details = JSON.readTree(rows(s, """
                    SELECT after::text FROM booking_log.booking_events WHERE event_id = 'legacy-LOG-0000000A'""").getFirst());
            assertThat(details.get("observations").asString()).isEqualTo("Primera consulta ✨");
            assertThat(details.get("booking_code").asString()).isEqualTo("BOOKING-0000000A");
            assertThat(details.get("professional_name").asString()).isEqualTo("Dra. María Pérez");
            assertThat(details.get("customer_name").asString()).isEqualTo("José Ñandú 😀");
            assertThat(rows(s, """
                    SELECT after->>'professional_name' FROM booking_log.booking_events WHERE event_id = 'legacy-LOG-0000000C'"""))
                    .containsExactly("Dr. Fantasma");

            // message times kept; the old gateway's id without + becomes the one the new gateway uses
            assertThat(rows(s, """
                    SELECT conversation_id, role, text, created_at FROM backend.message
                     WHERE conversation_id = 'whatsapp:+56959263366' ORDER BY id""")).containsExactly(
                    "whatsapp:+56959263366|user|hola|" + utc(Duration.ofDays(3).plusMinutes(4)),
                    "whatsapp:+56959263366|assistant|¡Hola! ¿Cómo te llamás?|" + utc(Duration.ofDays(3).plusMinutes(3)),
                    "whatsapp:+56959263366|user|Soy José Ñandú 😀|" + utc(Duration.ofDays(3).plusMinutes(2)),
                    "whatsapp:+56959263366|assistant|Gracias José, tu turno quedó reservado ✅|"
                            + utc(Duration.ofDays(3).plusMinutes(1)));
            assertThat(rows(s, """
                    SELECT id, channel, customer_id, customer_name, created_at, updated_at FROM backend.conversation
                     ORDER BY id""")).containsExactly(
                    "web-7f3a|web|null|null|" + NOW + "|" + NOW,
                    "whatsapp:+5491155550001|whatsapp|+5491155550001|Ana Gómez|" + utc(Duration.ofDays(2)) + "|"
                            + utc(Duration.ofDays(2)),
                    "whatsapp:+56959263366|whatsapp|+56959263366|José Ñandú 😀|" + utc(Duration.ofDays(3).plusMinutes(4))
                            + "|" + utc(Duration.ofDays(3).plusMinutes(1)));

            // memory unwrapped from slots; customer_name under the key the assistant reads; TTL from updated_at
            assertThat(rows(s, "SELECT customer_id, key, value, expires_at FROM backend.customer_memory ORDER BY 1, 2"))
                    .containsExactly(
                            "+5491155550001|name|Ana Gómez|" + utc(Duration.ofDays(2).minusDays(90)),
                            "+5491155550002|name|Bruno Díaz|" + utc(Duration.ofDays(3).minusDays(90)),
                            "+56959263366|last_order_id|A-1|" + utc(Duration.ofDays(3).minusDays(90)),
                            "+56959263366|name|José Ñandú 😀|" + utc(Duration.ofDays(3).minusDays(90)));

            assertThat(rows(s, "SELECT id, name, time_zone FROM backend.project")).containsExactly(
                    TENANT + "|Clínica Sur|" + ZONE);
            JsonNode flow = JSON.readTree(rows(s, "SELECT settings->'flow' FROM backend.project").getFirst());
            assertThat(flow.get("greeting").asString()).startsWith("Hola, soy el asistente de Clínica Sur 🦷");
            assertThat(flow.get("system_prompt").asString()).isEqualTo("Sos el asistente de reservas de Clínica Sur.");
            assertThat(flow.get("required_fields").toString()).isEqualTo("[\"name\"]");
            assertThat(flow.at("/activation_codes/FLOW_RESERVA_INIT").asString()).isEqualTo("book");
            assertThat(flow.at("/activation_codes/MENU_INIT").asString()).isEqualTo("menu");
            assertThat(rows(s, "SELECT changed_by FROM backend.project_settings_version ORDER BY id"))
                    .containsExactly("legacy-migration", "legacy-migration");
        }
    }

    @Test
    void rowsStillInAnUncheckpointedWriteAheadLogAreRead() throws Exception {
        Path live = Files.createDirectory(dir.resolve("live"));
        LegacyInstallation.create(live, NOW);
        // the old backend still running: its last conversation sits in the -wal, not yet in the database file
        try (Connection writer = DriverManager.getConnection("jdbc:sqlite:" + live.resolve("ai_assistants.sqlite3"));
                Statement s = writer.createStatement()) {
            s.execute("PRAGMA wal_autocheckpoint=0");
            s.executeUpdate("""
                    INSERT INTO conversations (conversation_id, state_json) VALUES ('whatsapp:5491199999999',
                    '{"conversation_id": "whatsapp:5491199999999", "messages": [{"role": "user", "text": "último", "created_at_iso": "2026-01-01T10:00:00+00:00"}]}')""");
            assertThat(Files.size(live.resolve("ai_assistants.sqlite3-wal"))).isPositive();
            Map<String, String> before = fingerprint(live);

            TestPostgres.Database db = TestPostgres.createDatabase("legacy_migration_wal");
            Run run = run(List.of("--sqlite", live.toString(), "--database-url", url(db), "--tenant", TENANT,
                    "--map-project", "dev=" + TENANT, "--zone", ZONE, "--default-professional", "PROF-AAAA0001",
                    "--prepare-target", "--dry-run"), Map.of());
            assertThat(run.exit()).as(run.stderr()).isZero();
            JsonNode report = JSON.readTree(run.stdout());
            assertThat(report.at("/tables/backend.conversation/inserted").asInt()).isEqualTo(4);
            assertThat(report.get("sources").toString()).contains("\"opened\":\"snapshot\"");
            assertThat(run.stderr()).contains("migrate: backend.conversation");
            assertThat(fingerprint(live)).as("the live files are not touched").isEqualTo(before);
        }
    }

    @Test
    void anUnpreparedTargetIsRefusedAndBadUsageExitsWithTwo() {
        TestPostgres.Database empty = TestPostgres.createDatabase("legacy_migration_empty");
        Run unprepared = run(List.of("--sqlite", dir.toString(), "--database-url", url(empty), "--tenant", TENANT),
                Map.of());
        assertThat(unprepared.exit()).isEqualTo(3);
        assertThat(unprepared.stderr()).contains("lacks professionals.areas").contains("--prepare-target");
        assertThat(unprepared.stdout()).isEmpty();

        Run missingSqlite = run(List.of("--database-url", "postgres://u:p@localhost/db"), Map.of());
        assertThat(missingSqlite.exit()).isEqualTo(2);
        assertThat(missingSqlite.stderr()).contains("--sqlite is required");
        Run badZone = run(List.of("--sqlite", "x.db", "--zone", "Mars/Olympus"), Map.of("DATABASE_URL", "postgres://h/db"));
        assertThat(badZone.exit()).isEqualTo(2);
        assertThat(badZone.stderr()).contains("unknown time zone 'Mars/Olympus'");
        Run prepareWithoutZone = run(List.of("--sqlite", "x.db", "--tenant", TENANT, "--prepare-target"),
                Map.of("DATABASE_URL", "postgres://h/db"));
        assertThat(prepareWithoutZone.exit()).isEqualTo(2);
        assertThat(prepareWithoutZone.stderr()).contains("--prepare-target needs --tenant and --zone");
        Run badMap = run(List.of("--sqlite", "x.db", "--map-project", "dev"), Map.of("DATABASE_URL", "postgres://h/db"));
        assertThat(badMap.exit()).isEqualTo(2);
        Run noDatabase = run(List.of("--sqlite", "x.db"), Map.of());
        assertThat(noDatabase.stderr()).contains("DATABASE_URL");
        assertThat(noDatabase.exit()).isEqualTo(2);
    }

    // ---- helpers ----

    record Run(int exit, String stdout, String stderr) {
    }

    /** The documented command line of a cut-over, against {@code db}, plus {@code extra}. */
    static List<String> cutOverArgs(Path oldDir, TestPostgres.Database db) {
        return new ArrayList<>(List.of("--sqlite", oldDir.toString(), "--database-url", url(db), "--tenant", TENANT,
                "--project-name", "Clínica Sur", "--map-project", "dev=" + TENANT, "--zone", ZONE,
                "--default-professional", "PROF-AAAA0001", "--prepare-target"));
    }

    /** The target as an ops engineer passes it: postgres://user:password@host:port/db. */
    static String url(TestPostgres.Database db) {
        return "postgres://" + db.username() + ":" + db.password() + "@"
                + db.jdbcUrl().substring("jdbc:postgresql://".length());
    }

    private static JsonNode migrateOk(TestPostgres.Database db, String... extra) {
        List<String> args = cutOverArgs(dir, db);
        args.addAll(List.of(extra));
        Run run = run(args, Map.of());
        assertThat(run.exit()).as(run.stderr()).isZero();
        JsonNode report = JSON.readTree(run.stdout());
        report.get("tables").properties().forEach(entry -> {
            JsonNode t = entry.getValue();
            assertThat(t.get("read").asInt()).as(entry.getKey() + ": every row read is accounted for once")
                    .isEqualTo(t.get("inserted").asInt() + t.get("skipped_existing").asInt() + t.get("rejected").asInt());
        });
        return report;
    }

    static Run run(List<String> args, Map<String, String> env) {
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
        for (JsonNode r : report.get("tables").get(table).get("rejections")) {
            reasons.put(r.get("legacy_id").isNull() ? "?" : r.get("legacy_id").asString(), r.get("reason").asString());
        }
        return reasons;
    }

    /** File name → SHA-256 of its bytes, for every file in {@code directory}. */
    static Map<String, String> fingerprint(Path directory) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(directory)) {
            for (Path file : list.filter(Files::isRegularFile).toList()) {
                files.put(file.getFileName().toString(), HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return files;
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

    /** Each row as its columns joined by |, timestamps in UTC ISO form. */
    private static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    Object value = "timestamptz".equals(rs.getMetaData().getColumnTypeName(i))
                            ? rs.getObject(i, OffsetDateTime.class) : rs.getObject(i);
                    values.add(switch (value) {
                        case OffsetDateTime t -> t.toInstant().toString();
                        case Boolean b -> b ? "t" : "f";
                        case null -> "null";
                        default -> value.toString();
                    });
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }

    /** The UTC text of the old isoformat() written {@code ago} before now (microseconds, as the old code). */
    private static String utc(Duration ago) {
        return NOW.minus(ago).toString();
    }

    private static Connection connect(TestPostgres.Database db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
    }
}
