package com.aiassistants.backend.ratelimit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.aiassistants.backend.tenant.Projects;

@Configuration
@ConditionalOnWebApplication
public class RateLimitWebConfig implements WebMvcConfigurer {

    private final RateLimiter rateLimiter;
    private final Projects projects;

    public RateLimitWebConfig(RateLimiter rateLimiter, Projects projects) {
        this.rateLimiter = rateLimiter;
        this.projects = projects;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ApiKeyRateLimitInterceptor(rateLimiter, projects)).addPathPatterns("/v1/**");
    }
}
