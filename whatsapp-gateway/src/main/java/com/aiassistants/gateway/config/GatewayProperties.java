package com.aiassistants.gateway.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import com.aiassistants.gateway.ops.FaultInjection;
import com.aiassistants.gateway.provider.ProviderType;

/**
 * Everything the gateway can be told, under {@code ai-assistants.gateway}. Every property is listed
 * with its default in the module README.
 */
@Validated
@ConfigurationProperties("ai-assistants.gateway")
public record GatewayProperties(
        /* Bearer token for /admin/**; blank disables the admin API (every call answers 403). */
        String adminToken,
        /* Tenant used when a caller (simulator, admin send) names none. */
        @DefaultValue("default") @NotBlank String defaultTenant,
        /* One entry per tenant (= one WhatsApp number). */
        Map<String, @Valid Tenant> tenants,
        @DefaultValue @Valid Lease lease,
        @DefaultValue @Valid Workers workers,
        @DefaultValue @Valid Cloud cloud,
        @DefaultValue @Valid Web web,
        @DefaultValue @Valid Simulator simulator,
        /* Polite answer to images, audio, stickers... (they are not forwarded to the assistant). */
        @DefaultValue("Sorry, I can only read text messages for now. Please write your request.") String mediaReplyText,
        /* What a button/list reply is forwarded as in the backend's `text`: the reply id or its visible title. */
        @DefaultValue("id") InteractiveReplyAs interactiveReplyAs,
        /* Test-only crash points (the process halts like kill -9 when one is reached). Empty in production. */
        @DefaultValue Set<FaultInjection.Point> haltAt) {

    public GatewayProperties {
        if (tenants == null || tenants.isEmpty()) {
            tenants = new LinkedHashMap<>(Map.of("default", Tenant.simulatorDefault()));
        }
    }

    public enum InteractiveReplyAs { ID, TITLE }

    public record Tenant(
            @DefaultValue("simulator") @NotNull ProviderType provider,
            @DefaultValue @Valid Backend backend,
            /* Cloud API: the phone_number_id that webhooks carry and messages are sent from. */
            String phoneNumberId,
            /* Cloud API: system-user access token for the Graph API. */
            String accessToken,
            /* Initial allowed-numbers filter (E.164 digits); empty = everyone. The console can override it. */
            @DefaultValue List<String> allowedNumbers,
            /* Cloud API: template sent when the 24-hour window is closed. */
            @DefaultValue @Valid WindowTemplate windowTemplate) {

        static Tenant simulatorDefault() {
            return new Tenant(ProviderType.SIMULATOR, new Backend("http://localhost:8080", null, null), null, null,
                    List.of(), new WindowTemplate(null, "es", true));
        }
    }

    public record Backend(
            @DefaultValue("http://localhost:8080") @NotBlank String baseUrl,
            /* X-API-Key of the tenant's project in backend-api. */
            String apiKey,
            /* Shared HMAC secret for X-Webhook-Signature. */
            String hmacSecret) {
    }

    public record WindowTemplate(
            /* Approved template name; blank = messages outside the window fail with window-closed. */
            String name,
            @DefaultValue("es") String language,
            /* Pass the reply text as the template's {{1}} body parameter. */
            @DefaultValue("true") boolean textAsParameter) {
    }

    public record Lease(
            @DefaultValue("whatsapp") @NotBlank String name,
            /* A lease not renewed for this long may be taken over. */
            @DefaultValue("20s") @NotNull Duration ttl,
            @DefaultValue("5s") @NotNull Duration heartbeat,
            /* Defaults to host name + random suffix. */
            String instanceId) {
    }

    public record Workers(
            @DefaultValue("50") @Min(1) @Max(1000) int batchSize,
            /* Messages forwarded / sent in parallel (virtual threads). */
            @DefaultValue("64") @Min(1) @Max(1024) int concurrency,
            /* Fallback poll when nothing wakes the workers. */
            @DefaultValue("500ms") @NotNull Duration pollInterval,
            /* A claimed row not finished within this time is considered crashed and claimed again. */
            @DefaultValue("30s") @NotNull Duration claimTimeout,
            @DefaultValue("15") @Min(1) int maxAttempts,
            @DefaultValue("1s") @NotNull Duration backoffBase,
            @DefaultValue("5m") @NotNull Duration backoffMax,
            /* Timeout of one call to backend-api. */
            @DefaultValue("10s") @NotNull Duration backendTimeout) {

        public Duration backoff(int attempt) {
            long factor = 1L << Math.min(Math.max(attempt - 1, 0), 20);
            long millis = Math.min(backoffBase.toMillis() * factor, backoffMax.toMillis());
            return Duration.ofMillis(millis);
        }
    }

    public record Cloud(
            @DefaultValue("https://graph.facebook.com/v21.0") @NotBlank String graphBaseUrl,
            /* Meta app secret: X-Hub-Signature-256 key. Webhooks are refused while blank. */
            String appSecret,
            /* hub.verify_token expected by the GET verification handshake. */
            String verifyToken,
            @DefaultValue("2s") @NotNull Duration connectTimeout,
            @DefaultValue("10s") @NotNull Duration requestTimeout,
            @DefaultValue("24h") @NotNull Duration serviceWindow) {
    }

    public record Web(
            /* Messages older than this (queued while offline) are dropped, not answered. */
            @DefaultValue("10m") @NotNull Duration maxMessageAge,
            @DefaultValue("postgres") @NotNull SessionStoreKind sessionStore,
            /* directory store: where session files live (an EFS mount); postgres store: scratch copy. */
            @DefaultValue("/tmp/whatsapp-web-sessions") @NotNull Path sessionDirectory,
            @DefaultValue("30s") @NotNull Duration snapshotInterval,
            @DefaultValue("1s") @NotNull Duration reconnectMin,
            @DefaultValue("60s") @NotNull Duration reconnectMax,
            /* Set to a phone number (digits) to log in with a pairing code instead of a QR code. */
            String pairingPhoneNumber) {

        public enum SessionStoreKind { POSTGRES, DIRECTORY }
    }

    public record Simulator(
            /* Serve /simulator/** (local use and tests); turn off in production. */
            @DefaultValue("true") boolean enabled) {
    }
}
