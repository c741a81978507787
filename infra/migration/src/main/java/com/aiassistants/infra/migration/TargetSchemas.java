package com.aiassistants.infra.migration;

import com.aiassistants.common.config.ConnectionUrlEnvironmentPostProcessor.JdbcCoordinates;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Prepares an empty target ({@code --prepare-target}): each service's own Flyway migrations, into its
 * own schema, exactly as the service applies them at start (same locations, schemas and history
 * table, so a service started later finds its history and validates it). The migrations are read from
 * the service's jar on this tool's classpath (Maven dependencies, no code of theirs is loaded), one
 * class loader per jar because every service keeps them at the same {@code db/migration} location.
 */
final class TargetSchemas {

    /** A service whose tables the migration writes: its schema and a class file that locates its jar. */
    record Service(String module, String schema, String locator) {
    }

    static final List<Service> SERVICES = List.of(
            new Service("mcp-professionals", "professionals", "com/aiassistants/professionals/ProfessionalsApplication.class"),
            new Service("mcp-calendar", "calendar", "com/aiassistants/calendar/CalendarApplication.class"),
            new Service("mcp-booking-log", "booking_log", "com/aiassistants/bookinglog/BookingLogApplication.class"),
            new Service("backend-api", "backend", "com/aiassistants/backend/BackendApplication.class"));

    private TargetSchemas() {
    }

    /** Applies every service's pending migrations; returns schema → migrations applied now. */
    static Map<String, Integer> prepare(JdbcCoordinates target, PrintStream progress) {
        Map<String, Integer> applied = new LinkedHashMap<>();
        for (Service service : SERVICES) {
            try (URLClassLoader jar = new OwnMigrationsOnly(root(service))) {
                MigrateResult result = Flyway.configure(jar)
                        .dataSource(target.jdbcUrl(), target.username(), target.password())
                        .schemas(service.schema())
                        .defaultSchema(service.schema())
                        .createSchemas(true)
                        .locations("classpath:db/migration")
                        .load()
                        .migrate();
                applied.put(service.schema(), result.migrationsExecuted);
                progress.printf("migrate: schema %s (%s) at version %s, %d migration(s) applied%n", service.schema(),
                        service.module(), result.targetSchemaVersion == null ? result.initialSchemaVersion
                                : result.targetSchemaVersion, result.migrationsExecuted);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return applied;
    }

    /**
     * Sees {@code db/migration} only in its own jar (every service has one at that path) and
     * everything else (Flyway, the JDBC driver) through this tool's class loader.
     */
    private static final class OwnMigrationsOnly extends URLClassLoader {

        OwnMigrationsOnly(URL root) {
            super(new URL[] {root}, TargetSchemas.class.getClassLoader());
        }

        private static boolean migration(String name) {
            return name.startsWith("db/migration") || name.startsWith("/db/migration");
        }

        @Override
        public URL getResource(String name) {
            return migration(name) ? findResource(name) : super.getResource(name);
        }

        @Override
        public java.util.Enumeration<URL> getResources(String name) throws java.io.IOException {
            return migration(name) ? findResources(name) : super.getResources(name);
        }
    }

    /** The jar (or classes directory) that holds {@code service}'s code and migrations. */
    static URL root(Service service) {
        URL located = TargetSchemas.class.getClassLoader().getResource(service.locator());
        if (located == null) {
            throw new IllegalStateException(service.module() + " is not on the classpath (build with -am)");
        }
        String url = located.toString();
        String root = url.startsWith("jar:") ? url.substring(4, url.indexOf("!/"))
                : url.substring(0, url.length() - service.locator().length());
        try {
            return java.net.URI.create(root).toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
