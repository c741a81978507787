package com.aiassistants.backend.orders;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
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
import org.springframework.beans.factory.annotation.Autowired;

import com.aiassistants.backend.BackendTestBase;
import com.aiassistants.backend.assistant.AssistantReply;
import com.aiassistants.backend.assistant.AssistantTurn;
import com.aiassistants.backend.assistant.DeterministicAssistant;
import com.aiassistants.backend.tenant.AdminUsers;
import com.aiassistants.backend.tenant.Projects;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import tools.jackson.databind.JsonNode;

/**
 * The orders and claims hook against a hook server on the wire (WireMock): it accepts a request only when
 * {@code X-Hook-Signature} is base64(HMAC-SHA256(secret, X-Hook-Timestamp + "." + raw body)) — computed here,
 * independently of the service's own signing — and answers 401 otherwise, as backend-api's README tells shops to.
 * The real {@link DeterministicAssistant} answers the patient's messages; claims land in PostgreSQL and in the
 * console's API, per project. Timeouts and retries come from the test properties of {@link BackendTestBase}
 * ({@code orders.timeout=1s}, 2 retries). {@code AgentOrdersTest} checks its hook's signatures with {@link #signed}.
 */
public class OrderHookTest extends BackendTestBase {

    static final WireMockServer HOOK = new WireMockServer(wireMockConfig().dynamicPort());
    static final String CUSTOMER = "+5491155550123";
    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @Autowired
    DeterministicAssistant deterministic;

    @Autowired
    Projects projects;

    @BeforeAll
    static void startHook() throws Exception {
        HOOK.start();
        // the first request a fresh server answers can take longer than the test's 1 s hook timeout on a busy machine
        HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + HOOK.port() + "/warm-up"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
    }

    @AfterAll
    static void stopHook() {
        HOOK.stop();
    }

    /** A hook path of its own per test, signed with {@code secret}, answering {@code action} with {@code answer}. */
    static void answer(String path, String secret, String action, String answer) {
        HOOK.stubFor(signed(post(urlEqualTo(path)).withHeader("Content-Type", com.github.tomakehurst.wiremock.client.WireMock.containing("application/json"))
                .withRequestBody(matchingJsonPath("$.action", com.github.tomakehurst.wiremock.client.WireMock.equalTo(action))), secret)
                .atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(answer)));
        HOOK.stubFor(post(urlEqualTo(path)).atPriority(10)
                .willReturn(aResponse().withStatus(401).withBody("{\"ok\":false,\"error\":\"bad signature\"}")));
    }

    public static MappingBuilder signed(MappingBuilder mapping, String secret) {
        return mapping.andMatching((Request request) -> MatchResult.of(signatureValid(secret,
                request.getHeader("X-Hook-Timestamp"), request.getBody(), request.getHeader("X-Hook-Signature"))));
    }

    /** The documented scheme, computed here. */
    public static boolean signatureValid(String secret, String timestamp, byte[] body, String signature) {
        if (timestamp == null || signature == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signedText = (timestamp + "." + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            String expected = Base64.getEncoder().encodeToString(mac.doFinal(signedText));
            return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String hookUrl(String path) {
        return "http://localhost:" + HOOK.port() + path;
    }

    void configure(TestProject project, String path, String secret) {
        Response saved = send("PUT", "/v1/admin/projects/" + project.id() + "/order-hook", bearer(project.ownerToken()),
                json(Map.of("url", hookUrl(path), "secret", secret)));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    /** A conversation with the real deterministic assistant, as the channel layer runs it (state carried over). */
    final class Chat {
        final TestProject project;
        final String customer;
        String state;

        Chat(TestProject project, String customer) {
            this.project = project;
            this.customer = customer;
        }

        String say(String text) {
            AssistantReply reply = deterministic.reply(new AssistantTurn(projects.require(project.id()).profile(),
                    "whatsapp:" + customer, customer, "Ana", "whatsapp", text, null, state, Map.of(), List.of(), NOW));
            state = reply.state();
            return reply.text();
        }
    }

    static List<LoggedRequest> requests(String path) {
        return HOOK.findAll(postRequestedFor(urlEqualTo(path)));
    }

    @Test
    void anOrderQuestionIsAnsweredFromTheSignedHook() {
        TestProject project = newProject();
        String secret = "hook-secret-" + UUID.randomUUID();
        String path = "/hook/" + project.id();
        configure(project, path, secret);
        answer(path, secret, "get_order", """
                {"ok": true, "order": {"id": "1234", "status": "En camino", "placed_at": "2026-12-01",
                 "total": 45000, "currency": "ARS", "items": [{"name": "Zapatillas Runner", "quantity": 1}],
                 "shipment": {"status": "en tránsito", "carrier": "Andreani", "tracking_number": "AND-998877",
                              "estimated_delivery": "2026-12-09"}}, "extra_field": "ignored"}""");
        answer(path, secret, "track_shipment", """
                {"ok": true, "shipment": {"status": "en tránsito", "carrier": "Andreani", "tracking_number": "AND-998877",
                 "tracking_url": "https://tracking.example/AND-998877", "estimated_delivery": "2026-12-09"}}""");
        answer(path, secret, "list_orders", """
                {"ok": true, "orders": [{"id": "1234", "status": "En camino", "placed_at": "2026-12-01"},
                                        {"id": "1100", "status": "Entregado", "placed_at": "2026-11-10"}]}""");

        Chat chat = new Chat(project, CUSTOMER);
        String status = chat.say("hola, me decís el estado del pedido 1234?");
        assertThat(status).contains("Pedido 1234", "Estado: En camino", "1 × Zapatillas Runner", "Total: $45.000",
                "Andreani", "AND-998877");
        String where = chat.say("donde esta mi pedido 1234");
        assertThat(where).contains("Pedido 1234", "en tránsito", "Seguilo acá: https://tracking.example/AND-998877");
        String bought = chat.say("¿qué compré?");
        assertThat(bought).contains("Tus últimas compras", "*1234*", "*1100*", "Entregado");

        List<LoggedRequest> sent = requests(path);
        assertThat(sent).hasSize(3);
        List<String> actions = new ArrayList<>();
        for (LoggedRequest request : sent) {
            assertThat(signatureValid(secret, request.getHeader("X-Hook-Timestamp"), request.getBody(),
                    request.getHeader("X-Hook-Signature"))).isTrue();
            assertThat(Math.abs(Long.parseLong(request.getHeader("X-Hook-Timestamp")) - Instant.now().getEpochSecond()))
                    .isLessThan(300);
            JsonNode body = JSON.readTree(request.getBodyAsString());
            actions.add(body.get("action").asString());
            assertThat(body.at("/payload/customer/id").asString()).isEqualTo(CUSTOMER);
            assertThat(body.at("/payload/customer/phone").asString()).isEqualTo(CUSTOMER);
        }
        assertThat(actions).containsExactly("get_order", "track_shipment", "list_orders");
        assertThat(JSON.readTree(sent.get(0).getBodyAsString()).at("/payload/order_id").asString()).isEqualTo("1234");
    }

    @Test
    void aClaimIsAskedForConfirmedCreatedAndListedOnlyInItsProject() {
        TestProject project = newProject();
        String secret = "hook-secret-" + UUID.randomUUID();
        String path = "/hook/" + project.id();
        configure(project, path, secret);
        answer(path, secret, "create_claim", """
                {"ok": true, "claim": {"id": "CL-77", "status": "abierto", "order_id": "1234"}}""");

        Chat chat = new Chat(project, CUSTOMER);
        assertThat(chat.say("quiero hacer un reclamo")).contains("número de pedido");
        assertThat(chat.say("es el 1234")).contains("qué pasó con el pedido *1234*");
        // the claim in the customer's words: "cancelar" or "turno" here are not requests of their own
        String description = "Las zapatillas llegaron rotas, quiero cancelar y que me devuelvan la plata";
        assertThat(chat.say(description)).contains("por el pedido *1234*", description, "¿Lo confirmo?");
        assertThat(requests(path)).isEmpty();
        assertThat(chat.say("sí")).contains("registré tu reclamo *CL-77*", "abierto");

        JsonNode sent = JSON.readTree(requests(path).getFirst().getBodyAsString());
        assertThat(sent.get("action").asString()).isEqualTo("create_claim");
        assertThat(sent.at("/payload/order_id").asString()).isEqualTo("1234");
        assertThat(sent.at("/payload/description").asString()).isEqualTo(description);

        Response listed = send("GET", "/v1/admin/customers/" + CUSTOMER + "/claims", bearer(project.ownerToken()), null);
        assertThat(listed.status()).isEqualTo(200);
        JsonNode claims = listed.json().get("claims");
        assertThat(claims).hasSize(1);
        assertThat(claims.get(0).get("hook_claim_id").asString()).isEqualTo("CL-77");
        assertThat(claims.get(0).get("status").asString()).isEqualTo("abierto");
        assertThat(claims.get(0).get("order_id").asString()).isEqualTo("1234");
        assertThat(claims.get(0).get("description").asString()).isEqualTo(description);

        // another project, the same phone number: none of these claims, and no way to ask for the first project's
        TestProject other = newProject();
        Response elsewhere = send("GET", "/v1/admin/customers/" + CUSTOMER + "/claims", bearer(other.ownerToken()), null);
        assertThat(elsewhere.status()).isEqualTo(200);
        assertThat(elsewhere.json().get("claims")).isEmpty();
        Map<String, String> crossing = new java.util.HashMap<>(bearer(other.ownerToken()));
        crossing.put("X-Project-Id", project.id());
        Response crossed = send("GET", "/v1/admin/customers/" + CUSTOMER + "/claims", crossing, null);
        assertThat(crossed.status() == 403 || (crossed.status() == 200 && crossed.json().get("claims").isEmpty()))
                .as(crossed.toString()).isTrue();
        assertThat(jdbc.sql("select count(*) from claim where project_id = ?").param(other.id()).query(Long.class).single())
                .isZero();
    }

    @Test
    void aHookThatRefusesTheSignatureGetsAPoliteAnswerAndNoRetry() {
        TestProject project = newProject();
        String path = "/hook/" + project.id();
        answer(path, "the-secret-the-shop-has-0001", "get_order", "{\"ok\": true, \"order\": {\"id\": \"1\"}}");
        configure(project, path, "a-different-secret-00000001");

        String reply = new Chat(project, CUSTOMER).say("estado del pedido 1234");
        assertThat(reply).contains("no pude consultar tus pedidos").doesNotContain("Pedido 1234");
        assertThat(requests(path)).hasSize(1);
    }

    @Test
    void aFailingHookIsRetriedThenAnsweredPolitely() {
        TestProject project = newProject();
        String path = "/hook/" + project.id();
        configure(project, path, "hook-secret-5xx-000000001");
        HOOK.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(503)));

        String reply = new Chat(project, CUSTOMER).say("where is my order #1234");
        assertThat(reply).contains("couldn't check your orders");
        assertThat(requests(path)).hasSize(3); // the first attempt and orders.retries = 2
    }

    @Test
    void aHookThatDoesNotAnswerInTimeIsGivenUpOnPolitely() {
        TestProject project = newProject();
        String path = "/hook/" + project.id();
        configure(project, path, "hook-secret-slow-00000001");
        HOOK.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withFixedDelay(3_000)
                .withHeader("Content-Type", "application/json").withBody("{\"ok\": true, \"orders\": []}")));

        long started = System.nanoTime();
        String reply = new Chat(project, CUSTOMER).say("mis compras");
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(reply).contains("no pude consultar tus pedidos");
        assertThat(requests(path)).hasSize(3);
        assertThat(tookMillis).isLessThan(8_000); // 3 × 1 s plus backoff, not 3 × 3 s
    }

    @Test
    void withoutAHookTheAssistantSaysItCannotLookOrdersUp() {
        TestProject project = newProject();
        Chat chat = new Chat(project, CUSTOMER);
        assertThat(chat.say("¿dónde está mi pedido 1234?")).contains("todavía no puedo consultar pedidos");
        assertThat(chat.say("quiero hacer un reclamo")).contains("todavía no puedo consultar pedidos");
    }

    @Test
    void theSecretIsWriteOnlyAndTheUrlIsChecked() {
        TestProject project = newProject();
        String base = "/v1/admin/projects/" + project.id() + "/order-hook";
        Response noSecret = send("PUT", base, bearer(project.ownerToken()), json(Map.of("url", hookUrl("/h"))));
        assertThat(noSecret.status()).isEqualTo(400);
        assertThat(noSecret.body()).contains("secret");
        Response plainHttp = send("PUT", base, bearer(project.ownerToken()),
                json(Map.of("url", "http://shop.example.com/hook", "secret", "0123456789abcdef-secret")));
        assertThat(plainHttp.status()).isEqualTo(400);
        assertThat(plainHttp.body()).contains("https");

        String secret = "super-secret-value-" + UUID.randomUUID();
        configure(project, "/h", secret);
        Response view = send("GET", base, bearer(project.ownerToken()), null);
        assertThat(view.json().get("url").asString()).isEqualTo(hookUrl("/h"));
        assertThat(view.json().get("secret_set").asBoolean()).isTrue();
        for (String route : List.of(base, "/v1/admin/projects/" + project.id() + "/settings",
                "/v1/admin/projects/" + project.id() + "/settings/history")) {
            assertThat(send("GET", route, bearer(project.ownerToken()), null).body()).doesNotContain(secret);
        }
        // a later save without a secret keeps it; the settings PUT cannot change the hook
        Response moved = send("PUT", base, bearer(project.ownerToken()), json(Map.of("url", hookUrl("/h2"))));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("secret_set").asBoolean()).isTrue();
        JsonNode settings = send("GET", "/v1/admin/projects/" + project.id() + "/settings", bearer(project.ownerToken()),
                null).json();
        assertThat(settings.at("/settings/order_hook/url").asString()).isEqualTo(hookUrl("/h2"));

        String email = "staff@" + project.id() + ".test";
        ownerFactory.ensure(email, "staff-pass-123", AdminUsers.Role.STAFF, project.id(), false);
        String staff = login(email, "staff-pass-123");
        assertThat(send("GET", base, bearer(staff), null).status()).isEqualTo(403);
        assertThat(send("PUT", base, bearer(staff), json(Map.of("url", hookUrl("/x"), "secret", "0123456789abcdef-x")))
                .status()).isEqualTo(403);

        assertThat(send("DELETE", base, bearer(project.ownerToken()), null).status()).isEqualTo(204);
        assertThat(send("GET", base, bearer(project.ownerToken()), null).json().get("secret_set").asBoolean()).isFalse();
    }
}
