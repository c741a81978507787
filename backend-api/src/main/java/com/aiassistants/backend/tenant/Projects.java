package com.aiassistants.backend.tenant;

import java.security.SecureRandom;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import com.aiassistants.common.cache.ExpiringCache;
import com.aiassistants.common.web.ApiProblem;

import tools.jackson.databind.json.JsonMapper;

/**
 * Projects in PostgreSQL with a short read cache (turns look their project up on every message;
 * a settings change reaches other instances within {@link #CACHE_MILLIS}).
 */
@Repository
public class Projects {

    static final long CACHE_MILLIS = 5_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ExpiringCache<String, Project> cache =
            ExpiringCache.of(java.time.Duration.ofMillis(CACHE_MILLIS), 10_000);

    public Projects(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<Project> find(String id) {
        return Optional.ofNullable(cache.get(id, key -> jdbc.sql(
                "select id, name, time_zone, locale, settings::text as settings, webhook_secret from project where id = ?")
                .param(key)
                .query(this::project)
                .optional().orElse(null)));
    }

    private Project project(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Project(rs.getString("id"), rs.getString("name"), ZoneId.of(rs.getString("time_zone")),
                rs.getString("locale"), json.readValue(rs.getString("settings"), ProjectSettings.class),
                rs.getString("webhook_secret"));
    }

    /** Every project, by name (for a superadmin's project switcher). */
    public java.util.List<Project> all() {
        return jdbc.sql("select id, name, time_zone, locale, settings::text as settings, webhook_secret from project order by name, id")
                .query(this::project)
                .list();
    }

    public Project require(String id) {
        return find(id).orElseThrow(() -> ApiProblem.notFound("project"));
    }

    /** Creates a project; returns false when the id is taken. */
    @Transactional
    public boolean create(String id, String name, ZoneId zone, String locale, ProjectSettings settings, String webhookSecret) {
        int inserted = jdbc.sql("""
                insert into project (id, name, time_zone, locale, settings, webhook_secret)
                values (?, ?, ?, ?, ?::jsonb, ?) on conflict (id) do nothing""")
                .params(id, name, zone.getId(), locale, json.writeValueAsString(settings), webhookSecret)
                .update();
        if (inserted == 1) {
            recordVersion(id, settings, "create");
        }
        return inserted == 1;
    }

    @Transactional
    public Project update(String id, String name, ZoneId zone, String locale, ProjectSettings settings, String changedBy) {
        int updated = jdbc.sql("""
                update project set name = ?, time_zone = ?, locale = ?, settings = ?::jsonb, updated_at = now() where id = ?""")
                .params(name, zone.getId(), locale, json.writeValueAsString(settings), id)
                .update();
        if (updated == 0) {
            throw ApiProblem.notFound("project");
        }
        recordVersion(id, settings, changedBy);
        cache.invalidate(id);
        return require(id);
    }

    public String rotateWebhookSecret(String id) {
        String secret = newSecret();
        if (jdbc.sql("update project set webhook_secret = ?, updated_at = now() where id = ?").params(secret, id).update() == 0) {
            throw ApiProblem.notFound("project");
        }
        cache.invalidate(id);
        return secret;
    }

    public record SettingsVersion(long version, ProjectSettings settings, String changedBy, java.time.Instant changedAt) {
    }

    public java.util.List<SettingsVersion> history(String id) {
        return jdbc.sql("""
                select id, settings::text as settings, changed_by, created_at from project_settings_version
                where project_id = ? order by id desc limit 50""")
                .param(id)
                .query((rs, n) -> new SettingsVersion(rs.getLong("id"),
                        json.readValue(rs.getString("settings"), ProjectSettings.class), rs.getString("changed_by"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    private void recordVersion(String id, ProjectSettings settings, String changedBy) {
        jdbc.sql("insert into project_settings_version (project_id, settings, changed_by) values (?, ?::jsonb, ?)")
                .params(id, json.writeValueAsString(settings), changedBy)
                .update();
    }

    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
