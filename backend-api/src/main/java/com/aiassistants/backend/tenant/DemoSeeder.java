package com.aiassistants.backend.tenant;

import java.time.ZoneId;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.aiassistants.backend.BackendProperties;

/**
 * Local runs ({@code ai-assistants.backend.demo.enabled=true}): the project {@code demo}, its API
 * key, webhook secret and console user, created idempotently, then printed once to stdout (not
 * to the JSON log, which must never hold secrets).
 */
@Component
@ConditionalOnProperty(prefix = "ai-assistants.backend.demo", name = "enabled", havingValue = "true")
public class DemoSeeder implements ApplicationRunner {

    public static final String PROJECT_ID = "demo";

    private final BackendProperties.Demo demo;
    private final Projects projects;
    private final ApiKeys apiKeys;
    private final AdminUsers users;
    private final Environment environment;

    public DemoSeeder(BackendProperties properties, Projects projects, ApiKeys apiKeys, AdminUsers users,
            Environment environment) {
        this.demo = properties.demo();
        this.projects = projects;
        this.apiKeys = apiKeys;
        this.users = users;
        this.environment = environment;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        seed();
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        System.out.printf("""

                ==== ai-assistants backend-api demo ====
                project      : %s (Clínica Demo, America/Argentina/Buenos_Aires, es)
                X-API-Key    : %s
                webhook HMAC : %s
                console user : %s / %s
                API          : http://localhost:%s/v1/conversations/{id}/messages
                Swagger UI   : http://localhost:%s/swagger-ui.html
                ========================================

                """, PROJECT_ID, demo.apiKey(), demo.webhookSecret(), demo.adminEmail(), demo.adminPassword(), port, port);
    }

    void seed() {
        projects.create(PROJECT_ID, "Clínica Demo", ZoneId.of("America/Argentina/Buenos_Aires"), "es",
                ProjectSettings.empty(), demo.webhookSecret());
        apiKeys.ensure(PROJECT_ID, "demo", demo.apiKey());
        users.ensure(demo.adminEmail(), demo.adminPassword(), AdminUsers.Role.OWNER, PROJECT_ID, true);
    }
}
