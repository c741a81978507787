package com.aiassistants.infra.network;

import static com.aiassistants.infra.TemplateQueries.ingressFromGroups;
import static com.aiassistants.infra.TemplateQueries.logicalId;
import static org.assertj.core.api.Assertions.assertThat;

import com.aiassistants.infra.SynthesizedApp;
import com.aiassistants.infra.catalog.ServiceCatalog;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class NetworkStackTest {

    private final NetworkStack stack = SynthesizedApp.prod().stacks().network();
    private final Template template = SynthesizedApp.prod().template(stack);

    private String sg(String service) {
        return logicalId(stack, stack.serviceSecurityGroup(service));
    }

    @Test
    void vpcSpansTwoZonesWithPublicAndPrivateSubnetsAndANatPerZoneInProd() {
        template.resourceCountIs("AWS::EC2::VPC", 1);
        template.resourceCountIs("AWS::EC2::Subnet", 4);
        template.resourceCountIs("AWS::EC2::NatGateway", 2);
        Template dev = SynthesizedApp.dev().template(SynthesizedApp.dev().stacks().network());
        dev.resourceCountIs("AWS::EC2::NatGateway", 1);
    }

    @Test
    void albAcceptsOnlyWebTraffic() {
        template.hasResourceProperties("AWS::EC2::SecurityGroup", Map.of(
                "GroupDescription", "Public ALB: HTTPS and HTTP (redirect) from anywhere",
                "SecurityGroupIngress", List.of(
                        Match.objectLike(Map.of("CidrIp", "0.0.0.0/0", "FromPort", 443, "ToPort", 443)),
                        Match.objectLike(Map.of("CidrIp", "0.0.0.0/0", "FromPort", 80, "ToPort", 80)))));
    }

    @Test
    void eachServiceAcceptsOnlyItsCallersOnItsPort() {
        String alb = logicalId(stack, stack.albSecurityGroup());
        assertThat(ingressFromGroups(template, stack, stack.serviceSecurityGroup("backend-api")))
                .containsExactlyInAnyOrder(alb + ":8080", sg("whatsapp-gateway") + ":8080");
        assertThat(ingressFromGroups(template, stack, stack.serviceSecurityGroup("whatsapp-gateway")))
                .containsExactlyInAnyOrder(alb + ":8081", sg("backend-api") + ":8081");
        assertThat(ingressFromGroups(template, stack, stack.serviceSecurityGroup("mcp-professionals")))
                .containsExactlyInAnyOrder(sg("backend-api") + ":8091", sg("mcp-calendar") + ":8091");
        assertThat(ingressFromGroups(template, stack, stack.serviceSecurityGroup("mcp-calendar")))
                .containsExactly(sg("backend-api") + ":8092");
        assertThat(ingressFromGroups(template, stack, stack.serviceSecurityGroup("mcp-booking-log")))
                .containsExactlyInAnyOrder(sg("backend-api") + ":8093", sg("mcp-calendar") + ":8093");
        assertThat(ingressFromGroups(template, stack, stack.serviceSecurityGroup("mcp-llm")))
                .containsExactly(sg("backend-api") + ":8094");
    }

    @Test
    void dataStoresAcceptOnlyTheServicesThatUseThem() {
        assertThat(ingressFromGroups(template, stack, stack.databaseSecurityGroup()))
                .containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.concat(ServiceCatalog.ALL.stream()
                        .map(s -> sg(s.name()) + ":5432"), java.util.stream.Stream.of(
                                logicalId(stack, stack.rotationSecurityGroup()) + ":5432")).collect(Collectors.toSet()));
        assertThat(ingressFromGroups(template, stack, stack.redisSecurityGroup()))
                .containsExactlyInAnyOrder(sg("backend-api") + ":6379", sg("whatsapp-gateway") + ":6379");
        assertThat(ingressFromGroups(template, stack, stack.efsSecurityGroup()))
                .containsExactly(sg("whatsapp-gateway") + ":2049");
    }

    @Test
    void flowLogsOfAllTrafficGoToAnEncryptedExpiringLogGroupAndTheDefaultGroupIsClosed() {
        template.hasResourceProperties("AWS::EC2::FlowLog", Map.of(
                "ResourceType", "VPC", "TrafficType", "ALL", "LogDestinationType", "cloud-watch-logs"));
        template.hasResourceProperties("AWS::Logs::LogGroup", Map.of(
                "LogGroupName", "/vpc/ai-assistants/prod/flow-logs",
                "RetentionInDays", 90,
                "KmsKeyId", Match.anyValue()));
        template.resourceCountIs("Custom::VpcRestrictDefaultSG", 1);
        template.allResourcesProperties("AWS::EC2::Subnet", Map.of("MapPublicIpOnLaunch", false));
    }

    @Test
    void onlyTheRotationFunctionsAndTheServicesReachPostgres() {
        assertThat(ingressFromGroups(template, stack, stack.databaseSecurityGroup()))
                .contains(logicalId(stack, stack.rotationSecurityGroup()) + ":5432");
    }
}
