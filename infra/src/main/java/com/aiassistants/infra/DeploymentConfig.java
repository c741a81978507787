package com.aiassistants.infra;

import java.util.Objects;
import software.constructs.Node;

/**
 * Everything the stacks read from CDK context ({@code -c key=value} or {@code cdk.json}).
 *
 * @param env            {@code dev} or {@code prod}
 * @param imageTag       image tag the task definitions start from (the deployer moves it afterwards)
 * @param alarmEmail     address subscribed to the alarm topic (none when blank)
 * @param certificateArn existing ACM certificate for the ALB; if blank one is requested for {@code domainName}
 * @param domainName     public API host name, e.g. {@code api.example.com}
 * @param hostedZoneId   Route 53 zone for DNS validation and the alias record (optional)
 * @param hostedZoneName name of that zone (required with {@code hostedZoneId})
 * @param tracing        adds an AWS Distro for OpenTelemetry collector sidecar exporting to X-Ray
 * @param sizing         environment sizes
 * @param consoleDomainName    console host name on CloudFront, e.g. {@code console.example.com} (optional; without it
 *                             CloudFront's default certificate and domain are used)
 * @param consoleCertificateArn ACM certificate in us-east-1 covering {@code consoleDomainName} (required with it)
 */
public record DeploymentConfig(
        String env,
        String imageTag,
        String alarmEmail,
        String certificateArn,
        String domainName,
        String hostedZoneId,
        String hostedZoneName,
        boolean tracing,
        Sizing sizing,
        String consoleDomainName,
        String consoleCertificateArn) {

    public DeploymentConfig {
        Objects.requireNonNull(env, "env");
        if (!env.equals("dev") && !env.equals("prod")) {
            throw new IllegalArgumentException("context 'env' must be dev or prod, got " + env);
        }
        if (blank(certificateArn) && blank(domainName)) {
            throw new IllegalArgumentException(
                    "set context 'certificateArn' (existing ACM certificate) or 'domainName' (a certificate is requested)");
        }
        if (!blank(hostedZoneId) && blank(hostedZoneName)) {
            throw new IllegalArgumentException("context 'hostedZoneName' is required with 'hostedZoneId'");
        }
        imageTag = blank(imageTag) ? "latest" : imageTag;
        consoleDomainName = consoleDomainName == null ? "" : consoleDomainName;
        consoleCertificateArn = consoleCertificateArn == null ? "" : consoleCertificateArn;
        if (!consoleDomainName.isBlank() && consoleCertificateArn.isBlank()) {
            throw new IllegalArgumentException(
                    "context 'consoleCertificateArn' (an ACM certificate in us-east-1) is required with 'consoleDomainName'");
        }
        if (!consoleCertificateArn.isBlank() && !consoleCertificateArn.startsWith("arn:aws:acm:us-east-1:")) {
            throw new IllegalArgumentException("CloudFront only uses ACM certificates from us-east-1, got " + consoleCertificateArn);
        }
    }

    /** Without a console domain (CloudFront's default domain and certificate). */
    public DeploymentConfig(String env, String imageTag, String alarmEmail, String certificateArn, String domainName,
                            String hostedZoneId, String hostedZoneName, boolean tracing, Sizing sizing) {
        this(env, imageTag, alarmEmail, certificateArn, domainName, hostedZoneId, hostedZoneName, tracing, sizing, "", "");
    }

    public boolean hasConsoleDomain() {
        return !consoleDomainName.isBlank();
    }

    public static DeploymentConfig fromContext(Node node) {
        String env = string(node, "env", "dev");
        return new DeploymentConfig(env,
                string(node, "imageTag", "latest"),
                string(node, "alarmEmail", ""),
                string(node, "certificateArn", ""),
                string(node, "domainName", ""),
                string(node, "hostedZoneId", ""),
                string(node, "hostedZoneName", ""),
                Boolean.parseBoolean(string(node, "tracing", "false")),
                env.equals("prod") ? Sizing.prod() : Sizing.dev(),
                string(node, "consoleDomainName", ""),
                string(node, "consoleCertificateArn", ""));
    }

    /** Stack name prefix, e.g. {@code AiAssistants-prod}. */
    public String stackPrefix() {
        return "AiAssistants-" + env;
    }

    public boolean isProd() {
        return env.equals("prod");
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String string(Node node, String key, String fallback) {
        Object value = node.tryGetContext(key);
        return value == null ? fallback : value.toString();
    }
}
