package com.aiassistants.infra.data;

import com.aiassistants.infra.DeploymentConfig;
import com.aiassistants.infra.catalog.ServiceCatalog;
import com.aiassistants.infra.catalog.ServiceSpec;
import com.aiassistants.infra.network.NetworkStack;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.rds.DatabaseInstance;
import software.amazon.awscdk.services.rds.DatabaseSecret;
import software.amazon.awscdk.services.secretsmanager.HostedRotation;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.MultiUserHostedRotationOptions;
import software.amazon.awscdk.services.secretsmanager.RotationScheduleOptions;

/**
 * One PostgreSQL login per service, created in the data stack's own scope. Each service's secret
 * ({@code ai-assistants/<env>/database/<service>}) holds {@code svc_<schema>} and a generated password, is attached
 * to the instance (host, port, engine) and names the master secret, which Secrets Manager's multi-user rotation uses
 * to alternate the login with its {@code _clone}: the credentials a running task started with stay valid for a whole
 * rotation period after they stop being current, so a rotation never breaks a running task.
 *
 * <p>The logins themselves are made in the database by each task's {@code db-role} init container
 * ({@code common}'s {@code ServiceDatabaseRole}), the only container that is given the master secret.
 */
final class DatabaseLogins {

    private DatabaseLogins() {
    }

    /** Creates every service's login secret and its rotation; puts each in {@code logins} by service name. */
    static void create(Stack stack, DeploymentConfig config, IKey secretsKey, DatabaseInstance database,
                       NetworkStack network, SubnetSelection privateSubnets, Map<String, ISecret> logins) {
        for (ServiceSpec spec : ServiceCatalog.ALL) {
            DatabaseSecret secret = DatabaseSecret.Builder.create(stack, spec.pascalName() + "DatabaseLogin")
                    .secretName(loginSecretName(config.env(), spec))
                    .username(spec.databaseLogin())
                    .dbname(DataStack.DATABASE_NAME)
                    .masterSecret(database.getSecret())
                    .encryptionKey(secretsKey)
                    .build();
            secret.applyRemovalPolicy(RemovalPolicy.RETAIN);
            ISecret attached = secret.attach(database);
            attached.addRotationSchedule("Rotation", RotationScheduleOptions.builder()
                    .hostedRotation(HostedRotation.postgreSqlMultiUser(MultiUserHostedRotationOptions.builder()
                            .masterSecret(database.getSecret())
                            .functionName("ai-assistants-" + config.env() + "-db-" + spec.name() + "-rotation")
                            .vpc(network.vpc())
                            .vpcSubnets(privateSubnets)
                            .securityGroups(List.of(network.rotationSecurityGroup()))
                            .build()))
                    .automaticallyAfter(Duration.days(DataStack.SECRET_ROTATION_DAYS))
                    // the login does not exist until the service's first task has run its db-role container
                    .rotateImmediatelyOnUpdate(false)
                    .build());
            logins.put(spec.name(), attached);
        }
    }

    /** e.g. {@code ai-assistants/prod/database/mcp-calendar}. */
    static String loginSecretName(String env, ServiceSpec spec) {
        return "ai-assistants/" + env + "/database/" + spec.name();
    }
}
