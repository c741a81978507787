package com.aiassistants.common.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/** Request ids, problem-details error handling, strict JSON text and 503 for outages, for every service. */
@AutoConfiguration(afterName = { "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        "org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(ProblemExceptionHandler.class)
public class CommonWebAutoConfiguration {

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Tomcat's own error pages (unparsable requests, headers too large → 431) as problem details. */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnClass(name = "org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory")
    org.springframework.boot.web.server.WebServerFactoryCustomizer<org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory> problemErrorPages() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
            org.apache.catalina.Pipeline pipeline = context.getParent().getPipeline();
            for (org.apache.catalina.Valve valve : pipeline.getValves()) {
                if (valve instanceof org.apache.catalina.valves.ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                    pipeline.removeValve(valve);
                }
            }
            pipeline.addValve(new ProblemErrorReportValve());
        });
    }

    /**
     * Request and response bodies of every REST API, with Boot's JSON mapper, except that a number or a boolean
     * where the API takes text is refused (400 {@code malformed-json} naming the property) instead of being read as
     * its digits: {@code {"text": 42}} is a client's mistake, not the message "42". Text where a number is expected
     * still reads as that number.
     */
    @Bean
    @ConditionalOnBean(JsonMapper.class)
    ServerHttpMessageConvertersCustomizer strictTextJsonConverter(JsonMapper jsonMapper) {
        JsonMapper strict = jsonMapper.rebuild()
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .build();
        // runs after Boot's own JSON customizer (this configuration comes after Boot's), so this converter wins
        return builder -> builder.withJsonConverter(new JacksonJsonHttpMessageConverter(strict));
    }

    @Bean
    FilterRegistrationBean<OutageFilter> outageFilter() {
        FilterRegistrationBean<OutageFilter> registration = new FilterRegistrationBean<>(new OutageFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
