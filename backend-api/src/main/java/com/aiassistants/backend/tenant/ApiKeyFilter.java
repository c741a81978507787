package com.aiassistants.backend.tenant;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import com.aiassistants.common.web.FilterProblems;

/** {@code X-API-Key} → the key's project; an unknown or revoked key is a 401 right here. */
public class ApiKeyFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-API-Key";

    private final ApiKeys apiKeys;

    public ApiKeyFilter(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key == null || key.isBlank() || !request.getRequestURI().startsWith("/v1/")) {
            chain.doFilter(request, response);
            return;
        }
        var owner = key.length() > 200 ? java.util.Optional.<ApiKeys.KeyOwner>empty() : apiKeys.authenticate(key.trim());
        if (owner.isEmpty()) {
            FilterProblems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "invalid or revoked API key");
            return;
        }
        Caller caller = Caller.apiKey(owner.get().keyId(), owner.get().projectId());
        SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(caller));
        MDC.put("tenantId", caller.projectId());
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("tenantId");
        }
    }
}
