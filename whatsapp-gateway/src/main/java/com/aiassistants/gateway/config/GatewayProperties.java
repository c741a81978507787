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
import jakarta.validation.constraints.Pattern;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import com.aiassistants.common.channel.PhoneNumbers;
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
        /* Proactive send pacing per business number and per number→user pair. */
        @DefaultValue @Valid Throttle throttle,
        /* What every provider does with messages it receives: maximum age, what to do with older ones. */
        @DefaultValue @Valid Inbound inbound,
        /* Overrides the project-language answer to images, audio, stickers... (blank = the built-in text). */
        String mediaReplyText,
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
            @DefaultValue @Valid WindowTemplate windowTemplate,
            /* This number's own send limits; unset fields inherit `throttle.number` / `throttle.pair`. */
            @Valid TenantThrottle throttle,
            /* Language of what the gateway writes itself when backend-api cannot say the project's (es or en). */
            @DefaultValue("es") @NotBlank String language,
            /* The number's own phone number (E.164, e.g. +5491122334455), reported for wa.me links. Cloud API: else
               the display_phone_number its webhooks carry; WhatsApp Web: the linked account's own, whatever is set;
               simulator: else the test number, while linked. */
            @Pattern(regexp = PhoneNumbers.E164_PATTERN, message = "must be an E.164 number, e.g. +5491122334455") String phoneNumber) {

        static Tenant simulatorDefault() {
            return new Tenant(ProviderType.SIMULATOR, new Backend("http://localhost:8080", null, null), null, null,
                    List.of(), new WindowTemplate(null, null, true), null, "es", null);
        }
    }

    /** A tenant's overrides of the global limits (a tenant is one business number). */
    public record TenantThrottle(@Valid Rate number, @Valid Rate pair) {
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
            /* Template language code; blank = the project's language (es / en) as backend-api reports it. */
            String language,
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

        /** The wait after {@code attempt} failed attempts: {@code backoff-base} doubled per attempt, at most {@code backoff-max}. */
        public Duration backoff(int attempt) {
            return com.aiassistants.common.retry.Backoffs.delay(backoffBase, backoffMax, attempt);
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
            @DefaultValue("24h") @NotNull Duration serviceWindow,
            /* Larger webhook bodies are refused with 413 before they are read (Meta sends at most 3 MB). */
            @DefaultValue("3MB") @NotNull DataSize maxBodySize) {
    }

    public record Inbound(
            /* Messages older than this when their turn comes (late webhooks after an outage, WhatsApp Web's offline
               queue, a long backend outage) are recorded but not given to the assistant. */
            @DefaultValue("10m") @NotNull Duration maxMessageAge,
            /* apologize: answer them with a short "sorry for the delay, please write again"; ignore: no answer. */
            @DefaultValue("apologize") @NotNull StalePolicy staleMessages,
            /* How long the project's language (from backend-api) is remembered. */
            @DefaultValue("5m") @NotNull Duration profileCacheTtl) {

        public enum StalePolicy { APOLOGIZE, IGNORE }
    }

    public record Web(
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

    /**
     * Token buckets consulted before each send of a paced provider. A refused send is rescheduled for
     * when the bucket refills (not an attempt). Buckets live in Redis when {@code spring.data.redis.url}
     * ({@code REDIS_URL}) is set, so a take-over inherits them; in-process otherwise.
     */
    public record Throttle(
            /* Providers whose sends are paced; the others are unlimited. */
            @DefaultValue("cloud") @NotNull Set<ProviderType> providers,
            /* Per business number (phone_number_id). Default: Meta's Cloud API throughput, 80 messages/s. */
            @DefaultValue @Valid Rate number,
            /* Per business number → user: Meta allows about 1 message / 6 s with short bursts (131056). */
            @DefaultValue @Valid Rate pair,
            /* Prefix of the bucket keys in Redis. */
            @DefaultValue("gateway:throttle:") @NotBlank String redisKeyPrefix) {

        public static final Rate NUMBER_DEFAULT = new Rate(80, 80, Duration.ofSeconds(1));
        public static final Rate PAIR_DEFAULT = new Rate(10, 1, Duration.ofSeconds(6));

        public Throttle {
            number = Rate.inherit(number, NUMBER_DEFAULT);
            pair = Rate.inherit(pair, PAIR_DEFAULT);
        }

        /** The number limit of a tenant: its override, field by field, over the global one. */
        public Rate number(Tenant tenant) {
            return Rate.inherit(tenant == null || tenant.throttle() == null ? null : tenant.throttle().number(), number);
        }

        public Rate pair(Tenant tenant) {
            return Rate.inherit(tenant == null || tenant.throttle() == null ? null : tenant.throttle().pair(), pair);
        }
    }

    /**
     * A token bucket: at most {@code capacity} sends at once, refilled (gradually) with
     * {@code refillTokens} every {@code refillPeriod}. Unset fields inherit.
     */
    public record Rate(
            @Min(1) Integer capacity,
            @Min(1) Integer refillTokens,
            @DurationMin(millis = 1) Duration refillPeriod) {

        static Rate inherit(Rate own, Rate fallback) {
            if (own == null) {
                return fallback;
            }
            return new Rate(own.capacity != null ? own.capacity : fallback.capacity,
                    own.refillTokens != null ? own.refillTokens : fallback.refillTokens,
                    own.refillPeriod != null ? own.refillPeriod : fallback.refillPeriod);
        }
    }

    public record Simulator(
            /* Serve /simulator/** (local use and tests); turn off in production. */
            @DefaultValue("true") boolean enabled,
            /* Test mode of the WhatsApp Web login: linked = connected at start (a session exists); qr = needs a QR scan
               (or a pairing code) first, as a new WhatsApp Web number does. Logging out always leads to a QR. */
            @DefaultValue("linked") @NotNull Login login,
            /* How often a pending login's QR string is replaced (WhatsApp Web rotates it about every 20 s). */
            @DefaultValue("20s") @NotNull @DurationMin(millis = 100) Duration qrRotation) {

        public enum Login { LINKED, QR }

        public Simulator {
            if (login == null) {
                login = Login.LINKED;
            }
            if (qrRotation == null) {
                qrRotation = Duration.ofSeconds(20);
            }
        }
    }
}
