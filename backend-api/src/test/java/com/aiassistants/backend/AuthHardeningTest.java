package com.aiassistants.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.BadJwtException;

import com.aiassistants.backend.tenant.Tokens;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Console authentication as an attacker tries it: forged and eternal tokens, removed users, guessing, reused socket tokens. */
class AuthHardeningTest extends BackendTestBase {

    @Autowired
    Environment environment;

    @Autowired
    Tokens tokens;

    private String sessionToken(String subject, Instant expires) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer("ai-assistants-backend").subject(subject)
                .issueTime(new Date()).claim("typ_use", "session").claim("role", "owner").claim("superadmin", true)
                .claim("email", "forged@example.com");
        if (expires != null) {
            claims.expirationTime(Date.from(expires));
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        jwt.sign(new MACSigner(environment.getProperty("ai-assistants.backend.auth.jwt-secret").getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private String superadminId() {
        return jdbc.sql("select id::text from admin_user where email = 'admin@demo.local'").query(String.class).single();
    }

    @Test
    void sessionTokensNeedAnExpiryAndAnExistingUser() throws Exception {
        String existing = superadminId();
        assertThat(send("GET", "/v1/admin/me", bearer(sessionToken(existing, Instant.now().plusSeconds(600))), null).status())
                .isEqualTo(200);
        assertThat(send("GET", "/v1/admin/me", bearer(sessionToken(existing, null)), null).status()).isEqualTo(401);
        Response ghost = send("GET", "/v1/admin/me", bearer(sessionToken(UUID.randomUUID().toString(),
                Instant.now().plusSeconds(600))), null);
        assertThat(ghost.status()).isEqualTo(401);
        assertThat(ghost.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
    }

    @Test
    void failedLoginsAreThrottledPerAccountWithA429() {
        String email = "victim-" + UUID.randomUUID().toString().substring(0, 8) + "@demo.local";
        ownerFactory.ensure(email, "right-pass-123", com.aiassistants.backend.tenant.AdminUsers.Role.OWNER, "demo", false);
        Response last = null;
        int unauthorized = 0;
        for (int i = 0; i < 15; i++) {
            last = send("POST", "/v1/admin/login", Map.of(), json(Map.of("email", email, "password", "guess-" + i)));
            if (last.status() == 401) {
                unauthorized++;
            }
        }
        assertThat(unauthorized).isEqualTo(10);
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(last.json().path("type").asString()).endsWith("/too-many-login-attempts");
        // the right password does not get through the throttle either
        assertThat(send("POST", "/v1/admin/login", Map.of(), json(Map.of("email", email, "password", "right-pass-123")))
                .status()).isEqualTo(429);
    }

    @Test
    void aWebSocketTokenOpensOneConnection() {
        TestProject project = newProject();
        String token = send("POST", "/v1/ws/tokens", key(project.apiKey()), json(Map.of("conversation_id", "once-1")))
                .text("token");
        assertThat(tokens.checkWebsocket(token).conversationId()).isEqualTo("once-1");
        assertThatThrownBy(() -> tokens.checkWebsocket(token)).isInstanceOf(BadJwtException.class)
                .hasMessageContaining("already used");
    }

    @Test
    void refusesToStartWithoutASecretOrWithTheLocalOneOutsideTheLocalProfile() {
        for (String secret : new String[] {"", "insecure-local-jwt-secret-change-me-0123456789"}) {
            assertThatThrownBy(() -> new SpringApplicationBuilder(BackendApplication.class).run("--server.port=0",
                    "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                    "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                    "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                    "--ai-assistants.backend.jobs.enabled=false",
                    "--ai-assistants.backend.auth.jwt-secret=" + secret).close())
                    .as(secret)
                    .satisfies(e -> assertThat(stackText(e)).contains("AI_ASSISTANTS_JWT_SECRET"));
        }
    }

    private static String stackText(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }
}
