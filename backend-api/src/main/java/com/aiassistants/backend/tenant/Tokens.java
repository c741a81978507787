package com.aiassistants.backend.tenant;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

import com.aiassistants.backend.BackendProperties;
import com.aiassistants.backend.tenant.AdminUsers.AdminUser;
import com.aiassistants.backend.tenant.AdminUsers.Role;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jwt.JWTParser;

/**
 * Issues and checks JWTs: HS256 console sessions ({@code typ=session}) and WebSocket connect
 * tokens ({@code typ=ws}) signed with {@code ai-assistants.backend.auth.jwt-secret}, plus RS256
 * tokens of the configured Cognito issuer for console users in AWS.
 */
@Component
public class Tokens {

    private static final String TYPE = "typ_use";

    private final BackendProperties.Auth auth;
    private final NimbusJwtEncoder encoder;
    private final JwtDecoder sessionDecoder;
    private final JwtDecoder wsDecoder;
    private final JwtDecoder cognitoDecoder;
    private final UsedTokens usedWsTokens;
    private final AdminUsers users;
    /**
     * Users seen active, as stored, until when ({@link System#nanoTime()}): a removed or deactivated user's session
     * ends, and a changed role applies, within {@link #USER_CHECK_TTL} on other instances (at once on the instance
     * that made the change, through {@link #forget}).
     */
    private final java.util.Map<UUID, KnownUser> knownUsers = new java.util.concurrent.ConcurrentHashMap<>();

    private record KnownUser(AdminUser user, long until) {
    }

    static final Duration USER_CHECK_TTL = Duration.ofSeconds(30);

    /** The development secret of application-local.yml: refused unless the local profile is on. */
    static final String LOCAL_SECRET = "insecure-local-jwt-secret-change-me-0123456789";

    public Tokens(BackendProperties properties, org.springframework.core.env.Environment environment,
            UsedTokens usedWsTokens, AdminUsers users) {
        this.auth = properties.auth();
        this.users = users;
        this.usedWsTokens = usedWsTokens;
        if (LOCAL_SECRET.equals(auth.jwtSecret()) && !environment.matchesProfiles("local")) {
            throw new IllegalStateException("ai-assistants.backend.auth.jwt-secret is the local development secret "
                    + "but the local profile is off: set AI_ASSISTANTS_JWT_SECRET to a random secret of at least 32 characters");
        }
        SecretKey key = new SecretKeySpec(auth.jwtSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        this.sessionDecoder = hmacDecoder(key, "session", Duration.ofSeconds(30));
        this.wsDecoder = hmacDecoder(key, "ws", WS_CLOCK_SKEW);
        BackendProperties.Cognito cognito = auth.cognito();
        this.cognitoDecoder = cognito.enabled()
                ? new SupplierJwtDecoder(() -> {
                    NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(cognito.issuerUri()).build();
                    decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                            JwtValidators.createDefaultWithIssuer(cognito.issuerUri()), REQUIRES_EXPIRY,
                            audienceCheck(cognito.audiences())));
                    return decoder;
                })
                : null;
    }

    private NimbusJwtDecoder hmacDecoder(SecretKey key, String use, Duration clockSkew) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        OAuth2TokenValidator<Jwt> typeCheck = jwt -> use.equals(jwt.getClaimAsString(TYPE))
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "wrong token use", null));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(clockSkew),
                new JwtIssuerValidator(auth.jwtIssuer()), REQUIRES_EXPIRY, typeCheck));
        return decoder;
    }

    /** A token without {@code exp} would never expire: refused (the timestamp validator alone lets it pass). */
    static final OAuth2TokenValidator<Jwt> REQUIRES_EXPIRY = jwt -> jwt.getExpiresAt() != null
            ? OAuth2TokenValidatorResult.success()
            : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "the token has no exp claim", null));

    /** An ID token's {@code aud} or an access token's {@code client_id} must be a configured client (none: any). */
    static OAuth2TokenValidator<Jwt> audienceCheck(List<String> audiences) {
        return jwt -> {
            if (audiences.isEmpty()) {
                return OAuth2TokenValidatorResult.success();
            }
            List<String> presented = new ArrayList<>(jwt.getAudience() == null ? List.of() : jwt.getAudience());
            String clientId = jwt.getClaimAsString("client_id");
            if (clientId != null) {
                presented.add(clientId);
            }
            return presented.stream().anyMatch(audiences::contains)
                    ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "the token is for another client", null));
        };
    }

    /** Clock skew tolerated on WebSocket tokens (they live {@code ws-token-ttl}, 60 s by default). */
    static final Duration WS_CLOCK_SKEW = Duration.ofSeconds(5);

    public record Issued(String token, long expiresIn) {
    }

    /**
     * Session and WebSocket tokens carry the real time, not the service's {@link java.time.Clock}: Spring Security's
     * decoders check {@code iat}/{@code exp} against the system clock, and a clock started elsewhere (demos, golden
     * dialogues) would make every token already expired or not yet valid.
     */
    public Issued session(AdminUser user) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer(auth.jwtIssuer()).subject(user.id().toString())
                .issuedAt(now).expiresAt(now.plus(auth.sessionTtl())).claim(TYPE, "session")
                .claim("email", user.email()).claim("role", user.role().name().toLowerCase(Locale.ROOT))
                .claim("superadmin", user.superadmin());
        if (user.projectId() != null) {
            claims.claim("project_id", user.projectId());
        }
        return new Issued(encode(claims.build()), auth.sessionTtl().toSeconds());
    }

    /** A connect token for one conversation (or, when {@code conversationId} is null, every conversation of the project). */
    public Issued websocket(Caller caller, String conversationId, String customerId) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer(auth.jwtIssuer()).subject(caller.subject())
                .issuedAt(now).expiresAt(now.plus(auth.wsTokenTtl())).claim(TYPE, "ws")
                .claim("project_id", caller.projectId()).claim("kind", caller.kind().name())
                .id(UUID.randomUUID().toString());
        if (conversationId != null) {
            claims.claim("conversation_id", conversationId);
        }
        if (customerId != null) {
            claims.claim("customer_id", customerId);
        }
        return new Issued(encode(claims.build()), auth.wsTokenTtl().toSeconds());
    }

    public record WsGrant(String projectId, String conversationId, String customerId, Caller.Kind kind) {
    }

    /** Checks a WebSocket connect token; throws {@link BadJwtException} when it is not valid. */
    public WsGrant checkWebsocket(String token) {
        Jwt jwt = wsDecoder.decode(token);
        if (jwt.getId() == null || !usedWsTokens.firstUse(jwt.getId(), auth.wsTokenTtl().plus(WS_CLOCK_SKEW))) {
            throw new BadJwtException("this WebSocket token was already used; ask for a new one per connection");
        }
        return new WsGrant(jwt.getClaimAsString("project_id"), jwt.getClaimAsString("conversation_id"),
                jwt.getClaimAsString("customer_id"), Caller.Kind.valueOf(jwt.getClaimAsString("kind")));
    }

    private String encode(JwtClaimsSet claims) {
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }

    /** Decoder for {@code Authorization: Bearer}: built-in sessions, or Cognito when configured. */
    public JwtDecoder bearerDecoder() {
        return token -> {
            String algorithm;
            try {
                algorithm = JWTParser.parse(token).getHeader().getAlgorithm().getName();
            } catch (ParseException | RuntimeException e) {
                throw new BadJwtException("malformed token");
            }
            if ("HS256".equals(algorithm)) {
                return sessionDecoder.decode(token);
            }
            if (cognitoDecoder == null) {
                throw new BadJwtException("unsupported token");
            }
            return cognitoDecoder.decode(token);
        };
    }

    /** Maps a verified bearer JWT to a console {@link Caller}. */
    public CallerAuthentication toCaller(Jwt jwt) {
        if ("session".equals(jwt.getClaimAsString(TYPE))) {
            // role, project and superadmin as stored now, not as when the token was issued
            AdminUser user = requireExistingUser(jwt.getSubject());
            return new CallerAuthentication(new Caller(Caller.Kind.ADMIN, user.projectId(), null,
                    "user:" + jwt.getSubject(), user.role(), user.superadmin()), user.email());
        }
        BackendProperties.Cognito cognito = auth.cognito();
        List<String> groups = groups(jwt.getClaim(cognito.groupsClaim()));
        boolean superadmin = groups.contains(cognito.superadminGroup());
        Role role = groups.stream().map(g -> g.toUpperCase(Locale.ROOT))
                .filter(g -> g.equals("OWNER") || g.equals("ADMIN") || g.equals("STAFF"))
                .map(Role::valueOf).min(Enum::compareTo).orElse(superadmin ? Role.OWNER : null);
        if (role == null) {
            throw new InvalidBearerTokenException("token carries no role group");
        }
        if (users.deactivated(jwt.getClaimAsString("email"))) {
            throw new InvalidBearerTokenException("this console user was deactivated");
        }
        String projectId = jwt.getClaimAsString(cognito.projectClaim());
        if (!superadmin && (projectId == null || projectId.isBlank())) {
            // a user of no project must not become a caller whose project is picked later
            throw new InvalidBearerTokenException("token carries no " + cognito.projectClaim() + " claim");
        }
        return new CallerAuthentication(new Caller(Caller.Kind.ADMIN, projectId, null,
                "cognito:" + jwt.getSubject(), role, superadmin), jwt.getClaimAsString("email"));
    }

    /** Drops what this instance remembers of a user whose role or status just changed. */
    public void forget(UUID userId) {
        knownUsers.remove(userId);
    }

    private AdminUser requireExistingUser(String subject) {
        UUID id;
        try {
            id = UUID.fromString(subject);
        } catch (RuntimeException e) {
            throw new InvalidBearerTokenException("malformed subject");
        }
        long now = System.nanoTime();
        KnownUser known = knownUsers.get(id);
        if (known != null && known.until() - now > 0) {
            return known.user();
        }
        AdminUser user = users.active(id).orElse(null);
        if (user == null) {
            knownUsers.remove(id);
            throw new InvalidBearerTokenException("this console user no longer exists or was deactivated");
        }
        if (knownUsers.size() > 10_000) {
            knownUsers.clear();
        }
        knownUsers.put(id, new KnownUser(user, now + USER_CHECK_TTL.toNanos()));
        return user;
    }

    private static List<String> groups(Object claim) {
        List<String> groups = new ArrayList<>();
        if (claim instanceof Collection<?> values) {
            values.forEach(v -> groups.add(String.valueOf(v)));
        } else if (claim instanceof String value) {
            groups.add(value);
        }
        return groups;
    }
}
