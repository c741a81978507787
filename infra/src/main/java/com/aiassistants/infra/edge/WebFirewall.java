package com.aiassistants.infra.edge;

import com.aiassistants.infra.DeploymentConfig;
import com.aiassistants.infra.security.SecurityStack;
import java.util.List;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.wafv2.CfnLoggingConfiguration;
import software.amazon.awscdk.services.wafv2.CfnWebACL;

/**
 * The edge's WAF: its rules (a per-IP rate limit and AWS managed rule groups, some rules only counted) and its
 * logging. Resources are created in the edge stack's own scope, so the template and its logical ids are what
 * {@link EdgeStack} produced before the split.
 */
final class WebFirewall {

    private WebFirewall() {
    }

    /** WAF logs of what it blocked or counted, with credentials redacted, in the stack {@code stack}. */
    static void logging(Stack stack, DeploymentConfig config, SecurityStack security, CfnWebACL webAcl) {
        String name = String.format(EdgeStack.WAF_LOG_GROUP, config.env());
        LogGroup logs = LogGroup.Builder.create(stack, "WafLogs")
                .logGroupName(name)
                .encryptionKey(security.logsKey())
                .retention(config.sizing().logRetention())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        CfnLoggingConfiguration logging = CfnLoggingConfiguration.Builder.create(stack, "WafLogging")
                .resourceArn(webAcl.getAttrArn())
                // WAF wants the log group ARN without the ":*" suffix LogGroup.getLogGroupArn() carries
                .logDestinationConfigs(List.of(stack.formatArn(ArnComponents.builder()
                        .service("logs").resource("log-group").resourceName(name)
                        .arnFormat(ArnFormat.COLON_RESOURCE_NAME).build())))
                // bearer tokens, console cookies and WebSocket ticket query strings never reach the logs
                .redactedFields(List.of(
                        CfnLoggingConfiguration.FieldToMatchProperty.builder()
                                .singleHeader(java.util.Map.of("Name", "authorization")).build(),
                        CfnLoggingConfiguration.FieldToMatchProperty.builder()
                                .singleHeader(java.util.Map.of("Name", "cookie")).build(),
                        CfnLoggingConfiguration.FieldToMatchProperty.builder()
                                .queryString(java.util.Map.of()).build()))
                // every request is in the ALB access log already: WAF logs only what it blocked or counted
                .loggingFilter(java.util.Map.of(
                        "DefaultBehavior", "DROP",
                        "Filters", List.of(java.util.Map.of(
                                "Behavior", "KEEP",
                                "Requirement", "MEETS_ANY",
                                "Conditions", List.of(
                                        java.util.Map.of("ActionCondition", java.util.Map.of("Action", "BLOCK")),
                                        java.util.Map.of("ActionCondition", java.util.Map.of("Action", "COUNT")))))))
                .build();
        logging.getNode().addDependency(logs);
    }

    static CfnWebACL.VisibilityConfigProperty visibility(String name) {
        return CfnWebACL.VisibilityConfigProperty.builder()
                .cloudWatchMetricsEnabled(true).sampledRequestsEnabled(true).metricName(name).build();
    }

    static CfnWebACL.RuleProperty rateRule(int priority) {
        return CfnWebACL.RuleProperty.builder()
                .name("rate-limit-per-ip")
                .priority(priority)
                .action(CfnWebACL.RuleActionProperty.builder()
                        .block(CfnWebACL.BlockActionProperty.builder().build()).build())
                .statement(CfnWebACL.StatementProperty.builder()
                        .rateBasedStatement(CfnWebACL.RateBasedStatementProperty.builder()
                                .limit(EdgeStack.RATE_LIMIT_PER_5_MIN).aggregateKeyType("IP").build())
                        .build())
                .visibilityConfig(visibility("rate-limit-per-ip"))
                .build();
    }

    static CfnWebACL.RuleProperty managedRule(int priority, String name, List<String> countOnly) {
        CfnWebACL.ManagedRuleGroupStatementProperty.Builder group = CfnWebACL.ManagedRuleGroupStatementProperty.builder()
                .vendorName("AWS").name(name);
        if (!countOnly.isEmpty()) {
            group.ruleActionOverrides(countOnly.stream().map(rule -> CfnWebACL.RuleActionOverrideProperty.builder()
                    .name(rule)
                    .actionToUse(CfnWebACL.RuleActionProperty.builder()
                            .count(CfnWebACL.CountActionProperty.builder().build()).build())
                    .build()).toList());
        }
        return CfnWebACL.RuleProperty.builder()
                .name(name)
                .priority(priority)
                .overrideAction(CfnWebACL.OverrideActionProperty.builder().none(java.util.Map.of()).build())
                .statement(CfnWebACL.StatementProperty.builder().managedRuleGroupStatement(group.build()).build())
                .visibilityConfig(visibility(name))
                .build();
    }
}
