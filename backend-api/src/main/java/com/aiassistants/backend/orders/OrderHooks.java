package com.aiassistants.backend.orders;

import java.time.Duration;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import com.aiassistants.backend.tenant.Project;
import com.aiassistants.backend.tenant.ProjectSettings;
import com.aiassistants.backend.tenant.Projects;
import com.aiassistants.common.cache.ExpiringCache;
import com.aiassistants.common.web.ApiProblem;

/**
 * Each project's orders hook: the URL in its settings document ({@code settings.order_hook.url}, versioned like the
 * rest) and the HMAC secret in {@code project.order_hook_secret}, which no route returns. A change reaches other
 * instances within the caches' five seconds.
 */
@Repository
public class OrderHooks {

    /** A hook the assistant can call: both a URL and a secret are set. */
    public record Hook(String url, String secret) {
    }

    /** What the console sees: the URL and whether a secret is set, never the secret. */
    public record OrderHookView(
            @io.swagger.v3.oas.annotations.media.Schema(types = {"string", "null"}) String url,
            boolean secretSet) {
    }

    private final JdbcClient jdbc;
    private final Projects projects;
    private final OrderHookProperties settings;
    private final ExpiringCache<String, Optional<String>> secrets = ExpiringCache.of(Duration.ofSeconds(5), 10_000);

    public OrderHooks(JdbcClient jdbc, Projects projects, OrderHookProperties settings) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.settings = settings;
    }

    public Optional<Hook> find(String projectId) {
        String url = projects.find(projectId).map(p -> p.settings().orderHookUrl()).orElse(null);
        if (url == null) {
            return Optional.empty();
        }
        return secret(projectId).map(secret -> new Hook(url, secret));
    }

    public OrderHookView view(String projectId) {
        return new OrderHookView(projects.require(projectId).settings().orderHookUrl(), secret(projectId).isPresent());
    }

    /**
     * Sets the URL (a new settings version by {@code changedBy}) and, when given, the secret; the first save needs
     * one. 400 problems name the field.
     */
    @Transactional
    public OrderHookView save(String projectId, String url, String secret, String changedBy) {
        String checked = OrderHookUrl.check(url, settings.allowLocal(), "url");
        boolean hasSecret = secret != null && !secret.isBlank();
        if (!hasSecret && secret(projectId).isEmpty()) {
            throw ApiProblem.badRequest("invalid-order-hook", "a secret is needed the first time")
                    .with("errors", java.util.List.of(java.util.Map.of("field", "secret", "message", "is required")));
        }
        Project project = projects.require(projectId);
        projects.update(projectId, project.name(), project.zone(), project.locale(),
                project.settings().withOrderHook(new ProjectSettings.OrderHook(checked)), changedBy);
        if (hasSecret) {
            jdbc.sql("update project set order_hook_secret = ?, updated_at = now() where id = ?")
                    .params(secret.strip(), projectId).update();
            secrets.invalidate(projectId);
        }
        return view(projectId);
    }

    /** Removes URL and secret: the assistant says it cannot look orders up. */
    @Transactional
    public void remove(String projectId, String changedBy) {
        Project project = projects.require(projectId);
        if (project.settings().orderHook() != null) {
            projects.update(projectId, project.name(), project.zone(), project.locale(),
                    project.settings().withOrderHook(null), changedBy);
        }
        jdbc.sql("update project set order_hook_secret = null, updated_at = now() where id = ?").param(projectId).update();
        secrets.invalidate(projectId);
    }

    private Optional<String> secret(String projectId) {
        return secrets.get(projectId, id -> jdbc.sql("select order_hook_secret from project where id = ?").param(id)
                .query(String.class).list().stream().filter(s -> s != null && !s.isBlank()).findFirst());
    }
}
