package com.aiassistants.common.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Catches what escapes any later filter (an API-key lookup, a security filter, a rate limiter) when a
 * dependency is down ({@link Outages}) and answers 503 problem details with {@code Retry-After} instead of
 * the container's 500. Other failures pass on unchanged.
 */
public class OutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(OutageFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!Outages.isOutage(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("dependency unavailable, answered 503: {}", rootMessage(e));
            FilterProblems.unavailable(request, response);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
