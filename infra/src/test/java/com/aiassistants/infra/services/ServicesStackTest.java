package com.aiassistants.infra.services;

import static com.aiassistants.infra.TemplateQueries.logicalId;
import static com.aiassistants.infra.TemplateQueries.properties;
import static org.assertj.core.api.Assertions.assertThat;

import com.aiassistants.infra.SynthesizedApp;
import com.aiassistants.infra.catalog.ServiceCatalog;
import com.aiassistants.infra.catalog.ServiceSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ecs.FargateService;
import tools.jackson.databind.json.JsonMapper;

class ServicesStackTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ServicesStack stack = SynthesizedApp.prod().stacks().services();
    private final Template template = SynthesizedApp.prod().template(stack);

    private Map<String, Object> serviceProps(String name) {
        FargateService service = stack.service(name);
        return properties(template, "AWS::ECS::Service", logicalId(stack, service));
    }

    private Map<String, Object> taskProps(String name) {
        return properties(template, "AWS::ECS::TaskDefinition", logicalId(stack, stack.service(name).getTaskDefinition()));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> container(String name) {
        return ((List<Map<String, Object>>) taskProps(name).get("ContainerDefinitions")).get(0);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> container(String service, String containerName) {
        return ((List<Map<String, Object>>) taskProps(service).get("ContainerDefinitions")).stream()
                .filter(c -> containerName.equals(c.get("Name"))).findFirst().orElseThrow();
    }

    private String executionPolicy(String name) {
        String roleId = logicalId(stack, stack.service(name).getTaskDefinition().getExecutionRole());
        return template.findResources("AWS::IAM::Policy").values().stream()
                .filter(p -> JSON.writeValueAsString(p).contains("\"Ref\":\"" + roleId + "\""))
                .map(JSON::writeValueAsString).findFirst().orElseThrow();
    }

    @Test
    void clusterHasContainerInsightsAndAServiceConnectNamespace() {
        template.hasResourceProperties("AWS::ECS::Cluster", Map.of(
                "ClusterName", "ai-assistants-prod",
                "ClusterSettings", List.of(Map.of("Name", "containerInsights", "Value", "enabled"))));
        template.hasResourceProperties("AWS::ServiceDiscovery::PrivateDnsNamespace", Map.of("Name", "ai-assistants.internal"));
    }

    @Test
    void everyServiceIsPrivateWithCircuitBreakerRollbackAndServiceConnect() {
        template.resourceCountIs("AWS::ECS::Service", 6);
        for (ServiceSpec spec : ServiceCatalog.ALL) {
            template.hasResourceProperties("AWS::ECS::Service", Map.of(
                    "ServiceName", spec.name(),
                    "LaunchType", "FARGATE",
                    "DeploymentConfiguration", Match.objectLike(Map.of(
                            "DeploymentCircuitBreaker", Map.of("Enable", true, "Rollback", true))),
                    "NetworkConfiguration", Map.of("AwsvpcConfiguration", Match.objectLike(Map.of("AssignPublicIp", "DISABLED"))),
                    "ServiceConnectConfiguration", Match.objectLike(Map.of("Enabled", true, "Services", List.of(
                            Match.objectLike(Map.of("PortName", "http", "DiscoveryName", spec.name(),
                                    "ClientAliases", List.of(Map.of("DnsName", spec.name(), "Port", spec.port())))))))));
        }
    }

    @Test
    void mcpServicesAreInternalOnly() {
        for (ServiceSpec spec : ServiceCatalog.ALL) {
            Object loadBalancers = serviceProps(spec.name()).get("LoadBalancers");
            if (spec.isMcp()) {
                assertThat(loadBalancers).as(spec.name()).isNull();
            } else {
                assertThat(JSON.writeValueAsString(loadBalancers)).as(spec.name()).contains("\"ContainerPort\":" + spec.port());
            }
        }
    }

    @Test
    void backendRunsTwoToTenTasksTrackingSeventyPercentCpu() {
        assertThat(serviceProps("backend-api")).containsEntry("DesiredCount", 2);
        template.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Map.of(
                "MinCapacity", 2, "MaxCapacity", 10, "ScalableDimension", "ecs:service:DesiredCount"));
        template.hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Map.of(
                "PolicyType", "TargetTrackingScaling",
                "TargetTrackingScalingPolicyConfiguration", Match.objectLike(Map.of(
                        "TargetValue", 70,
                        "ScaleInCooldown", 300,
                        "ScaleOutCooldown", 300,
                        "PredefinedMetricSpecification", Map.of("PredefinedMetricType", "ECSServiceAverageCPUUtilization")))));
    }

    @Test
    void gatewayIsASingleTaskThatNeverOverlapsAndMountsTheSessionVolume() {
        Map<String, Object> gateway = serviceProps("whatsapp-gateway");
        assertThat(gateway).containsEntry("DesiredCount", 1);
        assertThat(JSON.writeValueAsString(gateway.get("DeploymentConfiguration")))
                .contains("\"MinimumHealthyPercent\":0", "\"MaximumPercent\":100");
        String task = JSON.writeValueAsString(taskProps("whatsapp-gateway"));
        assertThat(task).contains("\"ContainerPath\":\"/data/whatsapp-session\"", "\"TransitEncryption\":\"ENABLED\"",
                "\"IAM\":\"ENABLED\"", "\"AccessPointId\"");
        template.resourceCountIs("AWS::ApplicationAutoScaling::ScalableTarget", 1);
    }

    @Test
    void taskSizesFollowTheSeedPlanWithAWholeVcpuForTheGateway() {
        assertThat(taskProps("backend-api")).containsEntry("Cpu", "512").containsEntry("Memory", "1024");
        assertThat(taskProps("whatsapp-gateway")).containsEntry("Cpu", "1024").containsEntry("Memory", "2048");
        for (String small : List.of("mcp-professionals", "mcp-calendar", "mcp-booking-log", "mcp-llm")) {
            assertThat(taskProps(small)).as(small).containsEntry("Cpu", "256").containsEntry("Memory", "512");
        }
        Template dev = SynthesizedApp.dev().template(SynthesizedApp.dev().stacks().services());
        dev.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of("Family", "ai-assistants-dev-backend-api", "Cpu", "256"));
        dev.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Map.of("MinCapacity", 1, "MaxCapacity", 2));
    }

    @Test
    void containersGetProductionEnvironmentHealthCheckAndLogs() {
        String backend = JSON.writeValueAsString(container("backend-api"));
        assertThat(backend).contains(
                "{\"Name\":\"SPRING_PROFILES_ACTIVE\",\"Value\":\"aws\"}",
                "{\"Name\":\"MANAGEMENT_CLOUDWATCH_METRICS_EXPORT_NAMESPACE\",\"Value\":\"AiAssistants\"}",
                "{\"Name\":\"AI_ASSISTANTS_MCP_CALENDAR_URL\",\"Value\":\"http://mcp-calendar:8092/mcp\"}",
                "\"Name\":\"REDIS_URL\"", "\"Name\":\"DATABASE_URL\"", "/health", "\"awslogs-stream-prefix\":\"ecs\"",
                ":0123abc\"");
        assertThat(JSON.writeValueAsString(container("mcp-llm"))).doesNotContain("REDIS_URL");
        template.hasResourceProperties("AWS::Logs::LogGroup", Map.of(
                "LogGroupName", "/ecs/ai-assistants/prod/backend-api", "RetentionInDays", 90));
    }

    @Test
    void secretsAreInjectedFromSecretsManagerAndOnlyWhereNeeded() {
        String backend = JSON.writeValueAsString(container("backend-api").get("Secrets"));
        assertThat(backend).contains("SPRING_DATASOURCE_PASSWORD", "AI_ASSISTANTS_MCP_TOKEN", "AI_ASSISTANTS_JWT_SECRET",
                "AI_ASSISTANTS_WEBHOOK_SECRET", "AI_ASSISTANTS_GATEWAY_ADMIN_TOKEN").doesNotContain("LLM_API_KEY", "WHATSAPP");
        String llm = JSON.writeValueAsString(container("mcp-llm").get("Secrets"));
        assertThat(llm).contains("AI_ASSISTANTS_LLM_API_KEY", "AI_ASSISTANTS_MCP_TOKEN").doesNotContain("JWT", "WHATSAPP");
        String gateway = JSON.writeValueAsString(container("whatsapp-gateway").get("Secrets"));
        assertThat(gateway).contains(":access_token::", ":app_secret::", ":verify_token::").doesNotContain("MCP_TOKEN");

        // execution roles can read exactly their own secrets
        assertThat(executionPolicy("backend-api")).contains("SecretJWTSECRET").doesNotContain("SecretLLMAPIKEY", "SecretWHATSAPPCLOUD");
        assertThat(executionPolicy("mcp-llm")).contains("SecretLLMAPIKEY").doesNotContain("SecretJWTSECRET");
        assertThat(executionPolicy("mcp-calendar")).contains("SecretMCPTOKEN").doesNotContain("SecretLLMAPIKEY", "SecretJWTSECRET");
    }

    @Test
    void eachServiceSignsInWithItsOwnLoginMadeByAnInitContainerThatAloneSeesTheMasterSecret() {
        for (ServiceSpec spec : ServiceCatalog.ALL) {
            String app = JSON.writeValueAsString(container(spec.name()));
            assertThat(app)
                    .contains("{\"Name\":\"DATABASE_ROLE\",\"Value\":\"" + spec.databaseOwnerRole() + "\"}")
                    .contains("\"DependsOn\":[{\"Condition\":\"SUCCESS\",\"ContainerName\":\"db-role\"}]")
                    .contains(spec.pascalName() + "DatabaseLogin")
                    .doesNotContain("DatabaseSecretAttachment", "DATABASE_MASTER");
            Map<String, Object> init = container(spec.name(), "db-role");
            assertThat(init.get("Essential")).isEqualTo(false);
            assertThat(JSON.writeValueAsString(init.get("EntryPoint")))
                    .contains("@/app/jib-classpath-file", "com.aiassistants.common.database.ServiceDatabaseRole");
            // the same image as the service, so the deploy command moves both
            assertThat(JSON.writeValueAsString(init.get("Image"))).isEqualTo(JSON.writeValueAsString(container(spec.name()).get("Image")));
            String initJson = JSON.writeValueAsString(init);
            assertThat(initJson).contains("DATABASE_MASTER_USERNAME", "DATABASE_MASTER_PASSWORD", "SERVICE_DATABASE_USERNAME",
                            "SERVICE_DATABASE_PASSWORD", "DatabaseSecretAttachment", spec.pascalName() + "DatabaseLogin")
                    .contains("{\"Name\":\"SERVICE_DATABASE_SCHEMA\",\"Value\":\"" + spec.databaseSchema() + "\"}");
        }
    }

    @Test
    void everyServiceRestartsWeeklySoNoTaskHoldsADatabasePasswordTwoRotationsOld() {
        template.resourceCountIs("AWS::Scheduler::Schedule", ServiceCatalog.ALL.size());
        int minute = 0;
        for (ServiceSpec spec : ServiceCatalog.ALL) {
            template.hasResourceProperties("AWS::Scheduler::Schedule", Map.of(
                    "Name", "ai-assistants-prod-" + spec.name() + "-refresh",
                    "ScheduleExpression", "cron(" + minute + " 6 ? * SUN *)",
                    "Target", Match.objectLike(Map.of(
                            "Arn", Match.objectLike(Map.of("Fn::Join", List.of("", List.of(
                                    "arn:", Map.of("Ref", "AWS::Partition"), ":scheduler:::aws-sdk:ecs:updateService")))),
                            "Input", Match.serializedJson(Match.objectLike(Map.of(
                                    "Cluster", "ai-assistants-prod", "ForceNewDeployment", true)))))));
            minute += 5;
        }
        assertThat(JSON.writeValueAsString(template.findResources("AWS::IAM::Policy")))
                .contains("\"Action\":\"ecs:UpdateService\"");
    }

    @Test
    void taskRolesMayOnlyPublishMetricsToTheProjectNamespaceAndTheGatewayMayMountEfs() {
        for (ServiceSpec spec : ServiceCatalog.ALL) {
            String roleId = logicalId(stack, stack.service(spec.name()).getTaskDefinition().getTaskRole());
            String policy = template.findResources("AWS::IAM::Policy").values().stream()
                    .map(JSON::writeValueAsString)
                    .filter(p -> p.contains("\"Ref\":\"" + roleId + "\""))
                    .findFirst().orElseThrow();
            assertThat(policy).contains("cloudwatch:PutMetricData", "{\"cloudwatch:namespace\":\"AiAssistants\"}")
                    .doesNotContain("secretsmanager:", "s3:", "\"Action\":\"*\"");
            if (spec.singleton()) {
                assertThat(policy).contains("elasticfilesystem:ClientMount", "elasticfilesystem:AccessPointArn");
            } else {
                assertThat(policy).doesNotContain("elasticfilesystem");
            }
        }
    }

    @Test
    void publicRoutesGoToTargetGroupsCheckingHealth() {
        template.resourceCountIs("AWS::ElasticLoadBalancingV2::TargetGroup", 2);
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Map.of(
                "Port", 8080, "TargetType", "ip", "HealthCheckPath", "/health", "Matcher", Map.of("HttpCode", "200")));
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Map.of(
                "Port", 8081, "TargetType", "ip", "HealthCheckPath", "/health"));
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::ListenerRule", Map.of(
                "Conditions", List.of(Map.of("Field", "path-pattern", "PathPatternConfig", Map.of("Values", List.of("/v1/*", "/health"))))));
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::ListenerRule", Map.of(
                "Conditions", List.of(Map.of("Field", "path-pattern", "PathPatternConfig", Map.of("Values", List.of("/webhooks/whatsapp/*"))))));
    }

    @Test
    void healthCommandProbesHealthWithoutCurl() {
        assertThat(ServicesStack.healthCommand(8091)).startsWith("CMD", "bash", "-c")
                .last().asString().contains("/dev/tcp/127.0.0.1/8091", "GET /health", "' 200 '");
    }

    @Test
    void redisUsersGetTheirOwnCredentialsAndSecretsAreDecryptedOnlyThroughSecretsManager() {
        for (ServiceSpec spec : ServiceCatalog.ALL) {
            String secrets = JSON.writeValueAsString(container(spec.name()).get("Secrets"));
            if (spec.usesRedis()) {
                assertThat(secrets).contains("\"Name\":\"REDIS_USERNAME\"", "\"Name\":\"REDIS_PASSWORD\"");
            } else {
                assertThat(secrets).doesNotContain("REDIS_");
            }
            assertThat(executionPolicy(spec.name())).contains("\"kms:Decrypt\"", "kms:ViaService");
        }
    }

    @Test
    void serviceLogGroupsAreKmsEncryptedAndExpire() {
        for (ServiceSpec spec : ServiceCatalog.ALL) {
            template.hasResourceProperties("AWS::Logs::LogGroup", Map.of(
                    "LogGroupName", "/ecs/ai-assistants/prod/" + spec.name(),
                    "RetentionInDays", 90,
                    "KmsKeyId", Match.anyValue()));
        }
    }

    @Test
    void serviceToServiceCallsAreTlsThroughServiceConnectWithThePrivateCa() {
        for (ServiceSpec spec : ServiceCatalog.ALL) {
            template.hasResourceProperties("AWS::ECS::Service", Map.of(
                    "ServiceName", spec.name(),
                    "ServiceConnectConfiguration", Match.objectLike(Map.of("Services", List.of(Match.objectLike(Map.of(
                            "DiscoveryName", spec.name(),
                            "Tls", Map.of(
                                    "IssuerCertificateAuthority", Map.of("AwsPcaAuthorityArn", Match.anyValue()),
                                    "RoleArn", Match.anyValue()))))))));
        }
        String tlsRole = JSON.writeValueAsString(template.findResources("AWS::IAM::Role").values().stream()
                .filter(role -> JSON.writeValueAsString(role).contains(ServicesStack.SERVICE_CONNECT_TLS_POLICY))
                .findFirst().orElseThrow());
        assertThat(tlsRole).contains("\"Service\":\"ecs.amazonaws.com\"");
    }
}
