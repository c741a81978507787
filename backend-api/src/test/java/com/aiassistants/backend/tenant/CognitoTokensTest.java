package com.aiassistants.backend.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.aiassistants.backend.BackendTestBase;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The console's sign-in as in AWS: RS256 ID tokens of a Cognito user pool, checked by discovery
 * ({@code /.well-known/openid-configuration}) and the pool's JWKS, both served here by a local OpenID Connect issuer.
 */
class CognitoTokensTest extends BackendTestBase {

    private static final String CLIENT_ID = "console-client-id";
    private static final RSAKey KEY = generate("pool-key-1");
    /** A key of nobody's pool: same kid, different key. */
    private static final RSAKey FORGED = generate("pool-key-1");
    private static final HttpServer ISSUER = start();

    @DynamicPropertySource
    static void cognito(DynamicPropertyRegistry registry) {
        registry.add("ai-assistants.backend.auth.cognito.issuer-uri", CognitoTokensTest::issuer);
        registry.add("ai-assistants.backend.auth.cognito.audiences", () -> CLIENT_ID);
    }

    @AfterAll
    static void stop() {
        ISSUER.stop(0);
    }

    @Test
    void aValidIdTokenSignsInWithItsProjectAndRole() {
        TestProject project = newProject();
        Response me = send("GET", "/v1/admin/me", bearer(token(project.id(), c -> {
        })), null);
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.text("project_id")).isEqualTo(project.id());
        assertThat(me.text("role")).isEqualTo("admin");
        assertThat(me.json().get("superadmin").asBoolean()).isFalse();
        assertThat(send("GET", "/v1/admin/conversations", bearer(token(project.id(), c -> {
        })), null).status()).isEqualTo(200);
    }

    @Test
    void expiredWrongIssuerWrongAudienceForgedAndProjectlessTokensAreRefused() {
        TestProject project = newProject();
        Map<String, String> refused = Map.of(
                "expired", token(project.id(), c -> c.issueTime(Date.from(Instant.now().minusSeconds(7200)))
                        .expirationTime(Date.from(Instant.now().minusSeconds(3600)))),
                "wrong issuer", token(project.id(), c -> c.issuer("https://cognito-idp.example.com/other-pool")),
                "wrong audience", token(project.id(), c -> c.audience("another-app-client")),
                "no exp", token(project.id(), c -> c.expirationTime(null)),
                "no project claim", token(project.id(), c -> c.claim("custom:project_id", null)),
                "no role group", token(project.id(), c -> c.claim("cognito:groups", List.of("readers"))),
                "forged", sign(FORGED, claims(project.id()).build()));
        refused.forEach((why, token) -> {
            Response response = send("GET", "/v1/admin/conversations", bearer(token), null);
            assertThat(response.status()).as(why + ": " + response.body()).isEqualTo(401);
            assertThat(response.body()).as(why).doesNotContain("Exception", "at com.", "at org.");
        });
    }

    @Test
    void aSuperadminGroupNeedsNoProjectClaim() {
        Response me = send("GET", "/v1/admin/me", bearer(token(null, c -> c.claim("cognito:groups", List.of("superadmin")))),
                null);
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().get("superadmin").asBoolean()).isTrue();
    }

    private static String token(String projectId, Consumer<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder claims = claims(projectId);
        change.accept(claims);
        return sign(KEY, claims.build());
    }

    /** What a Cognito ID token of the console's app client carries. */
    private static JWTClaimsSet.Builder claims(String projectId) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer()).subject(UUID.randomUUID().toString()).audience(CLIENT_ID)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600)))
                .claim("token_use", "id").claim("email", "someone@clinic.test")
                .claim("cognito:groups", List.of("admin")).claim("custom:project_id", projectId);
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String issuer() {
        return "http://127.0.0.1:" + ISSUER.getAddress().getPort() + "/eu-west-1_TestPool";
    }

    private static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The two documents a user pool publishes: discovery and its public keys. */
    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/eu-west-1_TestPool/.well-known/openid-configuration", exchange -> reply(exchange,
                    JSON.writeValueAsString(Map.of("issuer", issuer(), "jwks_uri", issuer() + "/.well-known/jwks.json",
                            "authorization_endpoint", issuer() + "/oauth2/authorize", "token_endpoint",
                            issuer() + "/oauth2/token", "response_types_supported", List.of("code"),
                            "subject_types_supported", List.of("public"),
                            "id_token_signing_alg_values_supported", List.of("RS256")))));
            server.createContext("/eu-west-1_TestPool/.well-known/jwks.json",
                    exchange -> reply(exchange, new JWKSet(KEY.toPublicJWK()).toString()));
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void reply(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
