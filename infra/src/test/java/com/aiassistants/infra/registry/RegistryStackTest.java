package com.aiassistants.infra.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiassistants.infra.SynthesizedApp;
import com.aiassistants.infra.catalog.ServiceCatalog;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Template;

class RegistryStackTest {

    private final Template template = SynthesizedApp.prod().template(SynthesizedApp.prod().stacks().registry());

    @Test
    void oneScannedRepositoryPerServiceWithLifecycleRules() {
        template.resourceCountIs("AWS::ECR::Repository", ServiceCatalog.ALL.size());
        for (var spec : ServiceCatalog.ALL) {
            Capture policy = new Capture();
            template.hasResourceProperties("AWS::ECR::Repository", Map.of(
                    "RepositoryName", "ai-assistants/" + spec.name(),
                    "ImageScanningConfiguration", Map.of("ScanOnPush", true),
                    "LifecyclePolicy", Map.of("LifecyclePolicyText", policy)));
            assertThat(policy.asString())
                    .contains("\"tagStatus\":\"untagged\"", "\"countType\":\"sinceImagePushed\"")
                    .contains("\"countType\":\"imageCountMoreThan\",\"countNumber\":30");
        }
        template.hasResource("AWS::ECR::Repository", Map.of("DeletionPolicy", "Retain"));
    }
}
