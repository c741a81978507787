package com.aiassistants.common.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a Spring test context at a fresh database:
 * {@code @DynamicPropertySource static void db(DynamicPropertyRegistry r) { PostgresTestProperties.register(r, "calendar"); }}.
 */
public final class PostgresTestProperties {

    private PostgresTestProperties() {
    }

    public static TestPostgres.Database register(DynamicPropertyRegistry registry, String label) {
        TestPostgres.Database database = TestPostgres.createDatabase(label);
        registry.add("spring.datasource.url", database::jdbcUrl);
        registry.add("spring.datasource.username", database::username);
        registry.add("spring.datasource.password", database::password);
        return database;
    }
}
