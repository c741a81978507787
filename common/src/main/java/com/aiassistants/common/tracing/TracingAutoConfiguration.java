package com.aiassistants.common.tracing;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import com.aiassistants.common.config.LookedUpOnce;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * {@link Traces} over Boot's Micrometer Tracing (OpenTelemetry bridge); the tracer is looked up on first use, so it
 * works with tracing off, and then kept ({@link LookedUpOnce}).
 */
@AutoConfiguration
public class TracingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Traces traces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new Traces(LookedUpOnce.of(tracer), LookedUpOnce.of(propagator));
    }
}
