package com.aiassistants.gateway.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import com.aiassistants.common.web.FilterProblems;

/**
 * Guards {@code /admin/**} (REST and the {@code /admin/ws} handshake) with
 * {@code Authorization: Bearer <ai-assistants.gateway.admin-token>}, compared in constant time.
 * Without a configured token the admin API is closed.
 */
public class AdminTokenFilter extends OncePerRequestFilter {

    private final byte[] token;

    public AdminTokenFilter(String token) {
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path.startsWith("/actuator/")) {
            // health and info stay open for probes; metrics, prometheus and the rest need the admin token
            return path.startsWith("/actuator/health") || path.equals("/actuator/info");
        }
        return !path.startsWith("/admin/") && !path.equals("/admin");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (token == null) {
            reject(request, response, HttpStatus.FORBIDDEN, "admin-disabled",
                    "the admin API is disabled: set ai-assistants.gateway.admin-token");
            return;
        }
        String header = request.getHeader("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            reject(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "Authorization: Bearer <admin token> required");
            return;
        }
        byte[] given = header.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(token, given)) {
            reject(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "invalid admin token");
            return;
        }
        chain.doFilter(request, response);
    }

    private static void reject(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String slug,
            String detail) throws IOException {
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        FilterProblems.write(request, response, status, slug, detail);
    }
}
