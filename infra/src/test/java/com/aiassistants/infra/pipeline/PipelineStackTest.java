package com.aiassistants.infra.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aiassistants.infra.SynthesizedApp;
import com.aiassistants.infra.catalog.ServiceCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;

/** The CI's identity: OIDC trust for one repository and GitHub environment, and only the delivery permissions. */
class PipelineStackTest {

    private static SynthesizedApp app(String env) {
        return env.equals("prod") ? SynthesizedApp.prod() : SynthesizedApp.dev();
    }

    private static Template template(String env) {
        return app(env).template(app(env).stacks().pipeline());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void githubOidcProviderAndATrustLimitedToTheRepositoryAndEnvironment(String env) {
        Template template = template(env);
        template.hasResourceProperties("AWS::IAM::OIDCProvider", Map.of(
                "Url", "https://token.actions.githubusercontent.com",
                "ClientIdList", List.of("sts.amazonaws.com")));
        String githubEnvironment = env.equals("prod") ? "production" : "dev";
        Map<String, Object> role = only(template.findResources("AWS::IAM::Role"));
        Map<String, Object> properties = map(role.get("Properties"));
        assertThat(properties).containsEntry("RoleName", "ai-assistants-" + env + "-github-deployer")
                .containsEntry("MaxSessionDuration", 10800);
        List<Object> trust = list(map(properties.get("AssumeRolePolicyDocument")).get("Statement"));
        assertThat(trust).hasSize(1);
        Map<String, Object> statement = map(trust.getFirst());
        assertThat(statement.get("Action")).isEqualTo("sts:AssumeRoleWithWebIdentity");
        assertThat(map(statement.get("Condition"))).containsOnlyKeys("StringEquals");
        assertThat(map(map(statement.get("Condition")).get("StringEquals"))).isEqualTo(Map.of(
                "token.actions.githubusercontent.com:aud", "sts.amazonaws.com",
                "token.actions.githubusercontent.com:sub",
                "repo:" + SynthesizedApp.GITHUB_REPOSITORY + ":environment:" + githubEnvironment));
        // no long-lived credentials
        template.resourceCountIs("AWS::IAM::AccessKey", 0);
        template.resourceCountIs("AWS::IAM::User", 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noStatementAllowsEverythingOrEveryResourceBeyondActionsWithoutResourceLevelPermissions(String env) {
        List<Map<String, Object>> statements = statements(template(env));
        assertThat(statements).isNotEmpty().allSatisfy(statement -> {
            assertThat(statement.get("Effect")).isEqualTo("Allow");
            List<String> actions = strings(statement.get("Action"));
            assertThat(actions).noneMatch(a -> a.equals("*") || a.endsWith(":*") || a.contains("*"));
            if (strings(statement.get("Resource")).contains("*")) {
                assertThat(PipelineStack.ACTIONS_WITHOUT_RESOURCES).containsAll(actions);
            }
        });
        assertThat(statements.stream().flatMap(s -> strings(s.get("Action")).stream()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability",
                        "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:InitiateLayerUpload",
                        "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage", "ecr:DescribeImages",
                        "ecs:RegisterTaskDefinition", "ecs:DescribeTaskDefinition", "ecs:DescribeServices",
                        "ecs:UpdateService", "iam:PassRole", "s3:ListBucket", "s3:PutObject", "s3:GetObject",
                        "cloudfront:CreateInvalidation", "cloudfront:GetInvalidation", "cloudformation:DescribeStacks");
    }

    @Test
    void pushesOnlyToTheProjectsRepositoriesAndUpdatesOnlyTheProjectsServices() {
        List<Map<String, Object>> statements = statements(template("prod"));
        Map<String, Object> push = bySid(statements, "EcrPushProjectImages");
        assertThat(list(push.get("Resource"))).hasSize(ServiceCatalog.ALL.size())
                .allSatisfy(r -> assertThat(r.toString()).contains("Fn::ImportValue", "AiAssistants-prod-Registry"));
        Map<String, Object> ecs = bySid(statements, "EcsProjectServices");
        String services = list(ecs.get("Resource")).toString();
        assertThat(list(ecs.get("Resource"))).hasSize(ServiceCatalog.ALL.size());
        for (var spec : ServiceCatalog.ALL) {
            assertThat(services).contains(":service/ai-assistants-prod/" + spec.name());
        }
        assertThat(services).doesNotContain("ai-assistants-dev");
    }

    @Test
    void passesOnlyTheTaskRolesAndOnlyToEcsTasks() {
        Map<String, Object> pass = bySid(statements(template("prod")), "PassTaskRolesToEcs");
        assertThat(pass.get("Condition")).isEqualTo(Map.of("StringEquals",
                Map.of("iam:PassedToService", "ecs-tasks.amazonaws.com")));
        List<Object> roles = list(pass.get("Resource"));
        // a task role and an execution role per service, imported from the services stack
        assertThat(roles).hasSize(2 * ServiceCatalog.ALL.size())
                .allSatisfy(r -> assertThat(r.toString()).contains("Fn::ImportValue", "AiAssistants-prod-Services"));
    }

    @Test
    void publishesTheConsoleAndReadsOnlyThisEnvironmentsStacks() {
        List<Map<String, Object>> statements = statements(template("prod"));
        assertThat(strings(bySid(statements, "ConsoleBucketWrite").get("Action")))
                .containsExactlyInAnyOrder("s3:PutObject", "s3:GetObject");
        assertThat(bySid(statements, "ConsoleBucketWrite").get("Resource").toString())
                .contains("Fn::ImportValue=AiAssistants-prod-ConsoleBucketArn").contains("/*");
        assertThat(bySid(statements, "ConsoleBucketList").get("Resource"))
                .isEqualTo(Map.of("Fn::ImportValue", "AiAssistants-prod-ConsoleBucketArn"));
        assertThat(bySid(statements, "ConsoleInvalidation").get("Resource").toString())
                .contains(":distribution/", "AiAssistants-prod-Edge");
        String stacks = bySid(statements, "ReadStackOutputs").get("Resource").toString();
        assertThat(stacks).contains(":stack/AiAssistants-prod-Edge/*", ":stack/AiAssistants-prod-Services/*")
                .doesNotContain("AiAssistants-dev");
    }

    @Test
    void withoutARepositoryInContextThereIsNoPipelineStackAndBadValuesAreRefused() {
        assertThat(PipelineConfig.fromContext(new App().getNode(), "dev")).isNull();
        assertThatThrownBy(() -> new PipelineConfig("not a repo", "dev", ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PipelineConfig("o/r", "dev", "arn:aws:iam::123456789012:oidc-provider/example.com"))
                .isInstanceOf(IllegalArgumentException.class);
        PipelineConfig existing = new PipelineConfig("o/r", "production",
                "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com");
        assertThat(existing.createsProvider()).isFalse();
        assertThat(existing.subject()).isEqualTo("repo:o/r:environment:production");
    }

    private static List<Map<String, Object>> statements(Template template) {
        List<Map<String, Object>> statements = new ArrayList<>();
        for (String type : List.of("AWS::IAM::ManagedPolicy", "AWS::IAM::Policy")) {
            for (Map<String, Object> resource : template.findResources(type).values()) {
                Map<String, Object> document = map(map(resource.get("Properties")).get("PolicyDocument"));
                list(document.get("Statement")).forEach(s -> statements.add(map(s)));
            }
        }
        return statements;
    }

    private static Map<String, Object> bySid(List<Map<String, Object>> statements, String sid) {
        return statements.stream().filter(s -> sid.equals(s.get("Sid"))).findFirst()
                .orElseThrow(() -> new AssertionError("no statement " + sid + " in " + statements));
    }

    private static Map<String, Object> only(Map<String, Map<String, Object>> resources) {
        assertThat(resources).hasSize(1);
        return resources.values().iterator().next();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of(value);
    }

    private static List<String> strings(Object value) {
        return list(value).stream().map(v -> v instanceof String s ? s : "<token>").toList();
    }
}
