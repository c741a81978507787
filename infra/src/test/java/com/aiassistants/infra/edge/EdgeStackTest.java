package com.aiassistants.infra.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiassistants.infra.SynthesizedApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class EdgeStackTest {

    private final Template template = SynthesizedApp.prod().template(SynthesizedApp.prod().stacks().edge());

    @Test
    void albIsPublicWithWebSocketFriendlyIdleTimeout() {
        Capture attributes = new Capture();
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", Map.of(
                "Scheme", "internet-facing",
                "LoadBalancerAttributes", attributes));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> attrs = (List<Map<String, Object>>) (List<?>) attributes.asArray();
        Map<String, Object> byKey = new java.util.HashMap<>();
        attrs.forEach(a -> byKey.put((String) a.get("Key"), a.get("Value")));
        assertThat(Integer.parseInt((String) byKey.get("idle_timeout.timeout_seconds"))).isGreaterThanOrEqualTo(300);
        assertThat(byKey).containsEntry("routing.http.drop_invalid_header_fields.enabled", "true")
                .containsEntry("deletion_protection.enabled", "true");
    }

    @Test
    void httpsListenerUsesTheAcmCertificateAndHttpRedirects() {
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of(
                "Protocol", "HTTPS", "Port", 443,
                "Certificates", List.of(Map.of("CertificateArn", SynthesizedApp.CERTIFICATE_ARN)),
                "DefaultActions", List.of(Match.objectLike(Map.of("Type", "fixed-response")))));
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of(
                "Protocol", "HTTP", "Port", 80,
                "DefaultActions", List.of(Match.objectLike(Map.of("Type", "redirect",
                        "RedirectConfig", Map.of("Protocol", "HTTPS", "Port", "443", "StatusCode", "HTTP_301"))))));
    }

    @Test
    void wafHasManagedRuleGroupsAndARateRuleOnTheAlb() {
        template.hasResourceProperties("AWS::WAFv2::WebACL", Map.of(
                "Scope", "REGIONAL",
                "Rules", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("Name", "rate-limit-per-ip",
                                "Statement", Map.of("RateBasedStatement", Map.of("Limit", 2000, "AggregateKeyType", "IP")),
                                "Action", Map.of("Block", Map.of())))))));
        for (String group : List.of("AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet",
                "AWSManagedRulesAmazonIpReputationList")) {
            template.hasResourceProperties("AWS::WAFv2::WebACL", Map.of("Rules", Match.arrayWith(List.of(
                    Match.objectLike(Map.of("Statement", Map.of("ManagedRuleGroupStatement",
                            Match.objectLike(Map.of("VendorName", "AWS", "Name", group)))))))));
        }
        template.resourceCountIs("AWS::WAFv2::WebACLAssociation", 1);
    }

    @Test
    void consoleBucketIsPrivateVersionedAndServedThroughCloudFrontWithOac() {
        template.hasResourceProperties("AWS::S3::Bucket", Map.of(
                "VersioningConfiguration", Map.of("Status", "Enabled"),
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true)));
        template.resourceCountIs("AWS::CloudFront::OriginAccessControl", 1);
        template.hasResourceProperties("AWS::CloudFront::Distribution", Map.of("DistributionConfig", Match.objectLike(Map.of(
                "DefaultRootObject", "index.html",
                "CustomErrorResponses", Match.absent(),
                "DefaultCacheBehavior", Match.objectLike(Map.of("ViewerProtocolPolicy", "redirect-to-https")),
                "Origins", Match.arrayWith(List.of(Match.objectLike(Map.of("OriginAccessControlId", Match.anyValue()))))))));
        Capture code = new Capture();
        template.hasResourceProperties("AWS::CloudFront::Function", Map.of("FunctionCode", code));
        assertThat(code.asString()).contains("request.uri = '/index.html'");
        template.hasResourceProperties("AWS::S3::BucketPolicy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Principal", Map.of("Service", "cloudfront.amazonaws.com"),
                        "Action", "s3:GetObject")))))));
    }

    @Test
    void albWritesAccessLogsToTheLogBucket() {
        Capture attributes = new Capture();
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", Map.of("LoadBalancerAttributes", attributes));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> attrs = (List<Map<String, Object>>) (List<?>) attributes.asArray();
        Map<String, Object> byKey = new java.util.HashMap<>();
        attrs.forEach(a -> byKey.put((String) a.get("Key"), a.get("Value")));
        assertThat(byKey).containsEntry("access_logs.s3.enabled", "true").containsEntry("access_logs.s3.prefix", "alb")
                .containsKey("access_logs.s3.bucket");
    }

    @Test
    void wafLogsBlockedAndCountedRequestsWithCredentialsRedacted() {
        template.hasResourceProperties("AWS::Logs::LogGroup", Map.of(
                "LogGroupName", "aws-waf-logs-ai-assistants-prod", "RetentionInDays", 90, "KmsKeyId", Match.anyValue()));
        template.hasResourceProperties("AWS::WAFv2::LoggingConfiguration", Map.of(
                "RedactedFields", List.of(
                        Map.of("SingleHeader", Map.of("Name", "authorization")),
                        Map.of("SingleHeader", Map.of("Name", "cookie")),
                        Map.of("QueryString", Map.of())),
                "LoggingFilter", Match.objectLike(Map.of("DefaultBehavior", "DROP"))));
    }

    @Test
    void cloudFrontLogsAndRequiresTls12OnTheConsoleDomain() {
        template.hasResourceProperties("AWS::CloudFront::Distribution", Map.of("DistributionConfig", Match.objectLike(Map.of(
                "Aliases", List.of(SynthesizedApp.CONSOLE_DOMAIN),
                "ViewerCertificate", Map.of(
                        "AcmCertificateArn", SynthesizedApp.CONSOLE_CERTIFICATE_ARN,
                        "MinimumProtocolVersion", "TLSv1.2_2021",
                        "SslSupportMethod", "sni-only"),
                "Logging", Match.objectLike(Map.of("Prefix", "cloudfront/"))))));
        Template dev = SynthesizedApp.dev().template(SynthesizedApp.dev().stacks().edge());
        dev.hasResourceProperties("AWS::CloudFront::Distribution", Map.of("DistributionConfig", Match.objectLike(Map.of(
                "Aliases", Match.absent(), "Logging", Match.objectLike(Map.of("Prefix", "cloudfront/"))))));
    }

    @Test
    void consoleBucketAccessIsLogged() {
        template.hasResourceProperties("AWS::S3::Bucket", Map.of(
                "VersioningConfiguration", Map.of("Status", "Enabled"),
                "LoggingConfiguration", Map.of("DestinationBucketName", Match.anyValue(), "LogFilePrefix", "s3/console/")));
    }

    /** One origin for the browser: /v1/* (REST and WebSockets) goes to the API host uncached with everything forwarded. */
    @Test
    void apiAndWebSocketsAreForwardedToTheApiHostUncached() {
        template.hasResourceProperties("AWS::CloudFront::Distribution", Map.of("DistributionConfig", Match.objectLike(Map.of(
                "CacheBehaviors", List.of(Match.objectLike(Map.of(
                        "PathPattern", "/v1/*",
                        "AllowedMethods", List.of("GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"),
                        // managed policies CachingDisabled and AllViewerExceptHostHeader
                        "CachePolicyId", "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
                        "OriginRequestPolicyId", "b689b0a8-53d0-40ab-baf2-68738e2966ac",
                        "ViewerProtocolPolicy", "https-only"))),
                "Origins", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "CustomOriginConfig", Match.objectLike(Map.of("OriginProtocolPolicy", "https-only"))))))))));
    }
}
