package com.aiassistants.infra.network;

import com.aiassistants.infra.Compliance;
import com.aiassistants.infra.DeploymentConfig;
import com.aiassistants.infra.catalog.ServiceCatalog;
import com.aiassistants.infra.catalog.ServiceSpec;
import com.aiassistants.infra.security.SecurityStack;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * VPC over two AZs (public subnets for the ALB and NAT, private subnets for tasks, data) and every
 * security group, with only the ingress each component needs:
 * ALB ← internet on 80/443; each service ← ALB (if public) and its declared callers on its port;
 * PostgreSQL ← all services; Redis ← services that use it; EFS ← the gateway. The default security group
 * allows nothing; VPC flow logs (all traffic) go to a KMS-encrypted log group kept as long as the service logs.
 */
public class NetworkStack extends Stack {

    private final Vpc vpc;
    private final SecurityGroup albSecurityGroup;
    private final SecurityGroup databaseSecurityGroup;
    private final SecurityGroup redisSecurityGroup;
    private final SecurityGroup efsSecurityGroup;
    private final SecurityGroup rotationSecurityGroup;
    private final Map<String, SecurityGroup> serviceSecurityGroups = new LinkedHashMap<>();

    public static final String FLOW_LOG_GROUP = "/vpc/ai-assistants/%s/flow-logs";

    public NetworkStack(Construct scope, String id, StackProps props, DeploymentConfig config, SecurityStack security) {
        super(scope, id, props);

        vpc = Vpc.Builder.create(this, "Vpc")
                .ipAddresses(IpAddresses.cidr("10.40.0.0/16"))
                .maxAzs(2)
                .natGateways(config.sizing().natGateways())
                .restrictDefaultSecurityGroup(true)
                .subnetConfiguration(List.of(
                        // nothing launched here needs an automatic public IP: the ALB and NAT gateways bring their own
                        SubnetConfiguration.builder().name("public").subnetType(SubnetType.PUBLIC).cidrMask(24)
                                .mapPublicIpOnLaunch(false).build(),
                        SubnetConfiguration.builder().name("private").subnetType(SubnetType.PRIVATE_WITH_EGRESS).cidrMask(22).build()))
                .build();
        // image layers from ECR are stored in S3: keep that traffic off the NAT gateways
        vpc.addGatewayEndpoint("S3Endpoint", software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions.builder()
                .service(GatewayVpcEndpointAwsService.S3).build());
        LogGroup flowLogs = LogGroup.Builder.create(this, "FlowLogs")
                .logGroupName(String.format(FLOW_LOG_GROUP, config.env()))
                .encryptionKey(security.logsKey())
                .retention(config.sizing().logRetention())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        vpc.addFlowLog("FlowLog", FlowLogOptions.builder()
                .destination(FlowLogDestination.toCloudWatchLogs(flowLogs))
                .trafficType(FlowLogTrafficType.ALL)
                .build());
        Compliance.acknowledge(vpc, "HIPAA.Security-IAMNoInlinePolicy",
                "The flow log's delivery role holds CDK's generated inline policy for its one log group");
        for (var subnet : vpc.getPublicSubnets()) {
            Compliance.acknowledge(subnet, "HIPAA.Security-VPCNoUnrestrictedRouteToIGW",
                    "Public subnets hold only the internet-facing ALB and the NAT gateways; tasks and data stores are in private subnets");
        }

        albSecurityGroup = group("Alb", "Public ALB: HTTPS and HTTP (redirect) from anywhere", false);
        albSecurityGroup.addIngressRule(Peer.anyIpv4(), Port.tcp(443), "HTTPS");
        albSecurityGroup.addIngressRule(Peer.anyIpv4(), Port.tcp(80), "HTTP, redirected to HTTPS");
        Compliance.acknowledge(albSecurityGroup, "AwsSolutions-EC23",
                "The public ALB must accept HTTPS (and HTTP, answered with a redirect) from any client; AWS WAF filters it");

        for (ServiceSpec spec : ServiceCatalog.ALL) {
            // tasks call WhatsApp, LLM providers, ECR and Secrets Manager over HTTPS through NAT
            serviceSecurityGroups.put(spec.name(), group(spec.pascalName(), spec.name() + " tasks", true));
        }
        for (ServiceSpec spec : ServiceCatalog.ALL) {
            SecurityGroup sg = serviceSecurityGroups.get(spec.name());
            Port port = Port.tcp(spec.port());
            if (spec.isPublic()) {
                sg.addIngressRule(albSecurityGroup, port, "from the ALB");
                albSecurityGroup.addEgressRule(sg, port, "to " + spec.name());
            }
            for (String caller : spec.callers()) {
                sg.addIngressRule(serviceSecurityGroups.get(caller), port, "from " + caller);
            }
        }

        databaseSecurityGroup = group("Database", "PostgreSQL", false);
        redisSecurityGroup = group("Redis", "ElastiCache Redis", false);
        efsSecurityGroup = group("Efs", "EFS for the WhatsApp session", false);
        // Secrets Manager's rotation functions: PostgreSQL, and Secrets Manager's API over HTTPS through NAT
        rotationSecurityGroup = group("Rotation", "Database password rotation functions", true);
        databaseSecurityGroup.addIngressRule(rotationSecurityGroup, Port.tcp(5432), "PostgreSQL from the rotation functions");
        for (ServiceSpec spec : ServiceCatalog.ALL) {
            SecurityGroup sg = serviceSecurityGroups.get(spec.name());
            databaseSecurityGroup.addIngressRule(sg, Port.tcp(5432), "PostgreSQL from " + spec.name());
            if (spec.usesRedis()) {
                redisSecurityGroup.addIngressRule(sg, Port.tcp(6379), "Redis from " + spec.name());
            }
            if (spec.singleton()) {
                efsSecurityGroup.addIngressRule(sg, Port.tcp(2049), "NFS from " + spec.name());
            }
        }
    }

    private SecurityGroup group(String id, String description, boolean allowAllOutbound) {
        return SecurityGroup.Builder.create(this, id + "Sg")
                .vpc(vpc)
                .description(description)
                .allowAllOutbound(allowAllOutbound)
                .build();
    }

    public Vpc vpc() {
        return vpc;
    }

    public SecurityGroup albSecurityGroup() {
        return albSecurityGroup;
    }

    public SecurityGroup databaseSecurityGroup() {
        return databaseSecurityGroup;
    }

    public SecurityGroup redisSecurityGroup() {
        return redisSecurityGroup;
    }

    public SecurityGroup rotationSecurityGroup() {
        return rotationSecurityGroup;
    }

    public SecurityGroup efsSecurityGroup() {
        return efsSecurityGroup;
    }

    public SecurityGroup serviceSecurityGroup(String service) {
        return serviceSecurityGroups.get(service);
    }
}
