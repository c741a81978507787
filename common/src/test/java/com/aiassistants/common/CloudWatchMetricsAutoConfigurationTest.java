package com.aiassistants.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.aiassistants.common.metrics.CloudWatchMetricsAutoConfiguration;

import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;

class CloudWatchMetricsAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CloudWatchMetricsAutoConfiguration.class))
            .withSystemProperties("aws.region=us-east-1");

    @Test
    void offUnlessEnabled() {
        runner.run(context -> assertThat(context).doesNotHaveBean(CloudWatchMeterRegistry.class));
    }

    @Test
    void exportsOnlyAllowedMetricsWhenEnabled() {
        runner.withPropertyValues("management.cloudwatch.metrics.export.enabled=true",
                "management.cloudwatch.metrics.export.namespace=Test").run(context -> {
                    CloudWatchMeterRegistry registry = context.getBean(CloudWatchMeterRegistry.class);
                    registry.counter("mcp.client.calls").increment();
                    registry.counter("some.other.metric").increment();
                    assertThat(registry.find("mcp.client.calls").counter()).isNotNull();
                    assertThat(registry.find("some.other.metric").counter()).isNull();
                    registry.close();
                });
    }
}
