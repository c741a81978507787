package com.aiassistants.backend.tenant;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.aiassistants.backend.BackendProperties;
import com.aiassistants.common.web.ApiProblem;
import com.aiassistants.common.web.FilterProblems;

/**
 * Everything under {@code /v1} needs an API key or a console JWT; {@code /v1/admin} needs a
 * console JWT. The WebSocket path is open at the HTTP level because it authenticates with a
 * short-lived token inside the socket (error frame + close 1008 on failure). CORS only for the
 * configured origins.
 */
@Configuration
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
public class SecurityConfig implements WebMvcConfigurer {

    public static final String PROJECT_HEADER = "X-Project-Id";

    /**
     * No observation per security filter: with an ObservationRegistry present Spring Security wraps
     * each of its filters in its own observation, a measurable share of a turn's CPU. Requests are
     * still observed once, as {@code http.server.requests}.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * A request the firewall refuses (encoded CR/LF, NUL or "//" in the path…) is a 400 problem, not the
     * error page's plain JSON.
     */
    @Bean
    org.springframework.security.web.firewall.RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> com.aiassistants.common.web.FilterProblems.write(request, response,
                org.springframework.http.HttpStatus.BAD_REQUEST, "request-rejected",
                "the request's path or headers contain characters that are not allowed",
                java.util.Map.of("errors", List.of(java.util.Map.of("field", "path", "message",
                        "contains characters that are not allowed"))));
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeys apiKeys, Tokens tokens) throws Exception {
        http.csrf(c -> c.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .cors(c -> {
                })
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.OPTIONS, "/v1/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/v1/admin/login", "/v1/admin/invites/lookup", "/v1/admin/invites/accept").permitAll()
                        .requestMatchers("/v1/ws/conversations/*", "/v1/ws/events", "/v1/ws/simulator").permitAll()
                        .requestMatchers(HttpMethod.GET, "/v1/google/oauth/callback").permitAll()
                        // the patients' calendar files: the signed token in the path is the credential (ics.CalendarLinks)
                        .requestMatchers(HttpMethod.GET, "/v1/public/bookings/*").permitAll()
                        .requestMatchers("/v1/admin/**").hasAuthority(Caller.Kind.ADMIN.name())
                        .requestMatchers("/v1/**").authenticated()
                        .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasAuthority(Caller.Kind.ADMIN.name())
                        .anyRequest().permitAll())
                .addFilterBefore(new ApiKeyFilter(apiKeys), BearerTokenAuthenticationFilter.class)
                .oauth2ResourceServer(o -> o
                        .jwt(j -> j.decoder(tokens.bearerDecoder()).jwtAuthenticationConverter(tokens::toCaller))
                        .authenticationEntryPoint((req, res, ex) -> FilterProblems.write(req, res, HttpStatus.UNAUTHORIZED,
                                "unauthorized", "send X-API-Key or Authorization: Bearer <console token>"))
                        .accessDeniedHandler((req, res, ex) -> FilterProblems.write(req, res, HttpStatus.FORBIDDEN, "forbidden",
                                "not allowed for this credential")))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> FilterProblems.write(req, res, HttpStatus.UNAUTHORIZED,
                                "unauthorized", "send X-API-Key or Authorization: Bearer <console token>"))
                        .accessDeniedHandler((req, res, ex) -> FilterProblems.write(req, res, HttpStatus.FORBIDDEN, "forbidden",
                                "not allowed for this credential")));
        return http.build();
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(BackendProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.cors().allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-API-Key", "X-Customer-Id", "X-Request-Id",
                PROJECT_HEADER));
        cors.setExposedHeaders(List.of("X-Request-Id", "Retry-After"));
        cors.setMaxAge(600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/v1/**", cors);
        return source;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerResolver());
    }

    /** Lets controllers declare a {@link Caller} parameter. */
    static final class CallerResolver implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == Caller.class;
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                WebDataBinderFactory binderFactory) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (!(authentication instanceof CallerAuthentication callerAuthentication)) {
                throw ApiProblem.unauthorized("send X-API-Key or Authorization: Bearer <console token>");
            }
            Caller caller = callerAuthentication.caller();
            String requested = request.getHeader(PROJECT_HEADER);
            if (caller.superadmin() && requested != null && !requested.isBlank()) {
                caller = caller.withProject(com.aiassistants.backend.support.Inputs.id("project_id", requested));
            }
            if (caller.project() != null) {
                org.slf4j.MDC.put("tenantId", caller.project());
            }
            return caller;
        }
    }
}
