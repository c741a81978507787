package com.aiassistants.gateway.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import com.aiassistants.common.testsupport.PostgresTestProperties;
import com.aiassistants.common.testsupport.TestRedis;
import com.aiassistants.gateway.lease.LeaseManager;

/**
 * One Spring context for the module's tests (cached): a fresh PostgreSQL database, a fake backend-api
 * and a fake Graph API over HTTP. Tenants: {@code default} (simulator) and {@code clinic} (Cloud API,
 * phone_number_id {@value #CLINIC_PHONE_NUMBER_ID}, window template "reengage", default send limits),
 * {@code paced} (Cloud API, pair limit 2 then 1 per second) and {@code busy} (Cloud API, number limit
 * 2 then 2 per second). Throttle buckets are in the test Redis when there is one (own key prefix).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class GatewayTestBase {

    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";
    public static final String APP_SECRET = "test-app-secret";
    public static final String VERIFY_TOKEN = "test-verify-token";
    public static final String CLINIC_PHONE_NUMBER_ID = "555000111";
    public static final String PACED_PHONE_NUMBER_ID = "555000222";
    public static final String BUSY_PHONE_NUMBER_ID = "555000333";
    public static final String THROTTLE_KEY_PREFIX = TestRedis.keyPrefix("gateway-throttle");

    protected static final FakeBackend BACKEND = new FakeBackend();
    protected static final FakeGraphApi GRAPH = new FakeGraphApi();

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        PostgresTestProperties.register(registry, "gateway");
        registry.add("ai-assistants.gateway.admin-token", () -> ADMIN_TOKEN);
        registry.add("ai-assistants.gateway.tenants.default.provider", () -> "simulator");
        registry.add("ai-assistants.gateway.tenants.default.backend.base-url", BACKEND::baseUrl);
        registry.add("ai-assistants.gateway.tenants.default.backend.api-key", () -> FakeBackend.API_KEY);
        registry.add("ai-assistants.gateway.tenants.default.backend.hmac-secret", () -> FakeBackend.SECRET);
        // a second simulator number whose login the test mode plays (SimulatorLoginTest logs it out and in)
        registry.add("ai-assistants.gateway.tenants.linking.provider", () -> "simulator");
        registry.add("ai-assistants.gateway.tenants.linking.backend.base-url", BACKEND::baseUrl);
        registry.add("ai-assistants.gateway.tenants.linking.backend.api-key", () -> FakeBackend.API_KEY);
        registry.add("ai-assistants.gateway.tenants.linking.backend.hmac-secret", () -> FakeBackend.SECRET);
        registry.add("ai-assistants.gateway.simulator.qr-rotation", () -> "300ms");
        registry.add("ai-assistants.gateway.tenants.clinic.provider", () -> "cloud");
        registry.add("ai-assistants.gateway.tenants.clinic.phone-number-id", () -> CLINIC_PHONE_NUMBER_ID);
        registry.add("ai-assistants.gateway.tenants.clinic.access-token", () -> "EAAG-test-token");
        registry.add("ai-assistants.gateway.tenants.clinic.window-template.name", () -> "reengage");
        registry.add("ai-assistants.gateway.tenants.clinic.backend.base-url", BACKEND::baseUrl);
        registry.add("ai-assistants.gateway.tenants.clinic.backend.api-key", () -> FakeBackend.API_KEY);
        registry.add("ai-assistants.gateway.tenants.clinic.backend.hmac-secret", () -> FakeBackend.SECRET);
        cloudTenant(registry, "paced", PACED_PHONE_NUMBER_ID);
        registry.add("ai-assistants.gateway.tenants.paced.throttle.pair.capacity", () -> "2");
        registry.add("ai-assistants.gateway.tenants.paced.throttle.pair.refill-tokens", () -> "1");
        registry.add("ai-assistants.gateway.tenants.paced.throttle.pair.refill-period", () -> "1s");
        cloudTenant(registry, "busy", BUSY_PHONE_NUMBER_ID);
        registry.add("ai-assistants.gateway.tenants.busy.throttle.number.capacity", () -> "2");
        registry.add("ai-assistants.gateway.tenants.busy.throttle.number.refill-tokens", () -> "2");
        registry.add("ai-assistants.gateway.tenants.busy.throttle.number.refill-period", () -> "1s");
        registry.add("spring.data.redis.url", () -> TestRedis.url().orElse(""));
        registry.add("ai-assistants.gateway.throttle.redis-key-prefix", () -> THROTTLE_KEY_PREFIX);
        registry.add("ai-assistants.gateway.cloud.app-secret", () -> APP_SECRET);
        registry.add("ai-assistants.gateway.cloud.verify-token", () -> VERIFY_TOKEN);
        registry.add("ai-assistants.gateway.cloud.graph-base-url", GRAPH::baseUrl);
        registry.add("ai-assistants.gateway.workers.backoff-base", () -> "50ms");
        registry.add("ai-assistants.gateway.workers.poll-interval", () -> "200ms");
        registry.add("ai-assistants.gateway.lease.heartbeat", () -> "1s");
    }

    private static void cloudTenant(DynamicPropertyRegistry registry, String tenant, String phoneNumberId) {
        String prefix = "ai-assistants.gateway.tenants." + tenant + ".";
        registry.add(prefix + "provider", () -> "cloud");
        registry.add(prefix + "phone-number-id", () -> phoneNumberId);
        registry.add(prefix + "access-token", () -> "EAAG-test-token");
        registry.add(prefix + "backend.base-url", BACKEND::baseUrl);
        registry.add(prefix + "backend.api-key", () -> FakeBackend.API_KEY);
        registry.add(prefix + "backend.hmac-secret", () -> FakeBackend.SECRET);
    }

    /** Every send of the test stayed within Meta's limits (the fake Graph API refuses the others, as Meta would). */
    @org.junit.jupiter.api.AfterEach
    void everySendWithinMetasLimits() {
        java.util.List<String> refused = java.util.List.copyOf(GRAPH.refused);
        GRAPH.refused.clear();
        org.assertj.core.api.Assertions.assertThat(refused).as("sends the Graph API would refuse").isEmpty();
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected LeaseManager lease;

    protected RestClient http() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    protected RestClient admin() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + ADMIN_TOKEN)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    protected void awaitActive() {
        Await.until("this instance holds the lease", lease::isActive);
    }

    protected String outboxStatus(long id) {
        return jdbc.queryForObject("select status from outbox where id = ?", String.class, id);
    }
}
