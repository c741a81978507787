package com.aiassistants.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;

/** Both environments pass cdk-nag's AwsSolutions and HIPAA Security packs with every finding fixed or acknowledged. */
class ComplianceTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noUnacknowledgedFindingInEitherPack(String env) {
        InfraApp.Stacks stacks = (env.equals("prod") ? SynthesizedApp.prod() : SynthesizedApp.dev()).stacks();
        List<String> findings = new ArrayList<>();
        for (Stack stack : List.of(stacks.registry(), stacks.security(), stacks.network(), stacks.data(), stacks.edge(),
                stacks.services(), stacks.observability(), stacks.pipeline())) {
            findings.addAll(findings(stack));
        }
        assertThat(findings).as("cdk-nag findings in %s: fix them, or acknowledge each next to its resource "
                + "with Compliance.acknowledge and the reason", env).isEmpty();
    }

    @Test
    void thePacksStillCatchWhatTheyShould() {
        // guards the test above against a pack that silently checks nothing
        software.amazon.awscdk.App app = new software.amazon.awscdk.App();
        Stack stack = new Stack(app, "Probe");
        Bucket.Builder.create(stack, "Plain").encryption(BucketEncryption.S3_MANAGED).build();
        assertThat(findings(stack)).anyMatch(f -> f.startsWith("AwsSolutions-S1 "))
                .anyMatch(f -> f.startsWith("HIPAA.Security-S3BucketLoggingEnabled "));
        Stack acknowledged = new Stack(app, "Acknowledged");
        Bucket bucket = Bucket.Builder.create(acknowledged, "Plain").build();
        Compliance.acknowledge(bucket, "AwsSolutions-S1", "probe");
        assertThat(findings(acknowledged)).noneMatch(f -> f.startsWith("AwsSolutions-S1 "))
                .anyMatch(f -> f.startsWith("AwsSolutions-S10 "));
    }

    private static List<String> findings(Stack stack) {
        return Compliance.findings(stack);
    }
}
