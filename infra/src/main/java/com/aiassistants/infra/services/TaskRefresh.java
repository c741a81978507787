package com.aiassistants.infra.services;

import com.aiassistants.infra.Compliance;
import com.aiassistants.infra.DeploymentConfig;
import com.aiassistants.infra.catalog.ServiceCatalog;
import com.aiassistants.infra.catalog.ServiceSpec;
import com.aiassistants.infra.data.DataStack;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.scheduler.CfnSchedule;

/**
 * A weekly rolling restart of every service (EventBridge Scheduler calling ECS {@code UpdateService} with
 * {@code forceNewDeployment}). ECS hands secrets to a task only when it starts, and the multi-user rotation keeps the
 * database password a task started with valid until the rotation after next ({@value DataStack#SECRET_ROTATION_DAYS}
 * days at least): a task younger than a week therefore never meets a password it does not know. The restart uses the
 * service's own deployment settings (rolling with the circuit breaker; the gateway stops before it starts, Meta
 * retries the webhooks of that minute and the durable inbox loses nothing), in a quiet hour.
 */
final class TaskRefresh {

    /** Sundays 06:00 UTC (03:00 in Buenos Aires); each service a few minutes after the previous one. */
    static final String SCHEDULE = "cron(%d 6 ? * SUN *)";
    static final int MINUTES_BETWEEN_SERVICES = 5;

    private TaskRefresh() {
    }

    static void schedule(Stack stack, DeploymentConfig config, Map<String, FargateService> services) {
        Role role = Role.Builder.create(stack, "TaskRefreshRole")
                .assumedBy(new ServicePrincipal("scheduler.amazonaws.com"))
                .description("EventBridge Scheduler: the weekly rolling restart of the ai-assistants services")
                .build();
        role.addToPolicy(PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .actions(List.of("ecs:UpdateService"))
                .resources(services.values().stream().map(FargateService::getServiceArn).toList())
                .build());
        Compliance.acknowledge(role, "HIPAA.Security-IAMNoInlinePolicy",
                "One statement for this one role: ecs:UpdateService on the six services it restarts");
        int minute = 0;
        for (ServiceSpec spec : ServiceCatalog.ALL) {
            CfnSchedule.Builder.create(stack, spec.pascalName() + "Refresh")
                    .name("ai-assistants-" + config.env() + "-" + spec.name() + "-refresh")
                    .description("Weekly rolling restart of " + spec.name() + ": tasks pick up rotated secrets")
                    .scheduleExpression(String.format(SCHEDULE, minute))
                    .scheduleExpressionTimezone("UTC")
                    .flexibleTimeWindow(CfnSchedule.FlexibleTimeWindowProperty.builder().mode("OFF").build())
                    .target(CfnSchedule.TargetProperty.builder()
                            .arn("arn:" + stack.getPartition() + ":scheduler:::aws-sdk:ecs:updateService")
                            .roleArn(role.getRoleArn())
                            .input(stack.toJsonString(Map.of(
                                    "Cluster", ServiceCatalog.clusterName(config.env()),
                                    "Service", spec.name(),
                                    "ForceNewDeployment", true)))
                            .retryPolicy(CfnSchedule.RetryPolicyProperty.builder()
                                    .maximumRetryAttempts(3).maximumEventAgeInSeconds(3600).build())
                            .build())
                    .build();
            minute += MINUTES_BETWEEN_SERVICES;
        }
    }
}
