package com.aiassistants.infra.pipeline;

import com.aiassistants.infra.Compliance;
import com.aiassistants.infra.DeploymentConfig;
import com.aiassistants.infra.catalog.ServiceCatalog;
import com.aiassistants.infra.catalog.ServiceSpec;
import com.aiassistants.infra.edge.EdgeStack;
import com.aiassistants.infra.registry.RegistryStack;
import com.aiassistants.infra.services.ServicesStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.ecs.TaskDefinition;
import software.amazon.awscdk.services.iam.CfnOIDCProvider;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.WebIdentityPrincipal;
import software.constructs.Construct;

/**
 * The delivery pipeline's identity in one environment: GitHub Actions jobs of one repository and one GitHub
 * environment exchange their OIDC token for this role (no long-lived keys) and may only push the project's
 * images, roll them out to the project's ECS services, publish the console and read the stacks' outputs.
 * Defined when the context names {@code githubRepository} (see {@link PipelineConfig}).
 */
public class PipelineStack extends Stack {

    /** Actions that have no resource-level permissions, so {@code Resource: "*"} is the only form IAM accepts. */
    public static final List<String> ACTIONS_WITHOUT_RESOURCES =
            List.of("ecr:GetAuthorizationToken", "ecs:RegisterTaskDefinition", "ecs:DescribeTaskDefinition");
    public static final List<String> ECR_PUSH_ACTIONS = List.of(
            "ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer",
            "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage",
            "ecr:DescribeImages");
    public static final List<String> ECS_SERVICE_ACTIONS = List.of("ecs:DescribeServices", "ecs:UpdateService");
    /** Long enough for a full rollout with the deployer's 15-minute wait per service, and its rollback. */
    public static final Duration MAX_SESSION = Duration.hours(3);
    /** GitHub's OIDC issuer certificates (IAM no longer checks them for this provider, CloudFormation still takes them). */
    static final List<String> GITHUB_THUMBPRINTS =
            List.of("6938fd4d98bab03faadb97b34396831e3780aea1", "1c58a3a8518e8759bf075b76b750d4f2df264fcd");

    private final Role role;
    private final ManagedPolicy policy;

    public PipelineStack(Construct scope, String id, StackProps props, DeploymentConfig config, PipelineConfig pipeline,
                         RegistryStack registry, EdgeStack edge, ServicesStack services) {
        super(scope, id, props);
        String providerArn;
        if (pipeline.createsProvider()) {
            CfnOIDCProvider provider = CfnOIDCProvider.Builder.create(this, "GitHubOidcProvider")
                    .url("https://" + PipelineConfig.GITHUB_OIDC_HOST)
                    .clientIdList(List.of("sts.amazonaws.com"))
                    .thumbprintList(GITHUB_THUMBPRINTS)
                    .build();
            providerArn = provider.getAttrArn();
        } else {
            providerArn = pipeline.oidcProviderArn();
        }

        role = Role.Builder.create(this, "DeployerRole")
                .roleName("ai-assistants-" + config.env() + "-github-deployer")
                .description("GitHub Actions of " + pipeline.githubRepository() + " (environment "
                        + pipeline.githubEnvironment() + ") deploying ai-assistants " + config.env())
                .assumedBy(new WebIdentityPrincipal(providerArn, Map.of("StringEquals", Map.of(
                        PipelineConfig.GITHUB_OIDC_HOST + ":aud", "sts.amazonaws.com",
                        PipelineConfig.GITHUB_OIDC_HOST + ":sub", pipeline.subject()))))
                .maxSessionDuration(MAX_SESSION)
                .build();

        List<PolicyStatement> statements = new ArrayList<>();
        statements.add(statement("EcrLogin", List.of("ecr:GetAuthorizationToken"), List.of("*")));
        statements.add(statement("EcrPushProjectImages", ECR_PUSH_ACTIONS, ServiceCatalog.ALL.stream()
                .map(s -> registry.repository(s.name()).getRepositoryArn()).toList()));
        statements.add(statement("EcsTaskDefinitions",
                List.of("ecs:RegisterTaskDefinition", "ecs:DescribeTaskDefinition"), List.of("*")));
        statements.add(statement("EcsProjectServices", ECS_SERVICE_ACTIONS, ServiceCatalog.ALL.stream()
                .map(s -> serviceArn(config.env(), s)).toList()));
        List<String> taskRoles = new ArrayList<>();
        for (ServiceSpec spec : ServiceCatalog.ALL) {
            TaskDefinition task = services.service(spec.name()).getTaskDefinition();
            taskRoles.add(task.getTaskRole().getRoleArn());
            taskRoles.add(task.obtainExecutionRole().getRoleArn());
        }
        statements.add(PolicyStatement.Builder.create().sid("PassTaskRolesToEcs").effect(Effect.ALLOW)
                .actions(List.of("iam:PassRole"))
                .resources(taskRoles)
                .conditions(Map.of("StringEquals", Map.of("iam:PassedToService", "ecs-tasks.amazonaws.com")))
                .build());
        String consoleBucketArn = Fn.importValue(EdgeStack.consoleBucketArnExport(config));
        addStackDependency(edge, "imports the console bucket ARN export");
        statements.add(statement("ConsoleBucketList", List.of("s3:ListBucket"), List.of(consoleBucketArn)));
        statements.add(statement("ConsoleBucketWrite", List.of("s3:PutObject", "s3:GetObject"),
                List.of(consoleBucketArn + "/*")));
        statements.add(statement("ConsoleInvalidation", List.of("cloudfront:CreateInvalidation", "cloudfront:GetInvalidation"),
                List.of(formatArn(ArnComponents.builder().service("cloudfront").region("").resource("distribution")
                        .resourceName(edge.consoleDistribution().getDistributionId()).build()))));
        statements.add(statement("ReadStackOutputs", List.of("cloudformation:DescribeStacks"), List.of(
                stackArn(config.stackPrefix() + "-Edge"), stackArn(config.stackPrefix() + "-Services"))));

        policy = ManagedPolicy.Builder.create(this, "DeployerPolicy")
                .description("ai-assistants " + config.env() + " delivery: push images, roll out, publish the console")
                .statements(statements)
                .roles(List.of(role))
                .build();
        Compliance.acknowledge(policy, "AwsSolutions-IAM5[Resource::*]",
                "Resource '*' only for " + ACTIONS_WITHOUT_RESOURCES + ", which have no resource-level permissions");
        Compliance.acknowledge(policy, "AwsSolutions-IAM5[Resource::" + EdgeStack.consoleBucketArnExport(config)
                        + "/*]",
                "The console's files have build-generated names; writes stay inside the console bucket");
        for (String stack : List.of("-Edge", "-Services")) {
            Compliance.acknowledge(policy, "AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:cloudformation:"
                            + nagValue(getRegion(), "AWS::Region") + ":" + nagValue(getAccount(), "AWS::AccountId")
                            + ":stack/" + config.stackPrefix() + stack + "/*]",
                    "A stack ARN ends in the stack's generated id; only this environment's stack of that name is read");
        }

        CfnOutput.Builder.create(this, "DeployerRoleArn").value(role.getRoleArn())
                .description("repository/environment variable AWS_ROLE_ARN of GitHub environment "
                        + pipeline.githubEnvironment()).build();
        CfnOutput.Builder.create(this, "OidcProviderArn").value(providerArn).build();
    }

    /** How cdk-nag prints a pseudo parameter in a finding id: {@code <AWS::Region>} while the stack is environment-agnostic. */
    private static String nagValue(String value, String pseudo) {
        return Token.isUnresolved(value) ? "<" + pseudo + ">" : value;
    }

    private static PolicyStatement statement(String sid, List<String> actions, List<String> resources) {
        return PolicyStatement.Builder.create().sid(sid).effect(Effect.ALLOW).actions(actions).resources(resources).build();
    }

    private String serviceArn(String env, ServiceSpec spec) {
        return formatArn(ArnComponents.builder().service("ecs").resource("service")
                .arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
                .resourceName(ServiceCatalog.clusterName(env) + "/" + spec.name()).build());
    }

    private String stackArn(String stackName) {
        return formatArn(ArnComponents.builder().service("cloudformation").resource("stack")
                .arnFormat(ArnFormat.SLASH_RESOURCE_NAME).resourceName(stackName + "/*").build());
    }

    public Role role() {
        return role;
    }

    public ManagedPolicy policy() {
        return policy;
    }
}
