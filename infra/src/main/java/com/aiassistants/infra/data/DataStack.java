package com.aiassistants.infra.data;

import com.aiassistants.infra.Compliance;
import com.aiassistants.infra.DeploymentConfig;
import com.aiassistants.infra.Sizing;
import com.aiassistants.infra.catalog.AppSecret;
import com.aiassistants.infra.network.NetworkStack;
import com.aiassistants.infra.security.SecurityStack;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.SecretValue;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.efs.AccessPoint;
import software.amazon.awscdk.services.efs.AccessPointOptions;
import software.amazon.awscdk.services.efs.Acl;
import software.amazon.awscdk.services.efs.FileSystem;
import software.amazon.awscdk.services.efs.LifecyclePolicy;
import software.amazon.awscdk.services.efs.PerformanceMode;
import software.amazon.awscdk.services.efs.PosixUser;
import software.amazon.awscdk.services.efs.ThroughputMode;
import software.amazon.awscdk.services.elasticache.CfnReplicationGroup;
import software.amazon.awscdk.services.elasticache.CfnSubnetGroup;
import software.amazon.awscdk.services.elasticache.CfnUserGroup;
import java.util.LinkedHashMap;
import software.amazon.awscdk.services.rds.Credentials;
import software.amazon.awscdk.services.rds.DatabaseInstance;
import software.amazon.awscdk.services.rds.DatabaseInstanceEngine;
import software.amazon.awscdk.services.rds.ParameterGroup;
import software.amazon.awscdk.services.rds.PostgresEngineVersion;
import software.amazon.awscdk.services.rds.PostgresInstanceEngineProps;
import software.amazon.awscdk.services.rds.StorageType;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * Stateful resources: PostgreSQL (RDS, encrypted, 7-day point-in-time backups, enhanced monitoring,
 * deletion protection, master credentials in Secrets Manager, one login per service with multi-user rotation), Redis (ElastiCache, private, encrypted in transit
 * and at rest), EFS for the WhatsApp web-session directory, the application secrets (KMS-encrypted with
 * the security stack's secrets key) and an AWS Backup plan (daily, plus monthly in prod) for PostgreSQL
 * and EFS into an encrypted vault.
 */
public class DataStack extends Stack {

    public static final String DATABASE_NAME = "ai_assistants";
    public static final int BACKUP_RETENTION_DAYS = 7;
    /** AWS Backup: daily recovery points kept this long (prod; dev keeps them {@value #DEV_DAILY_BACKUP_DAYS} days). */
    public static final int DAILY_BACKUP_DAYS = 35;
    public static final int DEV_DAILY_BACKUP_DAYS = 7;
    /** AWS Backup, prod only: the first recovery point of each month kept a year. */
    public static final int MONTHLY_BACKUP_DAYS = 365;
    public static final int MONITORING_INTERVAL_SECONDS = 60;
    /** Database passwords (master and per service) rotate this often. */
    public static final int SECRET_ROTATION_DAYS = 30;
    /** uid/gid the images run as (Jib {@code container.user}); owner of the EFS access point. */
    public static final String APP_UID = "1000";

    private final DatabaseInstance database;
    private final CfnReplicationGroup redis;
    private final FileSystem sessionFileSystem;
    private final AccessPoint sessionAccessPoint;
    private final Map<AppSecret, ISecret> appSecrets = new EnumMap<>(AppSecret.class);
    private final Map<String, Secret> redisUsers = new LinkedHashMap<>();
    private final Map<String, ISecret> databaseLogins = new LinkedHashMap<>();
    /**
     * The security stack's secrets key, imported: grants on it would otherwise be written into its key policy,
     * naming roles of later stacks (a dependency cycle). The key policy lets IAM decide, and the services stack
     * gives each execution role kms:Decrypt through Secrets Manager.
     */
    private final software.amazon.awscdk.services.kms.IKey secretsKey;
    /**
     * What each service's Redis user may do: every key and channel (rate-limit buckets, live-event pub/sub,
     * leases), no administrative or dangerous command (FLUSHALL, KEYS, CONFIG, DEBUG, …).
     */
    public static final String REDIS_ACCESS = "on ~* &* +@all -@dangerous";

    public DataStack(Construct scope, String id, StackProps props, DeploymentConfig config, NetworkStack network,
                     SecurityStack security) {
        super(scope, id, props);
        Sizing sizing = config.sizing();
        secretsKey = software.amazon.awscdk.services.kms.Key.fromKeyArn(this, "SecretsKey", security.secretsKey().getKeyArn());
        SubnetSelection privateSubnets = SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build();

        PostgresEngineVersion version = PostgresEngineVersion.VER_17_9;
        software.amazon.awscdk.services.rds.IInstanceEngine engine = DatabaseInstanceEngine.postgres(
                PostgresInstanceEngineProps.builder().version(version).build());
        ParameterGroup parameters = ParameterGroup.Builder.create(this, "DbParameters")
                .engine(engine)
                .description("ai-assistants PostgreSQL " + config.env())
                .parameters(Map.of(
                        "max_connections", Integer.toString(sizing.dbMaxConnections()),
                        "idle_in_transaction_session_timeout", "60000",
                        "statement_timeout", "30000",
                        "log_min_duration_statement", "1000",
                        // slow statements are logged without their bind values (names, phone numbers)
                        "log_parameter_max_length", "0",
                        "log_parameter_max_length_on_error", "0",
                        "rds.force_ssl", "1"))
                .build();
        database = DatabaseInstance.Builder.create(this, "Database")
                .engine(engine)
                .instanceType(new InstanceType(sizing.dbInstanceClass()))
                .vpc(network.vpc())
                .vpcSubnets(privateSubnets)
                .securityGroups(List.of(network.databaseSecurityGroup()))
                .multiAz(sizing.dbMultiAz())
                .allocatedStorage(sizing.dbAllocatedStorageGib())
                .maxAllocatedStorage(sizing.dbAllocatedStorageGib() * 4)
                .storageType(StorageType.GP3)
                .storageEncrypted(true)
                .databaseName(DATABASE_NAME)
                .credentials(Credentials.fromGeneratedSecret("ai_assistants",
                        software.amazon.awscdk.services.rds.CredentialsBaseOptions.builder()
                                .secretName("ai-assistants/" + config.env() + "/database")
                                .encryptionKey(secretsKey).build()))
                .parameterGroup(parameters)
                .backupRetention(Duration.days(BACKUP_RETENTION_DAYS))
                .preferredBackupWindow("03:00-04:00")
                .preferredMaintenanceWindow("sun:04:30-sun:05:30")
                .deletionProtection(true)
                .removalPolicy(RemovalPolicy.SNAPSHOT)
                .autoMinorVersionUpgrade(true)
                .enablePerformanceInsights(config.isProd())
                .cloudwatchLogsExports(List.of("postgresql", "upgrade"))
                .cloudwatchLogsRetention(sizing.logRetention())
                .monitoringInterval(Duration.seconds(MONITORING_INTERVAL_SECONDS))
                .publiclyAccessible(false)
                .build();

        CfnSubnetGroup redisSubnets = CfnSubnetGroup.Builder.create(this, "RedisSubnets")
                .description("ai-assistants Redis private subnets")
                .subnetIds(network.vpc().selectSubnets(privateSubnets).getSubnetIds())
                .build();
        CfnUserGroup redisUserGroup = RedisUsers.create(this, config, secretsKey, redisUsers);
        redis = CfnReplicationGroup.Builder.create(this, "Redis")
                .replicationGroupDescription("ai-assistants rate limits, pub/sub fan-out, leases")
                .engine("redis")
                .engineVersion("7.1")
                .cacheNodeType(sizing.redisNodeType())
                .numCacheClusters(sizing.redisNodes())
                .automaticFailoverEnabled(sizing.redisNodes() > 1)
                .multiAzEnabled(sizing.redisNodes() > 1)
                .atRestEncryptionEnabled(true)
                .transitEncryptionEnabled(true)
                .userGroupIds(List.of(redisUserGroup.getRef()))
                .cacheSubnetGroupName(redisSubnets.getRef())
                .securityGroupIds(List.of(network.redisSecurityGroup().getSecurityGroupId()))
                .snapshotRetentionLimit(config.isProd() ? 3 : 0)
                .port(6379)
                .build();

        sessionFileSystem = FileSystem.Builder.create(this, "WhatsappSession")
                .vpc(network.vpc())
                .vpcSubnets(privateSubnets)
                .securityGroup(network.efsSecurityGroup())
                .encrypted(true)
                .performanceMode(PerformanceMode.GENERAL_PURPOSE)
                .throughputMode(ThroughputMode.ELASTIC)
                .lifecyclePolicy(LifecyclePolicy.AFTER_30_DAYS)
                .enableAutomaticBackups(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        sessionAccessPoint = sessionFileSystem.addAccessPoint("SessionAccessPoint", AccessPointOptions.builder()
                .path("/whatsapp-session")
                .createAcl(Acl.builder().ownerUid(APP_UID).ownerGid(APP_UID).permissions("0700").build())
                .posixUser(PosixUser.builder().uid(APP_UID).gid(APP_UID).build())
                .build());

        for (AppSecret secret : AppSecret.values()) {
            Secret.Builder builder = Secret.Builder.create(this, "Secret" + secret.name())
                    .secretName(secret.secretName(config.env()))
                    .description(secret.description())
                    .encryptionKey(secretsKey)
                    .removalPolicy(RemovalPolicy.RETAIN);
            if (secret.generated()) {
                builder.generateSecretString(SecretStringGenerator.builder()
                        .passwordLength(48).excludePunctuation(true).build());
            } else if (secret.envByJsonKey().containsKey("")) {
                builder.secretStringValue(SecretValue.unsafePlainText("replace-me"));
            } else {
                StringBuilder json = new StringBuilder("{");
                secret.envByJsonKey().keySet().stream().sorted().forEach(key ->
                        json.append(json.length() > 1 ? "," : "").append('"').append(key).append("\":\"replace-me\""));
                builder.secretStringValue(SecretValue.unsafePlainText(json.append('}').toString()));
            }
            Secret created = builder.build();
            String rotation = secret.generated()
                    ? "Shared by two services that each accept only the current value, so it is rotated by hand with a "
                            + "deploy (runbook in docs/deployment.md)"
                    : "Issued by a third party (Meta, the LLM provider) and rotated there; ops store the new value "
                            + "(runbook in docs/deployment.md)";
            Compliance.acknowledge(created, "AwsSolutions-SMG4", rotation);
            Compliance.acknowledge(created, "HIPAA.Security-SecretsManagerRotationEnabled", rotation);
            appSecrets.put(secret, created);
        }

        // the master credentials are used only by each task's db-role init container and by the logins' rotation;
        // single-user rotation is safe for them: both read the secret when they run
        database.getSecret().addRotationSchedule("Rotation", software.amazon.awscdk.services.secretsmanager.RotationScheduleOptions.builder()
                .hostedRotation(software.amazon.awscdk.services.secretsmanager.HostedRotation.postgreSqlSingleUser(
                        software.amazon.awscdk.services.secretsmanager.SingleUserHostedRotationOptions.builder()
                                .functionName("ai-assistants-" + config.env() + "-db-master-rotation")
                                .vpc(network.vpc())
                                .vpcSubnets(privateSubnets)
                                .securityGroups(List.of(network.rotationSecurityGroup()))
                                .build()))
                .automaticallyAfter(Duration.days(SECRET_ROTATION_DAYS))
                .build());
        DatabaseLogins.create(this, config, secretsKey, database, network, privateSubnets, databaseLogins);
        DataBackups.plan(this, config, security, database, sessionFileSystem);
        acknowledgeDataFindings(config);
    }

    private void acknowledgeDataFindings(DeploymentConfig config) {
        Compliance.acknowledge(database, "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole]",
                "The AWS-maintained policy RDS enhanced monitoring documents for its role");
        // CDK's log-retention function (sets the RDS log group's retention)
        for (var child : getNode().getChildren()) {
            if (child.getNode().getId().startsWith("LogRetention")) {
                Compliance.acknowledge(child, "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]",
                        "CDK's log-retention function writes its own logs with the AWS-maintained basic execution policy");
                Compliance.acknowledge(child, "AwsSolutions-IAM5[Resource::*]",
                        "CDK's log-retention function sets retention on log groups it learns at deploy time");
                Compliance.acknowledge(child, "HIPAA.Security-IAMNoInlinePolicy",
                        "CDK's log-retention function: its inline policy is generated by CDK for this one role");
            }
        }
        Compliance.acknowledge(redis, "AwsSolutions-AEC6",
                "Redis AUTH's single shared token is replaced by RBAC: one user per service (passwords in Secrets Manager), "
                        + "the default user switched off");
        Compliance.acknowledge(redis, "AwsSolutions-AEC5",
                "The default port is reachable only from the security groups of the services that use Redis");
        Compliance.acknowledge(redis, "HIPAA.Security-ElastiCacheRedisClusterAutomaticBackup",
                "Redis holds only rate-limit buckets, live-event fan-out and leases, all rebuilt at run time; no record to restore");
        if (!config.isProd()) {
            Compliance.acknowledge(redis, "AwsSolutions-AEC4", "dev runs one node: it holds no patient data and nothing to fail over");
        }
        Compliance.acknowledge(database, "AwsSolutions-RDS11",
                "The default port is reachable only from the services' security groups in private subnets");
        if (!config.isProd()) {
            Compliance.acknowledge(database, "AwsSolutions-RDS3", "dev holds no patient data; single-AZ halves its cost");
            Compliance.acknowledge(database, "HIPAA.Security-RDSMultiAZSupport", "dev holds no patient data; single-AZ halves its cost");
        }
    }

    public DatabaseInstance database() {
        return database;
    }

    /** JDBC URL without credentials (those come from the database secret). */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + database.getDbInstanceEndpointAddress() + ":"
                + database.getDbInstanceEndpointPort() + "/" + DATABASE_NAME + "?sslmode=require";
    }

    /** TLS Redis URL of the primary endpoint. */
    public String redisUrl() {
        return "rediss://" + redis.getAttrPrimaryEndPointAddress() + ":" + redis.getAttrPrimaryEndPointPort();
    }

    /** A service's own database login secret ({@code username}, {@code password}, host, port; rotated multi-user). */
    public ISecret databaseLogin(String service) {
        return databaseLogins.get(service);
    }

    /** The Redis user secret ({@code username}, {@code password}) of a service that uses Redis. */
    public ISecret redisUser(String service) {
        return redisUsers.get(service);
    }

    public CfnReplicationGroup redis() {
        return redis;
    }

    public FileSystem sessionFileSystem() {
        return sessionFileSystem;
    }

    public AccessPoint sessionAccessPoint() {
        return sessionAccessPoint;
    }

    public ISecret appSecret(AppSecret secret) {
        return appSecrets.get(secret);
    }
}
