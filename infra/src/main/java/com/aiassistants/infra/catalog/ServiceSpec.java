package com.aiassistants.infra.catalog;

import java.util.List;
import java.util.Set;

/**
 * What the infrastructure needs to know about one deployable service.
 *
 * @param name           module name; also the ECS service name, ECR repository suffix and Service Connect DNS name
 * @param port           container port
 * @param publicPaths    ALB path patterns routed to this service (empty = internal only)
 * @param listenerPriority ALB listener rule priority when public
 * @param callers        services allowed to open connections to this one (security group rules)
 * @param secrets        application secrets injected into the task
 * @param usesRedis      whether the task gets REDIS_URL and may reach ElastiCache
 * @param singleton      exactly one task, stop-before-start deployments (the WhatsApp gateway)
 * @param databaseSchema the PostgreSQL schema the service owns (its Flyway {@code schemas} in application.yml)
 */
public record ServiceSpec(
        String name,
        int port,
        List<String> publicPaths,
        int listenerPriority,
        List<String> callers,
        Set<AppSecret> secrets,
        boolean usesRedis,
        boolean singleton,
        String databaseSchema) {

    public boolean isPublic() {
        return !publicPaths.isEmpty();
    }

    public boolean isMcp() {
        return name.startsWith("mcp-");
    }

    /** Identifier-friendly form, e.g. {@code McpBookingLog}. */
    public String pascalName() {
        StringBuilder sb = new StringBuilder();
        for (String part : name.split("-")) {
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }

    /** Internal base URL through Service Connect. */
    public String internalUrl() {
        return "http://" + name + ":" + port;
    }

    /** The service's own PostgreSQL login ({@code svc_<schema>}; multi-user rotation alternates it with a {@code _clone}). */
    public String databaseLogin() {
        return "svc_" + databaseSchema;
    }

    /**
     * The role that owns the service's schema and cannot sign in; the login is a member and sets it on each
     * connection ({@code DATABASE_ROLE}), so objects belong to it whichever of the two rotating logins made them.
     */
    public String databaseOwnerRole() {
        return databaseSchema + "_owner";
    }

    public String repositoryName() {
        return ServiceCatalog.REPOSITORY_PREFIX + name;
    }
}
