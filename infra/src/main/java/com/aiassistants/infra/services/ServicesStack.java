package com.aiassistants.infra.services;

import com.aiassistants.infra.Compliance;
import com.aiassistants.infra.DeploymentConfig;
import com.aiassistants.infra.Sizing;
import com.aiassistants.infra.catalog.ServiceCatalog;
import com.aiassistants.infra.catalog.ServiceSpec;
import com.aiassistants.infra.data.DataStack;
import com.aiassistants.infra.edge.EdgeStack;
import com.aiassistants.infra.network.NetworkStack;
import com.aiassistants.infra.registry.RegistryStack;
import com.aiassistants.infra.security.SecurityStack;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ecs.CloudMapNamespaceOptions;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinition;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerDependency;
import software.amazon.awscdk.services.ecs.ContainerDependencyCondition;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.HealthCheck;
import software.amazon.awscdk.services.ecs.LogDrivers;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.PropagatedTagSource;
import software.amazon.awscdk.services.ecs.Protocol;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.ecs.ServiceConnectProps;
import software.amazon.awscdk.services.ecs.ServiceConnectService;
import software.amazon.awscdk.services.ecs.ServiceConnectTlsConfiguration;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListenerRule;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCondition;
import software.amazon.awscdk.services.elasticloadbalancingv2.TargetType;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The ECS cluster (Container Insights, Service Connect namespace) and one Fargate service per
 * module. Every service: its own task and execution roles, only its own secrets, a log group,
 * a container health check on {@code /health}, and the deployment circuit breaker with rollback.
 * Public services get a target group and a listener rule on the edge stack's HTTPS listener.
 */
public class ServicesStack extends Stack {

    public static final String CONTAINER_PORT_NAME = "http";
    public static final String SESSION_VOLUME = "whatsapp-session";
    public static final int CPU_TARGET_PERCENT = 70;
    public static final int SCALING_COOLDOWN_SECONDS = 300;
    public static final String OTEL_COLLECTOR_IMAGE = "public.ecr.aws/aws-observability/aws-otel-collector:v0.43.3";

    private final DeploymentConfig config;
    private final SecurityStack security;
    private final Cluster cluster;
    private final Map<String, FargateService> services = new LinkedHashMap<>();
    private final Map<String, ApplicationTargetGroup> targetGroups = new LinkedHashMap<>();
    /** Lets ECS issue Service Connect certificates from the security stack's private CA. */
    private final Role serviceConnectTlsRole;
    public static final String SERVICE_CONNECT_TLS_POLICY =
            "service-role/AmazonECSInfrastructureRolePolicyForServiceConnectTransportLayerSecurity";

    public ServicesStack(Construct scope, String id, StackProps props, DeploymentConfig config,
                         NetworkStack network, DataStack data, RegistryStack registry, EdgeStack edge,
                         SecurityStack security) {
        super(scope, id, props);
        this.config = config;
        this.security = security;

        cluster = Cluster.Builder.create(this, "Cluster")
                .clusterName(ServiceCatalog.clusterName(config.env()))
                .vpc(network.vpc())
                .containerInsightsV2(ContainerInsights.ENABLED)
                .defaultCloudMapNamespace(CloudMapNamespaceOptions.builder()
                        .name(ServiceCatalog.SERVICE_CONNECT_NAMESPACE)
                        .useForServiceConnect(true)
                        .build())
                .build();

        serviceConnectTlsRole = Role.Builder.create(this, "ServiceConnectTlsRole")
                .assumedBy(new ServicePrincipal("ecs.amazonaws.com"))
                .description("ECS Service Connect: TLS certificates from the private CA for service-to-service calls")
                .managedPolicies(List.of(ManagedPolicy.fromAwsManagedPolicyName(SERVICE_CONNECT_TLS_POLICY)))
                .build();
        Compliance.acknowledge(serviceConnectTlsRole,
                "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/" + SERVICE_CONNECT_TLS_POLICY + "]",
                "The AWS-maintained policy ECS documents for Service Connect TLS; it only reaches CAs and secrets tagged "
                        + "AmazonECSManaged=true");
        for (ServiceSpec spec : ServiceCatalog.ALL) {
            FargateService service = service(spec, network, data, registry);
            services.put(spec.name(), service);
            if (spec.isPublic()) {
                expose(spec, service, network, edge);
            }
        }

        Sizing sizing = config.sizing();
        services.get(ServiceCatalog.BACKEND_API.name())
                .autoScaleTaskCount(EnableScalingProps.builder()
                        .minCapacity(sizing.backendMinTasks()).maxCapacity(sizing.backendMaxTasks()).build())
                .scaleOnCpuUtilization("CpuTarget", CpuUtilizationScalingProps.builder()
                        .targetUtilizationPercent(CPU_TARGET_PERCENT)
                        .scaleInCooldown(Duration.seconds(SCALING_COOLDOWN_SECONDS))
                        .scaleOutCooldown(Duration.seconds(SCALING_COOLDOWN_SECONDS))
                        .build());

        TaskRefresh.schedule(this, config, services);

        CfnOutput.Builder.create(this, "ClusterName").value(cluster.getClusterName()).build();
    }

    private FargateService service(ServiceSpec spec, NetworkStack network, DataStack data, RegistryStack registry) {
        Sizing.TaskSize size = config.sizing().taskSize(spec.name());
        String prefix = spec.pascalName();

        FargateTaskDefinition task = FargateTaskDefinition.Builder.create(this, prefix + "Task")
                .family("ai-assistants-" + config.env() + "-" + spec.name())
                .cpu(size.cpu())
                .memoryLimitMiB(size.memoryMib())
                .runtimePlatform(RuntimePlatform.builder()
                        .operatingSystemFamily(OperatingSystemFamily.LINUX)
                        .cpuArchitecture(CpuArchitecture.X86_64).build())
                .build();

        LogGroup logGroup = LogGroup.Builder.create(this, prefix + "Logs")
                .logGroupName("/ecs/ai-assistants/" + config.env() + "/" + spec.name())
                .retention(config.sizing().logRetention())
                .encryptionKey(security.logsKey())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();

        ContainerImage image = ContainerImage.fromEcrRepository(registry.repository(spec.name()), config.imageTag());
        ContainerDefinition container = task.addContainer(spec.name(), ContainerDefinitionOptions.builder()
                .containerName(spec.name())
                .image(image)
                .essential(true)
                .portMappings(List.of(PortMapping.builder()
                        .name(CONTAINER_PORT_NAME).containerPort(spec.port()).protocol(Protocol.TCP).build()))
                .environment(ServiceTasks.environment(spec, data, config))
                .secrets(ServiceTasks.secrets(spec, data))
                .logging(LogDrivers.awsLogs(AwsLogDriverProps.builder().logGroup(logGroup).streamPrefix("ecs").build()))
                .healthCheck(HealthCheck.builder()
                        .command(healthCommand(spec.port()))
                        .interval(Duration.seconds(30))
                        .timeout(Duration.seconds(5))
                        .retries(3)
                        .startPeriod(Duration.seconds(120))
                        .build())
                .stopTimeout(Duration.seconds(spec.singleton() ? 30 : 20))
                .build());

        container.addContainerDependencies(ContainerDependency.builder()
                .container(ServiceTasks.addDatabaseRoleInit(task, spec, image, data, logGroup))
                .condition(ContainerDependencyCondition.SUCCESS)
                .build());

        // metrics: only this namespace; no wildcard writes elsewhere
        task.addToTaskRolePolicy(PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .actions(List.of("cloudwatch:PutMetricData"))
                .resources(List.of("*"))
                .conditions(Map.of("StringEquals", Map.of("cloudwatch:namespace", ServiceCatalog.METRICS_NAMESPACE)))
                .build());
        if (config.tracing()) {
            ServiceTasks.addTracingSidecar(task, logGroup);
        }
        // the secrets are encrypted with the security stack's key; ECS decrypts them through Secrets Manager only
        task.addToExecutionRolePolicy(PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .actions(List.of("kms:Decrypt"))
                .resources(List.of(security.secretsKey().getKeyArn()))
                .conditions(Map.of("StringEquals", Map.of("kms:ViaService", "secretsmanager." + getRegion() + ".amazonaws.com")))
                .build());
        ServiceTasks.acknowledgeTaskFindings(task);
        if (spec.singleton()) {
            ServiceTasks.mountSessionVolume(task, container, data);
        }

        return FargateService.Builder.create(this, prefix + "Service")
                .serviceName(spec.name())
                .cluster(cluster)
                .taskDefinition(task)
                .desiredCount(desiredCount(spec))
                .minHealthyPercent(spec.singleton() ? 0 : 100)
                .maxHealthyPercent(spec.singleton() ? 100 : 200)
                .circuitBreaker(DeploymentCircuitBreaker.builder().enable(true).rollback(true).build())
                .securityGroups(List.of(network.serviceSecurityGroup(spec.name())))
                .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build())
                .assignPublicIp(false)
                .propagateTags(PropagatedTagSource.SERVICE)
                .enableEcsManagedTags(true)
                .healthCheckGracePeriod(spec.isPublic() ? Duration.seconds(180) : null)
                .serviceConnectConfiguration(ServiceConnectProps.builder()
                        .namespace(ServiceCatalog.SERVICE_CONNECT_NAMESPACE)
                        .services(List.of(ServiceConnectService.builder()
                                .portMappingName(CONTAINER_PORT_NAME)
                                .discoveryName(spec.name())
                                .dnsName(spec.name())
                                .port(spec.port())
                                // callers keep http://<service>:<port>; the Service Connect proxies speak TLS between tasks
                                .tls(ServiceConnectTlsConfiguration.builder()
                                        .awsPcaAuthorityArn(security.serviceConnectCaArn())
                                        .role(serviceConnectTlsRole)
                                        .build())
                                .build()))
                        .logDriver(LogDrivers.awsLogs(AwsLogDriverProps.builder()
                                .logGroup(logGroup).streamPrefix("service-connect").build()))
                        .build())
                .build();
    }

    private int desiredCount(ServiceSpec spec) {
        if (spec.singleton()) {
            return 1;
        }
        if (spec.equals(ServiceCatalog.BACKEND_API)) {
            return config.sizing().backendMinTasks();
        }
        return config.sizing().mcpDesiredTasks();
    }

    /** Probes {@code /health} with bash's /dev/tcp: no curl needed in the runtime image. */
    static List<String> healthCommand(int port) {
        String script = "exec 3<>/dev/tcp/127.0.0.1/" + port
                + " && printf 'GET /health HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3"
                + " && head -n 1 <&3 | grep -q ' 200 '";
        return List.of("CMD", "bash", "-c", script);
    }

    private void expose(ServiceSpec spec, FargateService service, NetworkStack network, EdgeStack edge) {
        ApplicationTargetGroup targetGroup = ApplicationTargetGroup.Builder.create(this, spec.pascalName() + "Targets")
                .vpc(network.vpc())
                .port(spec.port())
                .protocol(ApplicationProtocol.HTTP)
                .targetType(TargetType.IP)
                .deregistrationDelay(Duration.seconds(spec.singleton() ? 5 : 30))
                .healthCheck(software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck.builder()
                        .path(ServiceCatalog.HEALTH_PATH)
                        .healthyHttpCodes("200")
                        .interval(Duration.seconds(15))
                        .timeout(Duration.seconds(5))
                        .healthyThresholdCount(2)
                        .unhealthyThresholdCount(3)
                        .build())
                .build();
        service.attachToApplicationTargetGroup(targetGroup);
        ApplicationListenerRule.Builder.create(this, spec.pascalName() + "Route")
                .listener(edge.httpsListener())
                .priority(spec.listenerPriority())
                .conditions(List.of(ListenerCondition.pathPatterns(spec.publicPaths())))
                .action(ListenerAction.forward(List.of(targetGroup)))
                .build();
        targetGroups.put(spec.name(), targetGroup);
    }

    public Cluster cluster() {
        return cluster;
    }

    public FargateService service(String name) {
        return services.get(name);
    }

    public ApplicationTargetGroup targetGroup(String name) {
        return targetGroups.get(name);
    }
}
