package com.aiassistants.backend;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Every {@code ai-assistants.backend.*} setting; the module README lists them with their defaults. */
@Validated
@ConfigurationProperties("ai-assistants.backend")
public record BackendProperties(
        @Valid @NotNull @DefaultValue Auth auth,
        @Valid @NotNull @DefaultValue Cors cors,
        @Valid @NotNull @DefaultValue Webhook webhook,
        @Valid @NotNull @DefaultValue Limits limits,
        @Valid @NotNull @DefaultValue Conversation conversation,
        @Valid @NotNull @DefaultValue Jobs jobs,
        @Valid @NotNull @DefaultValue Gateway gateway,
        @Valid @NotNull @DefaultValue Simulator simulator,
        @Valid @NotNull @DefaultValue Console console,
        @Valid @NotNull @DefaultValue Demo demo) {

    /**
     * @param jwtSecret     HS256 secret (≥ 32 chars) for console sessions and WebSocket tokens; no default: start-up
     *                      fails without one unless the {@code local} profile supplies a development secret
     * @param jwtIssuer     issuer written into and required from built-in tokens
     * @param sessionTtl    lifetime of a console session token
     * @param wsTokenTtl    lifetime of a WebSocket connect token
     * @param cognito       optional Cognito (or any OIDC) issuer whose RS256 tokens are also accepted
     * @param inviteTtl     how long a console user's set-password link works (built-in sign-in only)
     */
    public record Auth(@NotBlank(message = "is not set: give AI_ASSISTANTS_JWT_SECRET a random secret of at least 32 "
            + "characters (or run with --spring.profiles.active=local for a development default)") @Size(min = 32) String jwtSecret,
            @NotBlank @DefaultValue("ai-assistants-backend") String jwtIssuer,
            @NotNull @DefaultValue("8h") Duration sessionTtl,
            @NotNull @DefaultValue("60s") Duration wsTokenTtl,
            @Valid @NotNull @DefaultValue Cognito cognito,
            @NotNull @DefaultValue("7d") Duration inviteTtl) {
    }

    /**
     * @param issuerUri       e.g. {@code https://cognito-idp.<region>.amazonaws.com/<pool-id>}; empty disables
     * @param projectClaim    claim holding the user's project id
     * @param groupsClaim     claim holding the user's groups (role {@code owner|admin|staff}, or the superadmin group)
     * @param superadminGroup group name that makes a user superadmin
     * @param userPoolId      user pool where the console invites users (AdminCreateUser); default: the issuer's
     * @param region          the pool's region; default: the pool id's prefix
     * @param endpoint        Cognito API endpoint override (tests); default: the region's AWS endpoint
     * @param audiences       the app client ids whose tokens are accepted (an ID token's {@code aud}, an access
     *                        token's {@code client_id}); empty accepts any client of the issuer
     */
    public record Cognito(@DefaultValue("") String issuerUri,
            @NotBlank @DefaultValue("custom:project_id") String projectClaim,
            @NotBlank @DefaultValue("cognito:groups") String groupsClaim,
            @NotBlank @DefaultValue("superadmin") String superadminGroup,
            @DefaultValue("") String userPoolId,
            @DefaultValue("") String region,
            @DefaultValue("") String endpoint,
            @NotNull @DefaultValue({}) List<String> audiences) {

        public boolean enabled() {
            return issuerUri != null && !issuerUri.isBlank();
        }

        /**
         * Whether console users are managed in the user pool (AdminCreateUser…): a pool id is set. The pool id
         * and region default to the issuer's ({@code https://cognito-idp.<region>.amazonaws.com/<pool-id>}).
         */
        public boolean managesUsers() {
            return !poolId().isBlank();
        }

        public String poolId() {
            if (userPoolId != null && !userPoolId.isBlank()) {
                return userPoolId;
            }
            if (enabled() && issuerUri.contains("cognito-idp.")) {
                return issuerUri.substring(issuerUri.lastIndexOf('/') + 1);
            }
            return "";
        }

        public String poolRegion() {
            if (region != null && !region.isBlank()) {
                return region;
            }
            String id = poolId();
            return id.contains("_") ? id.substring(0, id.indexOf('_')) : "us-east-1";
        }
    }

    /** @param allowedOrigins browser origins allowed for CORS and WebSocket handshakes (none by default) */
    public record Cors(@NotNull @DefaultValue({}) List<String> allowedOrigins) {
    }

    /** @param maxDrift how far {@code X-Webhook-Timestamp} may be from now */
    public record Webhook(@NotNull @DefaultValue("300s") Duration maxDrift) {
    }

    /**
     * Defaults for projects that set no limits of their own.
     *
     * @param perApiKeyPerMinute requests per API key per minute
     * @param perPhonePerMinute  messages per end user (phone / customer id) per minute
     */
    public record Limits(@Min(1) @DefaultValue("1200") int perApiKeyPerMinute,
            @Min(1) @DefaultValue("30") int perPhonePerMinute) {
    }

    /**
     * @param historySize      messages of history handed to the assistant
     * @param memoryTtl        default customer-memory lifetime (a project may set its own)
     * @param duplicateWindow  how long processed message ids are remembered for dedupe
     * @param sandboxTtl       how long a console "try it" conversation lives after its last message
     */
    public record Conversation(@Min(0) @DefaultValue("20") int historySize,
            @NotNull @DefaultValue("90d") Duration memoryTtl,
            @NotNull @DefaultValue("7d") Duration duplicateWindow,
            @NotNull @DefaultValue("24h") Duration sandboxTtl) {
    }

    /**
     * @param enabled            run job and callback workers in this instance
     * @param workers            concurrent job workers per instance
     * @param pollInterval       how often idle workers look for jobs this instance was not told about (another
     *                           instance's, retries that fell due, a stopped instance's) and the callback sender for
     *                           due retries: one query each per interval, whatever the number of workers
     * @param lease              a running job whose lease expired (crashed instance) is taken again
     * @param maxAttempts        turn attempts before a job fails
     * @param callbackTimeout    timeout of one callback POST
     * @param callbackMaxAttempts callback attempts before giving up (4xx never retried)
     * @param callbackBackoff    first retry delay, doubled per attempt
     * @param callbackMaxBackoff cap of the retry delay
     * @param callbackAllowLocal allow {@code http} and loopback/private callback URLs (local development and tests
     *                           only; default false: https to public addresses only)
     */
    public record Jobs(@DefaultValue("true") boolean enabled,
            @Min(1) @DefaultValue("4") int workers,
            @NotNull @DefaultValue("1s") Duration pollInterval,
            @NotNull @DefaultValue("2m") Duration lease,
            @Min(1) @DefaultValue("3") int maxAttempts,
            @NotNull @DefaultValue("5s") Duration callbackTimeout,
            @Min(1) @DefaultValue("5") int callbackMaxAttempts,
            @NotNull @DefaultValue("1s") Duration callbackBackoff,
            @NotNull @DefaultValue("5m") Duration callbackMaxBackoff,
            @DefaultValue("false") boolean callbackAllowLocal) {
    }

    /**
     * @param url        base URL of the whatsapp-gateway (staff replies go to {@code POST {url}/admin/messages})
     * @param adminToken bearer token of the gateway admin endpoint
     * @param timeout    timeout per call
     * @param retries    retries after the first attempt (5xx and I/O errors only)
     */
    public record Gateway(@DefaultValue("http://127.0.0.1:8081") String url,
            @DefaultValue("") String adminToken,
            @NotNull @DefaultValue("5s") Duration timeout,
            @Min(0) @DefaultValue("2") int retries) {
    }

    /**
     * The console's phone page, played through the gateway's simulator provider.
     *
     * @param enabled        offer the phone page at all (the gateway must also run the simulator for the project)
     * @param gatewayUrl     the gateway's base URL for simulator calls; empty = {@code gateway.url}
     * @param gatewayTenants gateway tenant id per project id; a project not listed uses its own id
     * @param timeout        timeout per call to the gateway
     * @param retries        retries after the first attempt (5xx and I/O errors only)
     * @param statusTtl      how long the gateway's answer "is this project on the simulator" is reused
     */
    public record Simulator(@DefaultValue("true") boolean enabled,
            @DefaultValue("") String gatewayUrl,
            @NotNull @DefaultValue({}) java.util.Map<String, String> gatewayTenants,
            @NotNull @DefaultValue("3s") Duration timeout,
            @Min(0) @DefaultValue("2") int retries,
            @NotNull @DefaultValue("10s") Duration statusTtl) {

        public String gatewayTenant(String projectId) {
            return gatewayTenants.getOrDefault(projectId, projectId);
        }
    }

    /**
     * @param dir directory of the built console ({@code admin-frontend/dist}); empty = do not serve it
     */
    public record Console(@DefaultValue("") String dir) {

        public boolean enabled() {
            return dir != null && !dir.isBlank();
        }
    }

    /** Local demo seeding (project {@code demo}); never enable in a shared environment. */
    public record Demo(@DefaultValue("false") boolean enabled,
            @NotBlank @DefaultValue("demo-local-key-change-me") String apiKey,
            @NotBlank @DefaultValue("demo-local-webhook-secret") String webhookSecret,
            @NotBlank @DefaultValue("admin@demo.local") String adminEmail,
            @NotBlank @DefaultValue("demo1234") String adminPassword) {
    }
}
