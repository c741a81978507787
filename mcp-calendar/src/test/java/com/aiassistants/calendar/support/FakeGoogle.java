package com.aiassistants.calendar.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Arrays;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * A wire-level stand-in for Google's OAuth 2.0 endpoints ({@code /token}, {@code /revoke}) and Calendar API v3
 * ({@code /calendar/v3/calendars/primary/events}), answering with Google's payload shapes. One per test JVM;
 * tests add the stubs they need and reset it.
 */
public final class FakeGoogle {

    public static final String CLIENT_ID = "test-client.apps.googleusercontent.com";
    public static final String CLIENT_SECRET = "test-client-secret";
    /** base64 of 32 bytes. */
    public static final String TOKEN_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    public static final String REDIRECT_URI = "http://localhost:8080/v1/google/oauth/callback";
    public static final String EVENTS = "/calendar/v3/calendars/primary/events";

    private final WireMockServer server;

    private FakeGoogle() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
    }

    public static FakeGoogle start() {
        return new FakeGoogle();
    }

    public WireMockServer server() {
        return server;
    }

    public String url() {
        return "http://localhost:" + server.port();
    }

    /** The code exchange of {@code code} answers access token {@code ya29.<code>} and refresh token {@code 1//<code>}. */
    public void acceptsCode(String code) {
        server.stubFor(post(urlPathEqualTo("/token")).withFormParam("grant_type", equalTo("authorization_code"))
                .withFormParam("code", equalTo(code)).withFormParam("client_id", equalTo(CLIENT_ID))
                .withFormParam("client_secret", equalTo(CLIENT_SECRET))
                .withFormParam("redirect_uri", equalTo(REDIRECT_URI))
                .willReturn(json(200, """
                        {"access_token": "ya29.%s", "expires_in": 3599, "refresh_token": "1//%s",
                         "scope": "https://www.googleapis.com/auth/calendar.events", "token_type": "Bearer"}"""
                        .formatted(code, code))));
    }

    public void refusesCode(String code) {
        server.stubFor(post(urlPathEqualTo("/token")).withFormParam("code", equalTo(code))
                .willReturn(json(400, """
                        {"error": "invalid_grant", "error_description": "Bad Request"}""")));
    }

    /** A refresh of refresh token {@code 1//<code>} answers access token {@code newAccess} (no new refresh token). */
    public void refreshes(String code, String newAccess) {
        server.stubFor(post(urlPathEqualTo("/token")).withFormParam("grant_type", equalTo("refresh_token"))
                .withFormParam("refresh_token", equalTo("1//" + code))
                .willReturn(json(200, """
                        {"access_token": "%s", "expires_in": 3599,
                         "scope": "https://www.googleapis.com/auth/calendar.events", "token_type": "Bearer"}"""
                        .formatted(newAccess))));
    }

    public void revokes() {
        server.stubFor(post(urlPathEqualTo("/revoke")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody("{}")));
    }

    /** A full listing (timeMin/timeMax, no syncToken) for {@code accessToken}: these events, then the sync token. */
    public void lists(String accessToken, String account, String nextSyncToken, String... events) {
        server.stubFor(get(urlPathEqualTo(EVENTS)).withHeader("Authorization", equalTo("Bearer " + accessToken))
                .withQueryParam("timeMin", matching(".+")).withQueryParam("syncToken", absent())
                .willReturn(json(200, eventList(account, nextSyncToken, events))));
    }

    /** The changes since {@code syncToken}. */
    public void changes(String accessToken, String account, String syncToken, String nextSyncToken, String... events) {
        server.stubFor(get(urlPathEqualTo(EVENTS)).withHeader("Authorization", equalTo("Bearer " + accessToken))
                .withQueryParam("syncToken", equalTo(syncToken))
                .willReturn(json(200, eventList(account, nextSyncToken, events))));
    }

    /** An opaque timed event, as events.list returns it. */
    public static String busyEvent(String id, String start, String end) {
        return """
                {"kind": "calendar#event", "etag": "\\"3181161784712000\\"", "id": "%s", "status": "confirmed",
                 "summary": "Dentist", "created": "2026-02-20T10:00:00.000Z", "updated": "2026-02-20T10:00:00.000Z",
                 "start": {"dateTime": "%s", "timeZone": "America/Argentina/Buenos_Aires"},
                 "end": {"dateTime": "%s", "timeZone": "America/Argentina/Buenos_Aires"},
                 "iCalUID": "%s@google.com", "sequence": 0, "eventType": "default"}""".formatted(id, start, end, id);
    }

    /** A deleted event in an incremental listing. */
    public static String cancelledEvent(String id) {
        return """
                {"kind": "calendar#event", "etag": "\\"3181161784712001\\"", "id": "%s", "status": "cancelled"}"""
                .formatted(id);
    }

    static String eventList(String account, String nextSyncToken, String... events) {
        return """
                {"kind": "calendar#events", "etag": "\\"p33k9lsbeovb8o0o\\"", "summary": "%s",
                 "updated": "2026-03-02T10:00:00.000Z", "timeZone": "America/Argentina/Buenos_Aires",
                 "accessRole": "owner", "defaultReminders": [], "nextSyncToken": "%s", "items": [%s]}"""
                .formatted(account, nextSyncToken, Arrays.stream(events).collect(Collectors.joining(",")));
    }

    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(body);
    }
}
