package com.aiassistants.infra.data;

import com.aiassistants.infra.Compliance;
import com.aiassistants.infra.DeploymentConfig;
import com.aiassistants.infra.security.SecurityStack;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.backup.BackupPlan;
import software.amazon.awscdk.services.backup.BackupPlanRule;
import software.amazon.awscdk.services.backup.BackupPlanRuleProps;
import software.amazon.awscdk.services.backup.BackupResource;
import software.amazon.awscdk.services.backup.BackupSelectionOptions;
import software.amazon.awscdk.services.backup.BackupVault;
import software.amazon.awscdk.services.efs.FileSystem;
import software.amazon.awscdk.services.events.CronOptions;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.rds.DatabaseInstance;

/** AWS Backup for the data stack, created in its own scope (the template and logical ids are unchanged). */
final class DataBackups {

    private DataBackups() {
    }

    /** Daily recovery points (and monthly ones in prod) of the database and the WhatsApp session file system. */
    static void plan(Stack stack, DeploymentConfig config, SecurityStack security, DatabaseInstance database,
            FileSystem sessionFileSystem) {
        BackupVault vault = BackupVault.Builder.create(stack, "BackupVault")
                .backupVaultName("ai-assistants-" + config.env())
                .encryptionKey(security.backupKey())
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        List<BackupPlanRule> rules = new java.util.ArrayList<>();
        rules.add(new BackupPlanRule(BackupPlanRuleProps.builder()
                .ruleName("daily")
                .scheduleExpression(Schedule.cron(CronOptions.builder().hour("5").minute("0").build()))
                .deleteAfter(Duration.days(config.isProd() ? DataStack.DAILY_BACKUP_DAYS : DataStack.DEV_DAILY_BACKUP_DAYS))
                .build()));
        if (config.isProd()) {
            rules.add(new BackupPlanRule(BackupPlanRuleProps.builder()
                    .ruleName("monthly")
                    .scheduleExpression(Schedule.cron(CronOptions.builder().day("1").hour("5").minute("0").build()))
                    .moveToColdStorageAfter(Duration.days(30))
                    .deleteAfter(Duration.days(DataStack.MONTHLY_BACKUP_DAYS))
                    .build()));
        }
        BackupPlan plan = BackupPlan.Builder.create(stack, "BackupPlan")
                .backupPlanName("ai-assistants-" + config.env())
                .backupVault(vault)
                .backupPlanRules(rules)
                .build();
        var selection = plan.addSelection("Stateful", BackupSelectionOptions.builder()
                .resources(List.of(BackupResource.fromRdsDatabaseInstance(database),
                        BackupResource.fromEfsFileSystem(sessionFileSystem)))
                .build());
        Compliance.acknowledge(selection, "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]",
                "The AWS-maintained policy AWS Backup documents for its service role");
    }
}
