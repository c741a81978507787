package com.aiassistants.common.tracing;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/** {@link Traces} over Boot's Micrometer Tracing (OpenTelemetry bridge); looked up lazily, so it works with tracing off. */
@AutoConfiguration
public class TracingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Traces traces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new Traces(tracer::getIfAvailable, propagator::getIfAvailable);
    }
}
