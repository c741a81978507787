package com.aiassistants.calendar.google;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import com.aiassistants.common.retry.HttpAttempt;

/**
 * Google's OAuth 2.0 endpoints: the authorization URL (code flow, {@code access_type=offline},
 * {@code prompt=consent} so a refresh token is always returned), the code exchange and refresh at the token
 * endpoint (form-encoded), and revocation.
 */
@Component
class GoogleOAuthClient {

    /** Google refused a code or a refresh token (4xx); {@code error} is the OAuth error code (invalid_grant…). */
    static final class OAuthRefusedException extends RuntimeException {
        private final String error;

        OAuthRefusedException(String error) {
            super("Google refused the grant: " + error, null, false, false);
            this.error = error;
        }

        String error() {
            return error;
        }
    }

    private final GoogleProperties properties;
    private final GoogleHttp http;

    GoogleOAuthClient(GoogleProperties properties, GoogleHttp http) {
        this.properties = properties;
        this.http = http;
    }

    String authorizationUrl(String state) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", properties.clientId());
        query.put("redirect_uri", properties.redirectUri().toString());
        query.put("response_type", "code");
        query.put("scope", properties.scope());
        query.put("access_type", "offline");
        query.put("prompt", "consent");
        query.put("include_granted_scopes", "true");
        query.put("state", state);
        return properties.authUri() + "?" + form(query);
    }

    GoogleWire.TokenResponse exchange(String code) {
        return token("token_exchange", Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", properties.redirectUri().toString()));
    }

    GoogleWire.TokenResponse refresh(String refreshToken) {
        return token("token_refresh", Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    /** True when Google revoked the grant or no longer knows it (400 invalid_token). */
    boolean revoke(String token) {
        HttpAttempt answer = http.send("revoke", client -> client.post().uri(properties.revokeUri())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form(Map.of("token", token))));
        return answer.status() < 300 || answer.status() == 400;
    }

    private GoogleWire.TokenResponse token(String operation, Map<String, String> grant) {
        Map<String, String> body = new LinkedHashMap<>(grant);
        body.put("client_id", properties.clientId());
        body.put("client_secret", properties.clientSecret());
        HttpAttempt answer = http.send(operation, client -> client.post().uri(properties.tokenUri())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.APPLICATION_JSON)
                .body(form(body)));
        if (answer.status() >= 300) {
            String error;
            try {
                error = GoogleHttp.read(answer, GoogleWire.OAuthError.class).error();
            } catch (RuntimeException e) {
                error = null;
            }
            throw new OAuthRefusedException(error == null ? "HTTP " + answer.status() : error);
        }
        GoogleWire.TokenResponse token = GoogleHttp.read(answer, GoogleWire.TokenResponse.class);
        if (token.accessToken() == null || token.accessToken().isBlank()) {
            throw new OAuthRefusedException("no access_token in the answer");
        }
        return token;
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
