package com.aiassistants.infra.edge;

import com.aiassistants.infra.Compliance;
import com.aiassistants.infra.DeploymentConfig;
import com.aiassistants.infra.network.NetworkStack;
import com.aiassistants.infra.security.SecurityStack;
import java.util.List;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.certificatemanager.CertificateValidation;
import software.amazon.awscdk.services.certificatemanager.ICertificate;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.OriginProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.OriginRequestPolicy;
import software.amazon.awscdk.services.cloudfront.origins.HttpOrigin;
import software.amazon.awscdk.services.cloudfront.origins.HttpOriginProps;
import software.amazon.awscdk.services.cloudfront.Function;
import software.amazon.awscdk.services.cloudfront.FunctionAssociation;
import software.amazon.awscdk.services.cloudfront.FunctionCode;
import software.amazon.awscdk.services.cloudfront.FunctionEventType;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.PriceClass;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersPolicy;
import software.amazon.awscdk.services.cloudfront.SecurityPolicyProtocol;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.elasticloadbalancingv2.FixedResponseOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.RedirectOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.SslPolicy;
import software.amazon.awscdk.services.route53.ARecord;
import software.amazon.awscdk.services.route53.HostedZone;
import software.amazon.awscdk.services.route53.HostedZoneAttributes;
import software.amazon.awscdk.services.route53.IHostedZone;
import software.amazon.awscdk.services.route53.RecordTarget;
import software.amazon.awscdk.services.route53.targets.LoadBalancerTarget;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.wafv2.CfnWebACL;
import software.amazon.awscdk.services.wafv2.CfnWebACLAssociation;
import software.constructs.Construct;

/**
 * Everything that faces the internet: the ALB (HTTPS on ACM, HTTP→HTTPS redirect, idle timeout
 * long enough for WebSockets) protected by AWS WAF, and the console bucket behind CloudFront with
 * Origin Access Control. Services attach their own listener rules in the services stack.
 * ALB, CloudFront and console-bucket access logs go to the security stack's log bucket; WAF logs the
 * requests it blocks or counts (credentials and query strings redacted) to a KMS-encrypted log group.
 */
public class EdgeStack extends Stack {

    public static final int IDLE_TIMEOUT_SECONDS = 600;
    /** Requests per IP in any 5-minute window before WAF blocks. */
    public static final int RATE_LIMIT_PER_5_MIN = 2000;

    private final ApplicationLoadBalancer loadBalancer;
    private final ApplicationListener httpsListener;
    private final Bucket consoleBucket;
    private final Distribution consoleDistribution;

    /** WAF only delivers to log groups whose name starts with {@code aws-waf-logs-}. */
    public static final String WAF_LOG_GROUP = "aws-waf-logs-ai-assistants-%s";
    public static final String ALB_LOG_PREFIX = "alb";

    public EdgeStack(Construct scope, String id, StackProps props, DeploymentConfig config, NetworkStack network,
                     SecurityStack security) {
        super(scope, id, props);

        IHostedZone zone = !config.hostedZoneId().isBlank()
                ? HostedZone.fromHostedZoneAttributes(this, "Zone", HostedZoneAttributes.builder()
                        .hostedZoneId(config.hostedZoneId()).zoneName(config.hostedZoneName()).build())
                : null;
        ICertificate certificate = !config.certificateArn().isBlank()
                ? Certificate.fromCertificateArn(this, "Certificate", config.certificateArn())
                : Certificate.Builder.create(this, "Certificate")
                        .domainName(config.domainName())
                        .validation(zone == null ? CertificateValidation.fromDns() : CertificateValidation.fromDns(zone))
                        .build();

        loadBalancer = ApplicationLoadBalancer.Builder.create(this, "Alb")
                .vpc(network.vpc())
                .internetFacing(true)
                .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build())
                .securityGroup(network.albSecurityGroup())
                .idleTimeout(Duration.seconds(IDLE_TIMEOUT_SECONDS))
                .dropInvalidHeaderFields(true)
                .deletionProtection(config.isProd())
                .build();
        accessLogs(security);
        if (!config.isProd()) {
            Compliance.acknowledge(loadBalancer, "HIPAA.Security-ELBDeletionProtectionEnabled",
                    "dev is torn down and rebuilt freely; prod has deletion protection");
        }

        httpsListener = loadBalancer.addListener("Https", BaseApplicationListenerProps.builder()
                .protocol(ApplicationProtocol.HTTPS)
                .port(443)
                .open(false)
                .sslPolicy(SslPolicy.RECOMMENDED_TLS)
                .certificates(List.of(ListenerCertificate.fromCertificateManager(certificate)))
                .defaultAction(ListenerAction.fixedResponse(404, FixedResponseOptions.builder()
                        .contentType("application/json").messageBody("{\"error\":\"not_found\"}").build()))
                .build());
        var redirect = loadBalancer.addListener("HttpRedirect", BaseApplicationListenerProps.builder()
                .protocol(ApplicationProtocol.HTTP)
                .port(80)
                .open(false)
                .defaultAction(ListenerAction.redirect(RedirectOptions.builder()
                        .protocol("HTTPS").port("443").permanent(true).build()))
                .build());
        Compliance.acknowledge(redirect, "HIPAA.Security-ELBv2ACMCertificateRequired",
                "Port 80 only answers 301 to HTTPS; no request is forwarded over it");

        CfnWebACL webAcl = CfnWebACL.Builder.create(this, "WebAcl")
                .scope("REGIONAL")
                .defaultAction(CfnWebACL.DefaultActionProperty.builder()
                        .allow(CfnWebACL.AllowActionProperty.builder().build()).build())
                .visibilityConfig(WebFirewall.visibility("ai-assistants-" + config.env()))
                .rules(List.of(
                        WebFirewall.rateRule(0),
                        // webhook payloads can exceed the common rule set's 8 KB body limit: count, do not block
                        WebFirewall.managedRule(1, "AWSManagedRulesCommonRuleSet", List.of("SizeRestrictions_BODY")),
                        WebFirewall.managedRule(2, "AWSManagedRulesKnownBadInputsRuleSet", List.of()),
                        WebFirewall.managedRule(3, "AWSManagedRulesAmazonIpReputationList", List.of())))
                .build();
        CfnWebACLAssociation.Builder.create(this, "WebAclAlb")
                .resourceArn(loadBalancer.getLoadBalancerArn())
                .webAclArn(webAcl.getAttrArn())
                .build();
        WebFirewall.logging(this, config, security, webAcl);

        if (zone != null) {
            ARecord.Builder.create(this, "ApiAlias")
                    .zone(zone)
                    .recordName(config.domainName())
                    .target(RecordTarget.fromAlias(new LoadBalancerTarget(loadBalancer)))
                    .build();
        }

        consoleBucket = Bucket.Builder.create(this, "ConsoleBucket")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .serverAccessLogsBucket(security.logBucket())
                .serverAccessLogsPrefix("s3/console/")
                .enforceSsl(true)
                .versioned(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        String staticFiles = "Holds only the console's public build output (HTML, JS, CSS), no patient or customer data";
        Compliance.acknowledge(consoleBucket, "HIPAA.Security-S3DefaultEncryptionKMS",
                staticFiles + "; SSE-S3 keeps CloudFront's Origin Access Control free of KMS grants");
        Compliance.acknowledge(consoleBucket, "HIPAA.Security-S3BucketReplicationEnabled",
                staticFiles + "; it is rebuilt from the repository by any deploy");
        // the API (REST and WebSockets) on the console's origin: no caching, every method, all viewer headers
        // but Host (the API's own name, which the ALB's certificate covers), cookies and query strings
        String apiHost = config.domainName().isBlank() ? loadBalancer.getLoadBalancerDnsName() : config.domainName();
        BehaviorOptions api = BehaviorOptions.builder()
                .origin(new HttpOrigin(apiHost, HttpOriginProps.builder()
                        .protocolPolicy(OriginProtocolPolicy.HTTPS_ONLY)
                        .readTimeout(Duration.seconds(60))
                        .build()))
                .viewerProtocolPolicy(ViewerProtocolPolicy.HTTPS_ONLY)
                .allowedMethods(AllowedMethods.ALLOW_ALL)
                .cachePolicy(CachePolicy.CACHING_DISABLED)
                .originRequestPolicy(OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER)
                .compress(false)
                .build();
        Distribution.Builder distribution = Distribution.Builder.create(this, "ConsoleDistribution")
                .comment("ai-assistants console " + config.env())
                .defaultRootObject("index.html")
                .defaultBehavior(BehaviorOptions.builder()
                        .origin(S3BucketOrigin.withOriginAccessControl(consoleBucket))
                        .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                        .responseHeadersPolicy(ResponseHeadersPolicy.SECURITY_HEADERS)
                        // single-page app: a path without a file extension renders index.html (no distribution-wide
                        // error pages: they would turn the API's 403/404 problems into index.html)
                        .functionAssociations(List.of(FunctionAssociation.builder()
                                .eventType(FunctionEventType.VIEWER_REQUEST)
                                .function(Function.Builder.create(this, "ConsoleRoutes")
                                        .code(FunctionCode.fromInline(SPA_ROUTES)).build())
                                .build()))
                        .compress(true)
                        .build())
                .additionalBehaviors(java.util.Map.of("/v1/*", api))
                .priceClass(PriceClass.PRICE_CLASS_100)
                .httpVersion(HttpVersion.HTTP2_AND_3)
                .enableLogging(true)
                .logBucket(security.logBucket())
                .logFilePrefix("cloudfront/");
        if (config.hasConsoleDomain()) {
            distribution.domainNames(List.of(config.consoleDomainName()))
                    .certificate(Certificate.fromCertificateArn(this, "ConsoleCertificate", config.consoleCertificateArn()))
                    .minimumProtocolVersion(SecurityPolicyProtocol.TLS_V1_2_2021);
        }
        consoleDistribution = distribution.build();
        if (!config.hasConsoleDomain()) {
            Compliance.acknowledge(consoleDistribution, "AwsSolutions-CFR4",
                    "No consoleDomainName is configured, so CloudFront's default *.cloudfront.net certificate (which allows "
                            + "TLS 1.0) serves the console; set consoleDomainName/consoleCertificateArn to enforce TLS 1.2");
        }
        Compliance.acknowledge(consoleDistribution, "AwsSolutions-CFR1",
                "Clinics' staff may sign in from anywhere; no country is excluded");
        Compliance.acknowledge(consoleDistribution, "AwsSolutions-CFR2",
                "CloudFront serves static files; the API behind the console is protected by the ALB's regional WAF "
                        + "(a CloudFront web ACL would have to live in us-east-1)");

        CfnOutput.Builder.create(this, "AlbDnsName").value(loadBalancer.getLoadBalancerDnsName()).build();
        CfnOutput.Builder.create(this, "ConsoleBucketName").value(consoleBucket.getBucketName()).build();
        CfnOutput.Builder.create(this, "ConsoleUrl").value("https://" + consoleDistribution.getDistributionDomainName()).build();
        CfnOutput.Builder.create(this, "ConsoleDistributionId").value(consoleDistribution.getDistributionId()).build();
        // a named export, so the pipeline's policy (and its cdk-nag acknowledgement) names the bucket the same way
        // before and after synthesis
        CfnOutput.Builder.create(this, "ConsoleBucketArn").value(consoleBucket.getBucketArn())
                .exportName(consoleBucketArnExport(config)).build();
    }

    /** The export holding the console bucket's ARN, e.g. {@code AiAssistants-prod-ConsoleBucketArn}. */
    public static String consoleBucketArnExport(DeploymentConfig config) {
        return config.stackPrefix() + "-ConsoleBucketArn";
    }

    /**
     * ALB access logs into the log bucket under {@code alb/}. CDK's {@code logAccessLogs} needs a concrete region
     * (to pick the regional ELB account), which every {@code cdk deploy} has; an environment-agnostic synthesis
     * grants ELB's log-delivery service principal instead, as regions opened since 2022 require.
     */
    private void accessLogs(SecurityStack security) {
        if (!software.amazon.awscdk.Token.isUnresolved(getRegion())) {
            loadBalancer.logAccessLogs(security.logBucket(), ALB_LOG_PREFIX);
            return;
        }
        loadBalancer.setAttribute("access_logs.s3.enabled", "true");
        loadBalancer.setAttribute("access_logs.s3.bucket", security.logBucket().getBucketName());
        loadBalancer.setAttribute("access_logs.s3.prefix", ALB_LOG_PREFIX);
        security.logBucket().addToResourcePolicy(software.amazon.awscdk.services.iam.PolicyStatement.Builder.create()
                .actions(List.of("s3:PutObject"))
                .principals(List.of(new software.amazon.awscdk.services.iam.ServicePrincipal(
                        "logdelivery.elasticloadbalancing.amazonaws.com")))
                .resources(List.of(security.logBucket().arnForObjects(ALB_LOG_PREFIX + "/AWSLogs/" + getAccount() + "/*")))
                .build());
    }

    /** CloudFront Function (viewer request) for the console's client-side routes. */
    static final String SPA_ROUTES = """
            function handler(event) {
              var request = event.request;
              if (request.uri.split('/').pop().indexOf('.') === -1) {
                request.uri = '/index.html';
              }
              return request;
            }
            """;

    public ApplicationLoadBalancer loadBalancer() {
        return loadBalancer;
    }

    public ApplicationListener httpsListener() {
        return httpsListener;
    }

    public Bucket consoleBucket() {
        return consoleBucket;
    }

    public Distribution consoleDistribution() {
        return consoleDistribution;
    }
}
