package com.aiassistants.infra.data;

import com.aiassistants.infra.DeploymentConfig;
import com.aiassistants.infra.Sizing;
import com.aiassistants.infra.catalog.AppSecret;
import com.aiassistants.infra.network.NetworkStack;
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
 * Stateful resources: PostgreSQL (RDS, encrypted, 7-day backups, deletion protection, credentials
 * in Secrets Manager), Redis (ElastiCache, private, encrypted in transit and at rest), EFS for the
 * WhatsApp web-session directory, and the application secrets.
 */
public class DataStack extends Stack {

    public static final String DATABASE_NAME = "ai_assistants";
    public static final int BACKUP_RETENTION_DAYS = 7;
    /** uid/gid the images run as (Jib {@code container.user}); owner of the EFS access point. */
    public static final String APP_UID = "1000";

    private final DatabaseInstance database;
    private final CfnReplicationGroup redis;
    private final FileSystem sessionFileSystem;
    private final AccessPoint sessionAccessPoint;
    private final Map<AppSecret, ISecret> appSecrets = new EnumMap<>(AppSecret.class);

    public DataStack(Construct scope, String id, StackProps props, DeploymentConfig config, NetworkStack network) {
        super(scope, id, props);
        Sizing sizing = config.sizing();
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
                                .secretName("ai-assistants/" + config.env() + "/database").build()))
                .parameterGroup(parameters)
                .backupRetention(Duration.days(BACKUP_RETENTION_DAYS))
                .preferredBackupWindow("03:00-04:00")
                .preferredMaintenanceWindow("sun:04:30-sun:05:30")
                .deletionProtection(true)
                .removalPolicy(RemovalPolicy.SNAPSHOT)
                .autoMinorVersionUpgrade(true)
                .enablePerformanceInsights(config.isProd())
                .cloudwatchLogsExports(List.of("postgresql"))
                .publiclyAccessible(false)
                .build();

        CfnSubnetGroup redisSubnets = CfnSubnetGroup.Builder.create(this, "RedisSubnets")
                .description("ai-assistants Redis private subnets")
                .subnetIds(network.vpc().selectSubnets(privateSubnets).getSubnetIds())
                .build();
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
            appSecrets.put(secret, builder.build());
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
