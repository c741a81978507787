package com.aiassistants.common.config;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import com.aiassistants.common.database.PostgresIdentifiers;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Lets every service be pointed at real servers with the two conventional variables
 * {@code DATABASE_URL} and {@code REDIS_URL}.
 *
 * <p>{@code DATABASE_URL} may be a JDBC URL or a {@code postgres://user:pass@host:port/db} URL
 * (the form ECS secrets and most PaaS tools hand out); it becomes {@code spring.datasource.*}.
 * {@code REDIS_URL} becomes {@code spring.data.redis.url}; {@code REDIS_USERNAME} and {@code REDIS_PASSWORD}
 * (injected separately from a secret, e.g. an ElastiCache RBAC user) are joined into it when it carries no
 * credentials of its own. {@code DATABASE_ROLE} (a role name) makes every pooled connection start with
 * {@code SET ROLE <role>}. Explicit {@code spring.*} settings win.
 */
public class ConnectionUrlEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "aiAssistantsConnectionUrls";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> props = new HashMap<>();
        String databaseUrl = environment.getProperty("DATABASE_URL");
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            JdbcCoordinates jdbc = JdbcCoordinates.parse(databaseUrl);
            props.put("spring.datasource.url", jdbc.jdbcUrl());
            if (jdbc.username() != null) {
                props.put("spring.datasource.username", jdbc.username());
            }
            if (jdbc.password() != null) {
                props.put("spring.datasource.password", jdbc.password());
            }
        }
        String role = environment.getProperty("DATABASE_ROLE");
        if (role != null && !role.isBlank()) {
            // the environment-variable form of this property cannot be bound: its relaxed names reach
            // HikariDataSource.getConnection() and start the pool before it is configured
            props.put("spring.datasource.hikari.connection-init-sql", "SET ROLE " + PostgresIdentifiers.require(role, "DATABASE_ROLE", PostgresIdentifiers.MAX_LENGTH));
        }
        String redisUrl = environment.getProperty("REDIS_URL");
        if (redisUrl != null && !redisUrl.isBlank()) {
            props.put("spring.data.redis.url", withCredentials(redisUrl,
                    environment.getProperty("REDIS_USERNAME"), environment.getProperty("REDIS_PASSWORD")));
        }
        if (!props.isEmpty()) {
            // after system properties/env so explicit spring.* settings keep priority
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, props));
        }
    }

    /**
     * {@code url} ({@code redis://} or {@code rediss://host:port[/db]}) with {@code username:password@} added
     * (percent-encoded); unchanged when no password is given or the URL already has credentials.
     */
    public static String withCredentials(String url, String username, String password) {
        if (password == null || password.isBlank() || URI.create(url).getRawUserInfo() != null) {
            return url;
        }
        int hostStart = url.indexOf("://") + 3;
        String user = username == null || username.isBlank() ? "" : encode(username);
        return url.substring(0, hostStart) + user + ":" + encode(password) + "@" + url.substring(hostStart);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** A PostgreSQL location split into what JDBC needs. */
    public record JdbcCoordinates(String jdbcUrl, String username, String password) {

        public static JdbcCoordinates parse(String url) {
            if (url.startsWith("jdbc:")) {
                return new JdbcCoordinates(url, null, null);
            }
            URI uri = URI.create(url);
            String scheme = uri.getScheme();
            if (!"postgres".equals(scheme) && !"postgresql".equals(scheme)) {
                throw new IllegalArgumentException("DATABASE_URL must be jdbc:postgresql://… or postgres://…, got scheme " + scheme);
            }
            String user = null;
            String password = null;
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getUserInfo().split(":", 2);
                user = parts[0];
                password = parts.length > 1 ? parts[1] : null;
            }
            int port = uri.getPort() > 0 ? uri.getPort() : 5432;
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/postgres" : uri.getRawPath();
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return new JdbcCoordinates("jdbc:postgresql://" + uri.getHost() + ":" + port + path + query, user, password);
        }
    }
}
