package com.aiassistants.infra;

import java.util.Map;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * Sizes that differ between environments. Production follows the seed plan (backend 0.5 vCPU /
 * 1 GiB with 2–10 tasks, MCP servers 0.25 vCPU / 0.5 GiB, db.t*.small Multi-AZ, cache.t*.micro)
 * except for the gateway: it is the single writer on every message's path and cannot scale out, so it
 * gets a whole vCPU (1 vCPU / 2 GiB), the size at which it meets its latency targets with 100 concurrent
 * users (docs/benchmarks.md); dev is the smallest that still boots every service.
 */
public record Sizing(
        int natGateways,
        String dbInstanceClass,
        boolean dbMultiAz,
        int dbAllocatedStorageGib,
        int dbMaxConnections,
        String redisNodeType,
        int redisNodes,
        int backendMinTasks,
        int backendMaxTasks,
        int mcpDesiredTasks,
        int logRetentionDays,
        Map<String, TaskSize> taskSizes) {

    /** Fargate CPU units and memory MiB of one task. */
    public record TaskSize(int cpu, int memoryMib) {
    }

    public static final TaskSize SMALL = new TaskSize(256, 512);
    public static final TaskSize MEDIUM = new TaskSize(512, 1024);
    public static final TaskSize ONE_VCPU = new TaskSize(1024, 2048);

    public static Sizing dev() {
        return new Sizing(1, "t4g.micro", false, 20, 100, "cache.t4g.micro", 1, 1, 2, 1, 14,
                Map.of("backend-api", SMALL));
    }

    public static Sizing prod() {
        return new Sizing(2, "t4g.small", true, 50, 200, "cache.t4g.micro", 2, 2, 10, 2, 90,
                Map.of("backend-api", MEDIUM, "whatsapp-gateway", ONE_VCPU));
    }

    /** CloudWatch Logs retention of {@link #logRetentionDays}. */
    public RetentionDays logRetention() {
        return switch (logRetentionDays) {
            case 14 -> RetentionDays.TWO_WEEKS;
            case 90 -> RetentionDays.THREE_MONTHS;
            default -> throw new IllegalStateException("no CloudWatch retention for " + logRetentionDays + " days");
        };
    }

    public TaskSize taskSize(String service) {
        return taskSizes.getOrDefault(service, SMALL);
    }
}
