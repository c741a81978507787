package com.aiassistants.infra.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiassistants.common.testsupport.ServiceProcess;
import com.aiassistants.common.testsupport.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cut-over as ops does it: an old installation's data directory migrated into an empty database
 * ({@code --prepare-target}, no service started before), then the new services started on it, and a
 * migrated WhatsApp patient (old id {@code whatsapp:56959263366}, no {@code +}) writes through
 * backend-api's gateway route, signed as whatsapp-gateway signs it: the assistant lists the patient's
 * migrated bookings at the times the old system had told them, and greets them by their remembered name.
 */
class LegacyCutOverEndToEndTest {

    private static final String TOKEN = "legacy-e2e-mcp-token-0123456789";
    private static final String API_KEY = "legacy-e2e-api-key-0123456789abcdef";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<ServiceProcess> services = new ArrayList<>();

    @TempDir
    static Path oldDir;
    static TestPostgres.Database db;
    static LegacyInstallation old;
    static ServiceProcess backend;
    static String webhookSecret;

    @BeforeAll
    static void migrateThenStartTheServices() throws Exception {
        db = TestPostgres.createDatabase("legacy_cutover");
        old = LegacyInstallation.create(oldDir, Instant.now());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = MigrateCommand.run(LegacyMigrationTest.cutOverArgs(oldDir, db), Map.of(), Clock.systemUTC(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(JSON.readTree(out.toString(StandardCharsets.UTF_8)).at("/tables/calendar.booking/inserted").asInt())
                .isEqualTo(5);

        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
            try (PreparedStatement key = c.prepareStatement(
                    "INSERT INTO backend.api_key (id, project_id, name, prefix, key_hash) VALUES (?, ?, 'gateway', ?, ?)")) {
                key.setObject(1, UUID.randomUUID());
                key.setString(2, LegacyInstallation.TENANT);
                key.setString(3, API_KEY.substring(0, 8));
                key.setBytes(4, MessageDigest.getInstance("SHA-256").digest(API_KEY.getBytes(StandardCharsets.UTF_8)));
                key.executeUpdate();
            }
            try (PreparedStatement secret = c.prepareStatement("SELECT webhook_secret FROM backend.project WHERE id = ?")) {
                secret.setString(1, LegacyInstallation.TENANT);
                ResultSet rs = secret.executeQuery();
                assertThat(rs.next()).isTrue();
                webhookSecret = rs.getString(1);
            }
        }

        Map<String, String> env = new java.util.HashMap<>(Map.of("AI_ASSISTANTS_MCP_TOKEN", TOKEN));
        ServiceProcess professionals = start("mcp-professionals", env);
        env.put("AI_ASSISTANTS_MCP_PROFESSIONALS_URL", professionals.baseUrl().toString());
        env.put("AI_ASSISTANTS_MCP_BOOKING_LOG_URL", "http://127.0.0.1:9"); // events wait in the calendar's outbox
        ServiceProcess calendar = start("mcp-calendar", env);
        env.put("AI_ASSISTANTS_MCP_CALENDAR_URL", calendar.baseUrl().toString());
        env.put("AI_ASSISTANTS_JWT_SECRET", "cut-over-jwt-secret-for-this-test-0123456789");
        backend = start("backend-api", env);
    }

    private static ServiceProcess start(String module, Map<String, String> env) {
        ServiceProcess service = ServiceProcess.start(module, db, Map.copyOf(env),
                List.of("--spring.datasource.hikari.maximum-pool-size=3"));
        services.add(service);
        return service;
    }

    @AfterAll
    static void stop() {
        services.reversed().forEach(ServiceProcess::close);
    }

    @Test
    void aMigratedPatientWritesOnWhatsAppAndTheAssistantKnowsTheirNameAndBookings() throws Exception {
        JsonNode mine = say("mis turnos");
        assertThat(mine.get("conversation_id").asString()).isEqualTo("whatsapp:+56959263366");
        String list = mine.get("response_text").asString();
        // the old calendar told the patient 09:00 (…T09:00:00Z) and 16:00: the same times, upcoming first
        assertThat(list).contains("Tus próximos turnos").contains("Turno con Dra. María Pérez")
                .contains("09:00").contains("16:00");
        assertThat(list.indexOf("09:00")).isLessThan(list.indexOf("16:00"));
        assertThat(list).doesNotContain("null");

        JsonNode hello = say("hola");
        assertThat(hello.get("response_text").asString()).contains("José Ñandú 😀");

        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                PreparedStatement s = c.prepareStatement(
                        "SELECT count(*) FROM backend.message WHERE conversation_id = 'whatsapp:+56959263366'")) {
            ResultSet rs = s.executeQuery();
            rs.next();
            assertThat(rs.getInt(1)).as("the new turns continue the migrated history").isGreaterThanOrEqualTo(4 + 4);
        }
    }

    /** One inbound message as whatsapp-gateway sends it (E.164 sender, signed body), and the reply. */
    private static JsonNode say(String text) throws Exception {
        String body = JSON.writeValueAsString(Map.of("message_id", "wamid." + UUID.randomUUID(),
                "from_number", "+56959263366", "text", text, "timestamp_iso", Instant.now().toString()));
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(webhookSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getEncoder().encodeToString(
                mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        backend.baseUrl().resolve("/v1/channels/whatsapp/gateway/inbound"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").header("X-API-Key", API_KEY)
                .header("X-Webhook-Timestamp", timestamp).header("X-Webhook-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
