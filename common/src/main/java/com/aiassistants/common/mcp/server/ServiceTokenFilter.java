package com.aiassistants.common.mcp.server;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the MCP endpoint and the actuator endpoints other than health and info: a service token (constant-time compare), and Origin/Host checks
 * against DNS rebinding. Refusals are problem+json, so they read the same as the REST APIs'.
 */
public class ServiceTokenFilter extends OncePerRequestFilter {

    private final byte[] expectedToken;
    private final McpServerProperties properties;

    public ServiceTokenFilter(McpServerProperties properties) {
        this.properties = properties;
        this.expectedToken = properties.serviceToken().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        if (origin != null && !properties.allowedOrigins().contains(origin)) {
            refuse(request, response, 403, "origin-not-allowed", "Origin not allowed");
            return;
        }
        if (!hostAllowed(request.getHeader("Host"))) {
            refuse(request, response, 403, "host-not-allowed", "Host not allowed");
            return;
        }
        String authorization = request.getHeader("Authorization");
        String presented = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
        if (presented == null || !MessageDigest.isEqual(expectedToken, presented.getBytes(StandardCharsets.UTF_8))) {
            response.setHeader("WWW-Authenticate", "Bearer");
            refuse(request, response, 401, "unauthorized", "A valid service token is required (Authorization: Bearer …)");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Health and info stay open (load balancers and probes); every other actuator endpoint needs the token. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/actuator/health") || path.equals("/actuator/info");
    }

    private boolean hostAllowed(String hostHeader) {
        if (hostHeader == null) {
            return false;
        }
        String host;
        try {
            host = URI.create("http://" + hostHeader).getHost();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (host == null) {
            return false;
        }
        String normalized = host.toLowerCase(Locale.ROOT);
        return properties.allowedHosts().stream().anyMatch(allowed -> allowed.equalsIgnoreCase(normalized)
                || allowed.equals("*")
                || (allowed.startsWith("*.") && normalized.endsWith(allowed.substring(1).toLowerCase(Locale.ROOT))));
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String slug,
            String detail) throws IOException {
        com.aiassistants.common.web.FilterProblems.write(request, response,
                org.springframework.http.HttpStatus.valueOf(status), slug, detail);
    }
}
