package com.aiassistants.infra.security;

import com.aiassistants.infra.SynthesizedApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class SecurityStackTest {

    private final Template prod = SynthesizedApp.prod().template(SynthesizedApp.prod().stacks().security());
    private final Template dev = SynthesizedApp.dev().template(SynthesizedApp.dev().stacks().security());

    @Test
    void threeRotatingCustomerManagedKeysThatOutliveTheStack() {
        prod.resourceCountIs("AWS::KMS::Key", 3);
        prod.allResourcesProperties("AWS::KMS::Key", Map.of("EnableKeyRotation", true));
        prod.allResources("AWS::KMS::Key", Map.of("DeletionPolicy", "Retain"));
        for (String use : List.of("logs", "secrets", "backup")) {
            prod.hasResourceProperties("AWS::KMS::Alias", Map.of("AliasName", "alias/ai-assistants/prod/" + use));
        }
    }

    @Test
    void logsKeyLetsCloudWatchLogsOfThisAccountAndCloudWatchAlarmsUseIt() {
        prod.hasResourceProperties("AWS::KMS::Key", Map.of("KeyPolicy", Map.of("Statement", Match.arrayWith(List.of(
                Match.objectLike(Map.of(
                        "Principal", Map.of("Service", Match.anyValue()),
                        "Condition", Map.of("ArnLike", Map.of("kms:EncryptionContext:aws:logs:arn", Match.anyValue())))),
                Match.objectLike(Map.of("Principal", Map.of("Service", "cloudwatch.amazonaws.com"))))))));
    }

    @Test
    void logBucketIsPrivateTlsOnlyAndExpiresWithTheLogRetention() {
        prod.hasResourceProperties("AWS::S3::Bucket", Map.of(
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Map.of(
                        "ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))),
                "LifecycleConfiguration", Map.of("Rules", List.of(Match.objectLike(Map.of(
                        "ExpirationInDays", 90, "Status", "Enabled"))))));
        dev.hasResourceProperties("AWS::S3::Bucket", Map.of("LifecycleConfiguration", Map.of("Rules", List.of(
                Match.objectLike(Map.of("ExpirationInDays", 14))))));
        prod.hasResourceProperties("AWS::S3::BucketPolicy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Deny",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    }

    @Test
    void aShortLivedPrivateCaTaggedForEcsIssuesServiceConnectCertificates() {
        prod.hasResourceProperties("AWS::ACMPCA::CertificateAuthority", Map.of(
                "Type", "ROOT",
                "UsageMode", "SHORT_LIVED_CERTIFICATE",
                "Tags", Match.arrayWith(List.of(Map.of("Key", "AmazonECSManaged", "Value", "true")))));
        prod.hasResource("AWS::ACMPCA::CertificateAuthority", Map.of("DeletionPolicy", "Retain"));
        prod.hasResourceProperties("AWS::ACMPCA::Certificate", Map.of(
                "Validity", Map.of("Type", "YEARS", "Value", SecurityStack.ROOT_CA_YEARS)));
        prod.hasResourceProperties("AWS::ACMPCA::CertificateAuthorityActivation", Map.of("Status", "ACTIVE"));
    }
}
