package com.aiassistants.common.metrics;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import io.micrometer.cloudwatch2.CloudWatchConfig;
import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.config.MeterFilter;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;

/**
 * Ships metrics to CloudWatch when {@code management.cloudwatch.metrics.export.enabled=true}
 * (set by the ECS task definitions; off locally). Only metrics whose names start with one of
 * {@code allowed-prefixes} are sent, because every CloudWatch series costs money; tenant ids are
 * never tags in this code base.
 */
@AutoConfiguration
@ConditionalOnClass({CloudWatchMeterRegistry.class, CloudWatchAsyncClient.class})
@ConditionalOnProperty(prefix = "management.cloudwatch.metrics.export", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(CloudWatchMetricsAutoConfiguration.CloudWatchExportProperties.class)
public class CloudWatchMetricsAutoConfiguration {

    /**
     * @param namespace       CloudWatch namespace (default {@code AiAssistants})
     * @param step            publishing interval (default 1 minute)
     * @param allowedPrefixes metric name prefixes to export
     */
    @ConfigurationProperties("management.cloudwatch.metrics.export")
    public record CloudWatchExportProperties(boolean enabled, String namespace, Duration step, List<String> allowedPrefixes) {

        public CloudWatchExportProperties {
            namespace = namespace == null || namespace.isBlank() ? "AiAssistants" : namespace;
            step = step == null ? Duration.ofMinutes(1) : step;
            allowedPrefixes = allowedPrefixes == null || allowedPrefixes.isEmpty()
                    ? List.of("http.server.requests", "mcp.", "llm.", "whatsapp.", "conversation.", "booking.",
                            "jobs.", "ratelimit.", "jvm.memory.used", "hikaricp.connections")
                    : List.copyOf(allowedPrefixes);
        }
    }

    @Bean(destroyMethod = "close")
    CloudWatchAsyncClient cloudWatchAsyncClient() {
        return CloudWatchAsyncClient.builder()
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(Duration.ofSeconds(10)).apiCallAttemptTimeout(Duration.ofSeconds(4)).build())
                .build();
    }

    @Bean
    CloudWatchMeterRegistry cloudWatchMeterRegistry(CloudWatchExportProperties properties, CloudWatchAsyncClient client) {
        CloudWatchConfig config = new CloudWatchConfig() {
            @Override
            public String get(String key) {
                return null;
            }

            @Override
            public String namespace() {
                return properties.namespace();
            }

            @Override
            public Duration step() {
                return properties.step();
            }
        };
        CloudWatchMeterRegistry registry = new CloudWatchMeterRegistry(config, Clock.SYSTEM, client);
        registry.config().meterFilter(MeterFilter.denyUnless(
                id -> properties.allowedPrefixes().stream().anyMatch(prefix -> id.getName().startsWith(prefix))));
        return registry;
    }
}
