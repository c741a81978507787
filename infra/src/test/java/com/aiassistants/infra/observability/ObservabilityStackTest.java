package com.aiassistants.infra.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiassistants.infra.SynthesizedApp;
import com.aiassistants.infra.catalog.ServiceCatalog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class ObservabilityStackTest {

    private final Template template = SynthesizedApp.prod().template(SynthesizedApp.prod().stacks().observability());

    private void alarm(String name, String comparison, Number threshold) {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", "ai-assistants-prod-" + name,
                "ComparisonOperator", comparison,
                "Threshold", threshold,
                "AlarmActions", List.of(Match.anyValue())));
    }

    @Test
    void cpuAndMemoryAlarmsForEveryService() {
        for (var spec : ServiceCatalog.ALL) {
            alarm(spec.name() + "-cpu-high", "GreaterThanThreshold", 80);
            alarm(spec.name() + "-memory-high", "GreaterThanThreshold", 85);
        }
    }

    @Test
    void databaseConnectionAlarmAtEightyPercentOfMaxConnections() {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", "ai-assistants-prod-db-connections-high",
                "MetricName", "DatabaseConnections", "Namespace", "AWS/RDS", "Threshold", 160));
    }

    @Test
    void latencyAndErrorRateAlarmsOnTheAlb() {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", "ai-assistants-prod-latency-p99-high",
                "MetricName", "TargetResponseTime", "ExtendedStatistic", "p99", "Threshold", 2));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", "ai-assistants-prod-5xx-rate-high", "Threshold", 5,
                "Metrics", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Expression", "100 * (FILL(target5xx, 0) + FILL(elb5xx, 0)) / requests"))))));
    }

    @Test
    void unhealthyTargetAlarmsForPublicServices() {
        alarm("backend-api-unhealthy-targets", "GreaterThanThreshold", 0);
        alarm("whatsapp-gateway-unhealthy-targets", "GreaterThanThreshold", 0);
    }

    @Test
    void gatewayDisconnectedAlarmTreatsSilenceAsDisconnected() {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", "ai-assistants-prod-whatsapp-gateway-disconnected",
                "Namespace", "AiAssistants",
                "MetricName", ServiceCatalog.GATEWAY_CONNECTED_METRIC,
                "ComparisonOperator", "LessThanThreshold",
                "Threshold", 1,
                "TreatMissingData", "breaching"));
        alarm("whatsapp-gateway-not-running", "LessThanThreshold", 1);
    }

    @Test
    void llmProviderAlertsAlarmOnAnyQuotaOrCredentialFailure() {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", "ai-assistants-prod-llm-provider-needs-attention",
                "ComparisonOperator", "GreaterThanThreshold",
                "Threshold", 0,
                "TreatMissingData", "notBreaching",
                "Metrics", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Expression", Match.stringLikeRegexp(".*llm\\.alerts\\.count.*AiAssistants.*")))))));
    }

    @Test
    void alarmsNotifyAnEmailSubscriptionAndADashboardExists() {
        template.hasResourceProperties("AWS::SNS::Subscription", Map.of(
                "Protocol", "email", "Endpoint", SynthesizedApp.ALARM_EMAIL));
        template.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
        assertThat(template.findResources("AWS::CloudWatch::Alarm")).hasSize(6 * 2 + 2 + 2 + 2 + 2 + 1);
    }

    @Test
    void alarmTopicIsKmsEncryptedAndRefusesPlainHttpPublishing() {
        template.hasResourceProperties("AWS::SNS::Topic", Map.of(
                "TopicName", "ai-assistants-prod-alarms", "KmsMasterKeyId", Match.anyValue()));
        template.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Deny",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    }
}
