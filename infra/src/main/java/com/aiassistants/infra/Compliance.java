package com.aiassistants.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.HIPAASecurityChecks;
import io.github.cdklabs.cdknag.NagPack;
import io.github.cdklabs.cdknag.NagPackProps;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.Validations;
import software.constructs.IConstruct;

/**
 * cdk-nag's AwsSolutions and HIPAA Security rule packs. {@link #findings} runs them over a construct tree:
 * {@code InfraApp} refuses to synthesize (so {@code cdk synth}/{@code cdk deploy} fail) while any finding is
 * unacknowledged, and the infra tests assert none for both environments. Each remaining finding is
 * acknowledged with {@link #acknowledge} next to the resource it concerns, with the reason.
 */
public final class Compliance {

    private Compliance() {
    }

    /** Fresh instances of the packs the deployment must pass. */
    public static List<NagPack> rulePacks(IConstruct scope) {
        NagPackProps props = NagPackProps.builder().verbose(true).build();
        return List.of(new AwsSolutionsChecks(scope, props), new HIPAASecurityChecks(scope, props));
    }

    /** Unacknowledged findings of both packs in {@code scope}, one line each: rule, severity, construct path. */
    public static List<String> findings(IConstruct scope) {
        List<String> findings = new java.util.ArrayList<>();
        for (NagPack pack : rulePacks(scope)) {
            pack.validateScope(scope).getViolations().forEach(violation -> violation.getViolatingResources().forEach(
                    resource -> findings.add(violation.getRuleName() + " " + violation.getSeverity() + " at "
                            + resource.getConstructPath() + ": " + violation.getDescription())));
        }
        return findings;
    }

    /** Acknowledges {@code ruleId} (e.g. {@code AwsSolutions-IAM5[Resource::*]}) on {@code scope} and its children. */
    public static void acknowledge(IConstruct scope, String ruleId, String reason) {
        if (ruleId.split("::", -1).length > 2) {
            // findings naming a policy ARN (IAM4[Policy::arn:<AWS::Partition>:…]) hold a second "::", which
            // Validations.acknowledge refuses; record the same metadata the packs read
            scope.getNode().addMetadata(Validations.ACKNOWLEDGED_RULES_METADATA_KEY, Map.of(ruleId, reason));
            return;
        }
        Validations.of(scope).acknowledge(Acknowledgment.builder().id(ruleId).reason(reason).build());
    }
}
