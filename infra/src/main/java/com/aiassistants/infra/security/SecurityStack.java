package com.aiassistants.infra.security;

import com.aiassistants.infra.Compliance;
import com.aiassistants.infra.DeploymentConfig;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.CfnTag;
import software.amazon.awscdk.services.acmpca.CfnCertificate;
import software.amazon.awscdk.services.acmpca.CfnCertificateAuthority;
import software.amazon.awscdk.services.acmpca.CfnCertificateAuthorityActivation;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * What the other stacks encrypt and log with: customer-managed KMS keys (yearly rotation) for
 * CloudWatch Logs and the alarm topic ({@code logs}), Secrets Manager ({@code secrets}) and the AWS
 * Backup vault ({@code backup}); and the access-log bucket for the ALB, CloudFront and S3, whose
 * objects expire after the environment's log retention; and the private certificate authority (AWS Private CA,
 * short-lived-certificate mode) that issues ECS Service Connect's TLS certificates for service-to-service calls.
 */
public class SecurityStack extends Stack {

    private final Key logsKey;
    private final Key secretsKey;
    private final Key backupKey;
    private final Bucket logBucket;
    private final CfnCertificateAuthority serviceConnectCa;
    /** Validity of the self-signed root; Service Connect's own certificates last days and renew themselves. */
    public static final int ROOT_CA_YEARS = 10;

    public SecurityStack(Construct scope, String id, StackProps props, DeploymentConfig config) {
        super(scope, id, props);
        String env = config.env();

        logsKey = key("LogsKey", env, "logs",
                "CloudWatch Logs (service, VPC flow and WAF logs) and the alarm topic: log lines may carry patient data");
        // CloudWatch Logs encrypts with the key only for log groups of this account and region
        logsKey.addToResourcePolicy(PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("logs." + getRegion() + ".amazonaws.com")))
                .actions(List.of("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"))
                .resources(List.of("*"))
                .conditions(Map.of("ArnLike", Map.of("kms:EncryptionContext:aws:logs:arn",
                        "arn:" + getPartition() + ":logs:" + getRegion() + ":" + getAccount() + ":log-group:*")))
                .build());
        // CloudWatch alarms publish to the KMS-encrypted alarm topic
        logsKey.addToResourcePolicy(PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
                .resources(List.of("*"))
                .build());
        secretsKey = key("SecretsKey", env, "secrets", "Secrets Manager: database credentials, Redis users, service tokens");
        backupKey = key("BackupKey", env, "backup", "AWS Backup vault: PostgreSQL and EFS recovery points");

        logBucket = Bucket.Builder.create(this, "LogBucket")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                // ALB access logs can only be delivered to SSE-S3 buckets (no KMS)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .versioned(true)
                // CloudFront standard logs are written with an ACL grant
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED)
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .id("expire-logs")
                        .expiration(Duration.days(config.sizing().logRetentionDays()))
                        .noncurrentVersionExpiration(Duration.days(1))
                        .abortIncompleteMultipartUploadAfter(Duration.days(1))
                        .build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        serviceConnectCa = serviceConnectCa(env);
        Compliance.acknowledge(logBucket, "AwsSolutions-S1",
                "This is the access-log bucket; logging its own access would log into itself");
        Compliance.acknowledge(logBucket, "HIPAA.Security-S3BucketLoggingEnabled",
                "This is the access-log bucket; logging its own access would log into itself");
        Compliance.acknowledge(logBucket, "HIPAA.Security-S3DefaultEncryptionKMS",
                "ALB access logs are only delivered to SSE-S3 encrypted buckets; objects are encrypted at rest with S3-managed keys");
        Compliance.acknowledge(logBucket, "HIPAA.Security-S3BucketReplicationEnabled",
                "Access logs expire after the log retention and are not a record to be kept; no second-region copy");
    }

    /**
     * A root CA for Service Connect TLS. Short-lived-certificate mode (certificates of at most 7 days) is the
     * cheaper mode and the one Service Connect rotates within; ECS may only use CAs tagged AmazonECSManaged=true.
     */
    private CfnCertificateAuthority serviceConnectCa(String env) {
        CfnCertificateAuthority ca = CfnCertificateAuthority.Builder.create(this, "ServiceConnectCa")
                .type("ROOT")
                .usageMode("SHORT_LIVED_CERTIFICATE")
                .keyAlgorithm("EC_prime256v1")
                .signingAlgorithm("SHA256WITHECDSA")
                .subject(CfnCertificateAuthority.SubjectProperty.builder()
                        .commonName("ai-assistants " + env + " service connect").organization("ai-assistants").build())
                .tags(List.of(CfnTag.builder().key("AmazonECSManaged").value("true").build()))
                .build();
        ca.applyRemovalPolicy(RemovalPolicy.RETAIN);
        CfnCertificate root = CfnCertificate.Builder.create(this, "ServiceConnectCaRoot")
                .certificateAuthorityArn(ca.getAttrArn())
                .certificateSigningRequest(ca.getAttrCertificateSigningRequest())
                .signingAlgorithm("SHA256WITHECDSA")
                .templateArn("arn:" + getPartition() + ":acm-pca:::template/RootCACertificate/V1")
                .validity(CfnCertificate.ValidityProperty.builder().type("YEARS").value(ROOT_CA_YEARS).build())
                .build();
        CfnCertificateAuthorityActivation.Builder.create(this, "ServiceConnectCaActivation")
                .certificateAuthorityArn(ca.getAttrArn())
                .certificate(root.getAttrCertificate())
                .status("ACTIVE")
                .build();
        return ca;
    }

    /** ARN of the CA issuing Service Connect's TLS certificates. */
    public String serviceConnectCaArn() {
        return serviceConnectCa.getAttrArn();
    }

    private Key key(String id, String env, String use, String description) {
        return Key.Builder.create(this, id)
                .alias("alias/ai-assistants/" + env + "/" + use)
                .description("ai-assistants " + env + ": " + description)
                .enableKeyRotation(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }

    public Key logsKey() {
        return logsKey;
    }

    public Key secretsKey() {
        return secretsKey;
    }

    public Key backupKey() {
        return backupKey;
    }

    public Bucket logBucket() {
        return logBucket;
    }
}
