package com.aiassistants.infra.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiassistants.infra.SynthesizedApp;
import com.aiassistants.infra.catalog.AppSecret;
import com.aiassistants.infra.catalog.ServiceCatalog;
import com.aiassistants.infra.catalog.ServiceSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class DataStackTest {

    private final Template prod = SynthesizedApp.prod().template(SynthesizedApp.prod().stacks().data());
    private final Template dev = SynthesizedApp.dev().template(SynthesizedApp.dev().stacks().data());

    @Test
    void postgresIsMultiAzEncryptedBackedUpAndProtected() {
        prod.hasResourceProperties("AWS::RDS::DBInstance", Map.of(
                "Engine", "postgres",
                "MultiAZ", true,
                "StorageEncrypted", true,
                "BackupRetentionPeriod", 7,
                "DeletionProtection", true,
                "PubliclyAccessible", false,
                "DBInstanceClass", "db.t4g.small",
                "DBName", "ai_assistants"));
        prod.hasResource("AWS::RDS::DBInstance", Map.of("DeletionPolicy", "Snapshot"));
        dev.hasResourceProperties("AWS::RDS::DBInstance", Map.of(
                "MultiAZ", false, "DBInstanceClass", "db.t4g.micro", "DeletionProtection", true, "BackupRetentionPeriod", 7));
    }

    @Test
    void parameterGroupCapsConnectionsAndForcesTls() {
        prod.hasResourceProperties("AWS::RDS::DBParameterGroup", Map.of("Parameters", Match.objectLike(Map.of(
                "max_connections", "200",
                "idle_in_transaction_session_timeout", "60000",
                "rds.force_ssl", "1"))));
        dev.hasResourceProperties("AWS::RDS::DBParameterGroup", Map.of("Parameters", Match.objectLike(Map.of(
                "max_connections", "100"))));
    }

    @Test
    void databaseCredentialsAreGeneratedIntoSecretsManager() {
        prod.hasResourceProperties("AWS::SecretsManager::Secret", Map.of(
                "Name", "ai-assistants/prod/database",
                "GenerateSecretString", Match.objectLike(Map.of(
                        "SecretStringTemplate", "{\"username\":\"ai_assistants\"}",
                        "GenerateStringKey", "password"))));
        // the master secret and the six services' logins
        prod.resourceCountIs("AWS::SecretsManager::SecretTargetAttachment", 7);
    }

    @Test
    void everyServiceHasItsOwnLoginRotatedMultiUserWithoutRotatingAtCreation() {
        for (ServiceSpec spec : ServiceCatalog.ALL) {
            prod.hasResourceProperties("AWS::SecretsManager::Secret", Map.of(
                    "Name", "ai-assistants/prod/database/" + spec.name(),
                    "KmsKeyId", Match.anyValue(),
                    "GenerateSecretString", Match.objectLike(Map.of(
                            // the multi-user rotation signs in with the master secret named here to alternate the login
                            "SecretStringTemplate", Match.objectLike(Map.of("Fn::Join", List.of("", List.of(
                                    "{\"username\":\"" + spec.databaseLogin() + "\",\"dbname\":\"ai_assistants\",\"masterarn\":\"",
                                    Match.anyValue(), "\"}")))),
                            "GenerateStringKey", "password"))));
            prod.hasResourceProperties("AWS::SecretsManager::RotationSchedule", Map.of(
                    "HostedRotationLambda", Match.objectLike(Map.of(
                            "RotationType", "PostgreSQLMultiUser",
                            "RotationLambdaName", "ai-assistants-prod-db-" + spec.name() + "-rotation",
                            "MasterSecretArn", Match.anyValue()))));
        }
        Map<String, Map<String, Object>> multiUser = prod.findResources("AWS::SecretsManager::RotationSchedule", Map.of(
                "Properties", Map.of(
                        "HostedRotationLambda", Match.objectLike(Map.of("RotationType", "PostgreSQLMultiUser")),
                        "RotateImmediatelyOnUpdate", false,
                        "RotationRules", Map.of("ScheduleExpression", "rate(30 days)"))));
        assertThat(multiUser).hasSize(ServiceCatalog.ALL.size());
    }

    @Test
    void catalogSchemasAreTheOnesEachServiceMigrates() throws java.io.IOException {
        for (ServiceSpec spec : ServiceCatalog.ALL) {
            java.nio.file.Path yml = java.nio.file.Path.of("..", spec.name(), "src/main/resources/application.yml");
            assertThat(java.nio.file.Files.readString(yml))
                    .as("%s's Flyway schema", spec.name())
                    .containsPattern("(?m)^\\s+default-schema: " + spec.databaseSchema() + "\\s*$");
        }
    }

    @Test
    void everyApplicationSecretExistsGeneratedOrAsPlaceholder() {
        for (AppSecret secret : AppSecret.values()) {
            prod.hasResourceProperties("AWS::SecretsManager::Secret", Map.of(
                    "Name", secret.secretName("prod"),
                    secret.generated() ? "GenerateSecretString" : "SecretString", Match.anyValue()));
        }
        prod.hasResourceProperties("AWS::SecretsManager::Secret", Map.of(
                "Name", "ai-assistants/prod/whatsapp-cloud",
                "SecretString", "{\"access_token\":\"replace-me\",\"app_secret\":\"replace-me\",\"verify_token\":\"replace-me\"}"));
    }

    @Test
    void redisIsPrivateEncryptedAndReplicatedInProd() {
        prod.hasResourceProperties("AWS::ElastiCache::ReplicationGroup", Map.of(
                "Engine", "redis",
                "CacheNodeType", "cache.t4g.micro",
                "NumCacheClusters", 2,
                "AutomaticFailoverEnabled", true,
                "TransitEncryptionEnabled", true,
                "AtRestEncryptionEnabled", true));
        dev.hasResourceProperties("AWS::ElastiCache::ReplicationGroup", Map.of(
                "NumCacheClusters", 1, "AutomaticFailoverEnabled", false));
        prod.resourceCountIs("AWS::ElastiCache::SubnetGroup", 1);
    }

    @Test
    void whatsappSessionLivesOnEncryptedEfsBehindAnAccessPoint() {
        prod.hasResourceProperties("AWS::EFS::FileSystem", Map.of("Encrypted", true));
        prod.hasResource("AWS::EFS::FileSystem", Map.of("DeletionPolicy", "Retain"));
        prod.hasResourceProperties("AWS::EFS::AccessPoint", Map.of(
                "RootDirectory", Map.of("Path", "/whatsapp-session",
                        "CreationInfo", Map.of("OwnerUid", "1000", "OwnerGid", "1000", "Permissions", "0700")),
                "PosixUser", Map.of("Uid", "1000", "Gid", "1000")));
        prod.resourceCountIs("AWS::EFS::MountTarget", 2);
    }

    @Test
    void jdbcUrlRequiresTls() {
        assertThat(SynthesizedApp.prod().stacks().data().jdbcUrl()).endsWith("/ai_assistants?sslmode=require");
    }

    @Test
    void postgresHasEnhancedMonitoringUpgradeLogsAndNoBindValuesInItsLogs() {
        prod.hasResourceProperties("AWS::RDS::DBInstance", Map.of(
                "MonitoringInterval", 60,
                "EnableCloudwatchLogsExports", List.of("postgresql", "upgrade")));
        prod.hasResourceProperties("AWS::RDS::DBParameterGroup", Map.of("Parameters", Match.objectLike(Map.of(
                "log_parameter_max_length", "0", "log_parameter_max_length_on_error", "0"))));
    }

    @Test
    void masterPasswordRotatesMonthlyThroughSecretsManagersHostedFunction() {
        prod.hasResourceProperties("AWS::SecretsManager::RotationSchedule", Map.of(
                "HostedRotationLambda", Match.objectLike(Map.of("RotationType", "PostgreSQLSingleUser")),
                "RotationRules", Map.of("ScheduleExpression", "rate(30 days)")));
        prod.hasResourceProperties("AWS::SecretsManager::Secret", Map.of(
                "Name", "ai-assistants/prod/database", "KmsKeyId", Match.anyValue()));
    }

    @Test
    void everySecretIsEncryptedWithTheSecretsKey() {
        prod.allResourcesProperties("AWS::SecretsManager::Secret", Map.of("KmsKeyId", Match.anyValue()));
    }

    @Test
    void redisUsesRbacWithTheDefaultUserOffAndOneUserPerRedisService() {
        prod.hasResourceProperties("AWS::ElastiCache::User", Map.of(
                "UserName", "default", "AccessString", "off -@all"));
        for (String service : List.of("backend-api", "whatsapp-gateway")) {
            prod.hasResourceProperties("AWS::ElastiCache::User", Map.of(
                    "UserId", "ai-assistants-prod-" + service,
                    "UserName", service,
                    "AccessString", DataStack.REDIS_ACCESS,
                    "AuthenticationMode", Map.of("Type", "password", "Passwords", List.of(Map.of("Fn::Join", List.of("",
                            List.of("{{resolve:secretsmanager:", Match.anyValue(), ":SecretString:password::}}")))))));
            prod.hasResourceProperties("AWS::SecretsManager::Secret", Map.of(
                    "Name", "ai-assistants/prod/redis/" + service,
                    "GenerateSecretString", Match.objectLike(Map.of("SecretStringTemplate", "{\"username\":\"" + service + "\"}"))));
        }
        prod.resourceCountIs("AWS::ElastiCache::User", 3);
        prod.hasResourceProperties("AWS::ElastiCache::ReplicationGroup", Map.of(
                "UserGroupIds", List.of(Match.anyValue()), "TransitEncryptionEnabled", true));
    }

    @Test
    void awsBackupKeepsDailyAndMonthlyRecoveryPointsOfPostgresAndEfsInAnEncryptedVault() {
        prod.hasResourceProperties("AWS::Backup::BackupVault", Map.of(
                "BackupVaultName", "ai-assistants-prod", "EncryptionKeyArn", Match.anyValue()));
        prod.hasResourceProperties("AWS::Backup::BackupPlan", Map.of("BackupPlan", Match.objectLike(Map.of(
                "BackupPlanRule", List.of(
                        Match.objectLike(Map.of("RuleName", "daily", "Lifecycle", Map.of("DeleteAfterDays", 35))),
                        Match.objectLike(Map.of("RuleName", "monthly",
                                "Lifecycle", Map.of("DeleteAfterDays", 365, "MoveToColdStorageAfterDays", 30))))))));
        dev.hasResourceProperties("AWS::Backup::BackupPlan", Map.of("BackupPlan", Match.objectLike(Map.of(
                "BackupPlanRule", List.of(Match.objectLike(Map.of("RuleName", "daily", "Lifecycle", Map.of("DeleteAfterDays", 7))))))));
        prod.resourceCountIs("AWS::Backup::BackupSelection", 1);
        String selection = prod.findResources("AWS::Backup::BackupSelection").toString();
        assertThat(selection).contains("rds", "elasticfilesystem");
    }
}
