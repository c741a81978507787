package com.aiassistants.infra.services;

import com.aiassistants.infra.Compliance;
import com.aiassistants.infra.DeploymentConfig;
import com.aiassistants.infra.catalog.AppSecret;
import com.aiassistants.infra.catalog.ServiceCatalog;
import com.aiassistants.infra.catalog.ServiceSpec;
import com.aiassistants.infra.data.DataStack;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.ecs.AuthorizationConfig;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.ContainerDefinition;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.EfsVolumeConfiguration;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LogDrivers;
import software.amazon.awscdk.services.ecs.MountPoint;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.ecs.Volume;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.secretsmanager.ISecret;

/**
 * The parts of one service's task definition: its environment and secrets, the WhatsApp session volume, the
 * tracing sidecar and the compliance notes. Everything is added to the task it is given, in the stack's own scope,
 * so the synthesized template (and every logical id) is what {@link ServicesStack} produced before the split.
 */
final class ServiceTasks {

    /** The init container that makes the service's database login (see {@link #addDatabaseRoleInit}). */
    static final String DB_ROLE_CONTAINER = "db-role";
    static final String SERVICE_DATABASE_ROLE_MAIN = "com.aiassistants.common.database.ServiceDatabaseRole";

    private ServiceTasks() {
    }

    static Map<String, String> environment(ServiceSpec spec, DataStack data, DeploymentConfig config) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPRING_PROFILES_ACTIVE", "aws");
        env.put("AI_ASSISTANTS_ENV", config.env());
        env.put("DATABASE_URL", data.jdbcUrl());
        // every connection runs SET ROLE <schema>_owner: what migrations create belongs to the owner role, whichever
        // of the two rotating logins (svc_<schema>, svc_<schema>_clone) made it
        env.put("DATABASE_ROLE", spec.databaseOwnerRole());
        if (spec.usesRedis()) {
            env.put("REDIS_URL", data.redisUrl());
        }
        env.put("MANAGEMENT_CLOUDWATCH_METRICS_EXPORT_ENABLED", "true");
        env.put("MANAGEMENT_CLOUDWATCH_METRICS_EXPORT_NAMESPACE", ServiceCatalog.METRICS_NAMESPACE);
        env.put("MANAGEMENT_CLOUDWATCH_METRICS_EXPORT_STEP", "1m");
        if (config.tracing()) {
            env.put("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "0.1");
            env.put("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", "http://localhost:4318/v1/traces");
        }
        env.putAll(ServiceCatalog.peerEnvironment(spec));
        return env;
    }

    static Map<String, Secret> secrets(ServiceSpec spec, DataStack data) {
        Map<String, Secret> secrets = new LinkedHashMap<>();
        secrets.put("SPRING_DATASOURCE_USERNAME", Secret.fromSecretsManager(data.databaseLogin(spec.name()), "username"));
        secrets.put("SPRING_DATASOURCE_PASSWORD", Secret.fromSecretsManager(data.databaseLogin(spec.name()), "password"));
        if (spec.usesRedis()) {
            // joined into REDIS_URL by common's ConnectionUrlEnvironmentPostProcessor
            secrets.put("REDIS_USERNAME", Secret.fromSecretsManager(data.redisUser(spec.name()), "username"));
            secrets.put("REDIS_PASSWORD", Secret.fromSecretsManager(data.redisUser(spec.name()), "password"));
        }
        for (AppSecret appSecret : AppSecret.values()) {
            if (!spec.secrets().contains(appSecret)) {
                continue;
            }
            appSecret.envByJsonKey().forEach((jsonKey, envName) -> secrets.put(envName, jsonKey.isEmpty()
                    ? Secret.fromSecretsManager(data.appSecret(appSecret))
                    : Secret.fromSecretsManager(data.appSecret(appSecret), jsonKey)));
        }
        return secrets;
    }

    /**
     * The {@code db-role} init container: the service's own image runs common's {@code ServiceDatabaseRole} with the
     * master credentials (given to this container only) to create or adopt the service's owner role and login, then
     * exits; the application container starts only after it succeeded.
     */
    static ContainerDefinition addDatabaseRoleInit(FargateTaskDefinition task, ServiceSpec spec, ContainerImage image,
                                                   DataStack data, LogGroup logGroup) {
        ISecret login = data.databaseLogin(spec.name());
        ISecret master = data.database().getSecret();
        return task.addContainer(DB_ROLE_CONTAINER, ContainerDefinitionOptions.builder()
                .containerName(DB_ROLE_CONTAINER)
                .image(image)
                .essential(false)
                .entryPoint(List.of("java", "-XX:+UseSerialGC", "-Xmx64m", "-cp", "@/app/jib-classpath-file",
                        SERVICE_DATABASE_ROLE_MAIN))
                .environment(Map.of(
                        "DATABASE_URL", data.jdbcUrl(),
                        "SERVICE_DATABASE_SCHEMA", spec.databaseSchema()))
                .secrets(Map.of(
                        "DATABASE_MASTER_USERNAME", Secret.fromSecretsManager(master, "username"),
                        "DATABASE_MASTER_PASSWORD", Secret.fromSecretsManager(master, "password"),
                        "SERVICE_DATABASE_USERNAME", Secret.fromSecretsManager(login, "username"),
                        "SERVICE_DATABASE_PASSWORD", Secret.fromSecretsManager(login, "password")))
                .logging(LogDrivers.awsLogs(AwsLogDriverProps.builder().logGroup(logGroup).streamPrefix(DB_ROLE_CONTAINER).build()))
                .build());
    }

    static void acknowledgeTaskFindings(FargateTaskDefinition task) {
        Compliance.acknowledge(task, "AwsSolutions-ECS2",
                "Only non-secret settings are plain environment variables (endpoints, profile, metrics); every secret is "
                        + "injected from Secrets Manager");
        Compliance.acknowledge(task.getExecutionRole(), "AwsSolutions-IAM5[Resource::*]",
                "ecr:GetAuthorizationToken can only be granted on *; every other statement names its repository, log group or secret");
        Compliance.acknowledge(task.getTaskRole(), "AwsSolutions-IAM5[Resource::*]",
                "cloudwatch:PutMetricData (and the X-Ray calls when tracing) can only be granted on *; metrics are limited "
                        + "to the AiAssistants namespace by condition");
        String inline = "CDK grants are least-privilege inline policies of this one role, generated from the resources it uses; "
                + "a managed policy would hold the same statements";
        Compliance.acknowledge(task.getExecutionRole(), "HIPAA.Security-IAMNoInlinePolicy", inline);
        Compliance.acknowledge(task.getTaskRole(), "HIPAA.Security-IAMNoInlinePolicy", inline);
    }

    static void mountSessionVolume(FargateTaskDefinition task, ContainerDefinition container, DataStack data) {
        task.addVolume(Volume.builder()
                .name(ServicesStack.SESSION_VOLUME)
                .efsVolumeConfiguration(EfsVolumeConfiguration.builder()
                        .fileSystemId(data.sessionFileSystem().getFileSystemId())
                        .transitEncryption("ENABLED")
                        .authorizationConfig(AuthorizationConfig.builder()
                                .accessPointId(data.sessionAccessPoint().getAccessPointId())
                                .iam("ENABLED")
                                .build())
                        .build())
                .build());
        container.addMountPoints(MountPoint.builder()
                .sourceVolume(ServicesStack.SESSION_VOLUME)
                .containerPath(ServiceCatalog.GATEWAY_SESSION_DIR)
                .readOnly(false)
                .build());
        task.addToTaskRolePolicy(PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .actions(List.of("elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"))
                .resources(List.of(data.sessionFileSystem().getFileSystemArn()))
                .conditions(Map.of("StringEquals",
                        Map.of("elasticfilesystem:AccessPointArn", data.sessionAccessPoint().getAccessPointArn())))
                .build());
    }

    static void addTracingSidecar(FargateTaskDefinition task, LogGroup logGroup) {
        task.addContainer("otel-collector", ContainerDefinitionOptions.builder()
                .containerName("otel-collector")
                .image(ContainerImage.fromRegistry(ServicesStack.OTEL_COLLECTOR_IMAGE))
                .essential(false)
                .command(List.of("--config=/etc/ecs/ecs-default-config.yaml"))
                .logging(LogDrivers.awsLogs(AwsLogDriverProps.builder().logGroup(logGroup).streamPrefix("otel").build()))
                .build());
        task.addToTaskRolePolicy(PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .actions(List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords",
                        "xray:GetSamplingRules", "xray:GetSamplingTargets"))
                .resources(List.of("*"))
                .build());
    }
}
