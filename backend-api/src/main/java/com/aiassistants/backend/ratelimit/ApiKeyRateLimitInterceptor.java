package com.aiassistants.backend.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

import com.aiassistants.backend.tenant.CallerAuthentication;
import com.aiassistants.backend.tenant.Projects;

/** Charges every API-key request under {@code /v1} to the key's bucket before the handler runs. */
public class ApiKeyRateLimitInterceptor implements HandlerInterceptor {

    private final RateLimiter rateLimiter;
    private final Projects projects;

    public ApiKeyRateLimitInterceptor(RateLimiter rateLimiter, Projects projects) {
        this.rateLimiter = rateLimiter;
        this.projects = projects;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication auth
                && auth.caller().kind() == com.aiassistants.backend.tenant.Caller.Kind.API_KEY) {
            projects.find(auth.caller().projectId())
                    .ifPresent(project -> rateLimiter.checkApiKey(auth.caller(), project));
        }
        return true;
    }
}
