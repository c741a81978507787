package com.aiassistants.infra.data;

import com.aiassistants.infra.Compliance;
import com.aiassistants.infra.DeploymentConfig;
import com.aiassistants.infra.catalog.ServiceCatalog;
import com.aiassistants.infra.catalog.ServiceSpec;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.elasticache.CfnUser;
import software.amazon.awscdk.services.elasticache.CfnUserGroup;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;

/** The Redis users of the data stack, created in its own scope (the template and logical ids are unchanged). */
final class RedisUsers {

    private RedisUsers() {
    }

    /**
     * Redis RBAC: the {@code default} user is switched off and each service that uses Redis gets its own user,
     * whose password is generated into Secrets Manager ({@code ai-assistants/<env>/redis/<service>}), put in
     * {@code redisUsers} by service name.
     */
    static CfnUserGroup create(Stack stack, DeploymentConfig config, IKey secretsKey, Map<String, Secret> redisUsers) {
        String prefix = "ai-assistants-" + config.env() + "-";
        CfnUser off = CfnUser.Builder.create(stack, "RedisDefaultUser")
                .engine("redis")
                .userId(prefix + "default")
                .userName("default")
                .accessString("off -@all")
                .noPasswordRequired(true)
                .build();
        List<String> userIds = new java.util.ArrayList<>(List.of(off.getUserId()));
        List<software.constructs.IDependable> users = new java.util.ArrayList<>(List.of(off));
        for (ServiceSpec spec : ServiceCatalog.ALL) {
            if (!spec.usesRedis()) {
                continue;
            }
            Secret secret = Secret.Builder.create(stack, spec.pascalName() + "RedisSecret")
                    .secretName("ai-assistants/" + config.env() + "/redis/" + spec.name())
                    .description("Redis (ElastiCache RBAC) user of " + spec.name())
                    .encryptionKey(secretsKey)
                    .generateSecretString(SecretStringGenerator.builder()
                            .secretStringTemplate("{\"username\":\"" + spec.name() + "\"}")
                            .generateStringKey("password")
                            .passwordLength(40)
                            .excludePunctuation(true)
                            .build())
                    .removalPolicy(RemovalPolicy.RETAIN)
                    .build();
            String manual = "ElastiCache users have no managed rotation; rotated by hand with two passwords live at once "
                    + "so running tasks keep working (runbook in docs/deployment.md)";
            Compliance.acknowledge(secret, "AwsSolutions-SMG4", manual);
            Compliance.acknowledge(secret, "HIPAA.Security-SecretsManagerRotationEnabled", manual);
            CfnUser user = CfnUser.Builder.create(stack, spec.pascalName() + "RedisUser")
                    .engine("redis")
                    .userId(prefix + spec.name())
                    .userName(spec.name())
                    .accessString(DataStack.REDIS_ACCESS)
                    // a JSON-typed property: CloudFormation's own key names, not the CDK struct's
                    .authenticationMode(Map.of("Type", "password",
                            "Passwords", List.of(secret.secretValueFromJson("password").unsafeUnwrap())))
                    .build();
            userIds.add(user.getUserId());
            users.add(user);
            redisUsers.put(spec.name(), secret);
        }
        CfnUserGroup group = CfnUserGroup.Builder.create(stack, "RedisUsers")
                .engine("redis")
                .userGroupId(prefix + "users")
                .userIds(userIds)
                .build();
        users.forEach(u -> group.getNode().addDependency(u));
        return group;
    }
}
