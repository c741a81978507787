package com.aiassistants.backend.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.aiassistants.backend.BackendTestBase;
import com.aiassistants.backend.tenant.AdminUsers;
import com.aiassistants.backend.tenant.AdminUsers.Role;
import com.aiassistants.common.testsupport.ServiceProcess;
import com.aiassistants.common.testsupport.TestPostgres;
import com.github.tomakehurst.wiremock.WireMockServer;

import tools.jackson.databind.JsonNode;

/**
 * A professional's Google Calendar through the console's routes, as a new user tries it, against the real
 * mcp-professionals and mcp-calendar (exec jars) and a WireMock fake of Google (OAuth token/revoke endpoints and
 * Calendar API v3 with real payload shapes): the owner connects (authorization URL, Google's redirect to the public
 * callback, back to the console), a busy event in Google removes its slots, a booking appears as an event in the
 * fake calendar, staff cannot connect, a forged state is refused, disconnecting revokes the grant.
 */
class GoogleCalendarConsoleTest extends BackendTestBase {

    static final String TOKEN = "google-console-token-0123456789";
    static final ZoneId BA = ZoneId.of("America/Argentina/Buenos_Aires");
    static final String EVENTS = "/calendar/v3/calendars/primary/events";
    static final String REDIRECT = "http://localhost:8080/v1/google/oauth/callback";
    static final WireMockServer GOOGLE = new WireMockServer(options().dynamicPort());
    static ServiceProcess professionals;
    static ServiceProcess calendar;

    @Autowired
    AdminUsers users;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        GOOGLE.start();
        TestPostgres.Database db = TestPostgres.createDatabase("google_console");
        Map<String, String> env = new HashMap<>(Map.of("AI_ASSISTANTS_MCP_TOKEN", TOKEN));
        List<String> small = List.of("--spring.datasource.hikari.maximum-pool-size=3");
        professionals = ServiceProcess.start("mcp-professionals", db, env, small);
        env.put("AI_ASSISTANTS_MCP_PROFESSIONALS_URL", professionals.baseUrl().toString());
        String google = "http://localhost:" + GOOGLE.port();
        env.putAll(Map.of("AI_ASSISTANTS_GOOGLE_CLIENT_ID", "console-test.apps.googleusercontent.com",
                "AI_ASSISTANTS_GOOGLE_CLIENT_SECRET", "console-test-secret",
                "AI_ASSISTANTS_GOOGLE_TOKEN_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "AI_ASSISTANTS_GOOGLE_REDIRECT_URI", REDIRECT,
                "AI_ASSISTANTS_GOOGLE_AUTH_URI", google + "/o/oauth2/v2/auth",
                "AI_ASSISTANTS_GOOGLE_TOKEN_URI", google + "/token",
                "AI_ASSISTANTS_GOOGLE_REVOKE_URI", google + "/revoke",
                "AI_ASSISTANTS_GOOGLE_API_URL", google + "/calendar/v3"));
        calendar = ServiceProcess.start("mcp-calendar", db, env, List.of("--spring.datasource.hikari.maximum-pool-size=3",
                "--ai-assistants.calendar.google.poll-interval=200ms"));
        registry.add("ai-assistants.backend.mcp.professionals.url", () -> professionals.baseUrl().toString());
        registry.add("ai-assistants.backend.mcp.calendar.url", () -> calendar.baseUrl().toString());
        registry.add("ai-assistants.backend.mcp.professionals.token", () -> TOKEN);
        registry.add("ai-assistants.backend.mcp.calendar.token", () -> TOKEN);
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> 4);
    }

    @AfterAll
    static void stop() {
        for (ServiceProcess process : new ServiceProcess[] {calendar, professionals}) {
            if (process != null) {
                process.close();
            }
        }
        GOOGLE.stop();
    }

    Response call(String method, String path, String token, Object body) {
        return send(method, path, token == null ? Map.of() : bearer(token), body == null ? null : json(body));
    }

    JsonNode ok(Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response.body() == null || response.body().isEmpty() ? null : response.json();
    }

    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    static String at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(BA).toOffsetDateTime().toString();
    }

    static Map<String, String> query(String url) {
        return Arrays.stream(URI.create(url).getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }

    static void json(String method, String path, String authorization, int status, String body) {
        var request = method.equals("GET") ? get(urlPathEqualTo(path)) : post(urlPathEqualTo(path));
        if (authorization != null) {
            request = request.withHeader("Authorization", equalTo(authorization));
        }
        GOOGLE.stubFor(request.willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json; charset=UTF-8").withBody(body)));
    }

    @Test
    void aProfessionalConnectsGoogleCalendarBusyTimeBlocksSlotsAndBookingsBecomeEvents() {
        var project = newProject();
        String owner = project.ownerToken();
        String service = ok(call("POST", "/v1/admin/catalogue/services", owner, map("name", "Consulta",
                "description", null, "duration_minutes", 30, "buffer_minutes", 0, "price", 1000, "currency", "ARS",
                "active", true, "professional_ids", List.of())), 201).get("id").asString();
        String professional = ok(call("POST", "/v1/admin/catalogue/professionals", owner, map("name", "Dra. Pérez",
                "specialty", null, "email", null, "phone", null, "active", true, "service_ids", List.of(service))),
                201).get("id").asString();
        List<Map<String, Object>> ranges = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            ranges.add(map("day_of_week", day.name(), "start", "08:00", "end", "20:00"));
        }
        ok(call("PUT", "/v1/admin/catalogue/professionals/" + professional + "/hours", owner, map("ranges", ranges)), 200);
        String staffEmail = "staff@" + project.id() + ".test";
        users.ensure(staffEmail, "staff-pass-123", Role.STAFF, project.id(), false);
        String staff = login(staffEmail, "staff-pass-123");
        String path = "/v1/admin/catalogue/professionals/" + professional + "/google-calendar";

        JsonNode before = ok(call("GET", path, staff, null), 200);
        assertThat(before.get("enabled").asBoolean()).isTrue();
        assertThat(before.get("connection").isNull()).isTrue();
        assertThat(call("POST", path + "/connect", staff, null).status()).isEqualTo(403);

        // the owner asks for Google's page; "Google" sends the browser back to the public callback
        String url = ok(call("POST", path + "/connect", owner, null), 200).get("authorization_url").asString();
        Map<String, String> query = query(url);
        assertThat(query).containsEntry("access_type", "offline").containsEntry("redirect_uri", REDIRECT);
        LocalDate day = LocalDate.now(BA).plusDays(2);
        json("POST", "/token", null, 200, """
                {"access_token": "ya29.console", "expires_in": 3599, "refresh_token": "1//console",
                 "scope": "https://www.googleapis.com/auth/calendar.events", "token_type": "Bearer"}""");
        json("GET", EVENTS, "Bearer ya29.console", 200, """
                {"kind": "calendar#events", "summary": "perez@clinic.test", "timeZone": "America/Argentina/Buenos_Aires",
                 "nextSyncToken": "sync-1", "items": [{"kind": "calendar#event", "id": "congress", "status": "confirmed",
                 "start": {"dateTime": "%s"}, "end": {"dateTime": "%s"}}]}"""
                .formatted(at(day, "10:00"), at(day, "11:00")));
        json("POST", EVENTS, "Bearer ya29.console", 200, """
                {"kind": "calendar#event", "id": "created", "status": "confirmed"}""");
        GOOGLE.stubFor(post(urlPathEqualTo("/revoke")).willReturn(aResponse().withStatus(200)));

        Response forged = call("GET", "/v1/google/oauth/callback?code=x&state="
                + URLEncoder.encode(query.get("state") + "x", StandardCharsets.UTF_8), null, null);
        assertThat(forged.status()).isEqualTo(302);
        assertThat(forged.headers().firstValue("Location")).hasValue("/catalogue?google=error&reason=invalid-state");

        Response back = call("GET", "/v1/google/oauth/callback?code=4%2F0Ab-code&state="
                + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8), null, null);
        assertThat(back.status()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location"))
                .hasValue("/catalogue?google=connected&professional=" + professional);
        GOOGLE.verify(postRequestedFor(urlPathEqualTo("/token")).withFormParam("code", equalTo("4/0Ab-code"))
                .withFormParam("grant_type", equalTo("authorization_code")));

        JsonNode connected = ok(call("GET", path, staff, null), 200).get("connection");
        assertThat(connected.get("status").asString()).isEqualTo("CONNECTED");
        assertThat(connected.get("account").asString()).isEqualTo("perez@clinic.test");

        // the congress in Google takes 10:00-11:00 out of the console's free slots
        JsonNode slots = ok(call("GET", "/v1/admin/calendar/slots?service_id=" + service + "&professional_id="
                + professional + "&date=" + day, staff, null), 200);
        List<String> starts = new ArrayList<>();
        slots.get("slots").forEach(slot -> starts.add(slot.get("local_start").asString().substring(11, 16)));
        assertThat(starts).doesNotContain("10:00", "10:30").contains("09:30", "11:00", "12:00");

        // a booking staff make shows up in the (fake) Google Calendar
        JsonNode booked = ok(call("POST", "/v1/admin/calendar/bookings", staff, map("service_id", service,
                "professional_id", professional, "start", day.atTime(12, 0).atZone(BA).toInstant().toString(),
                "phone", "+5491155550000", "customer_name", "Ana", "notes", null, "notify_patient", false)), 201);
        String bookingId = booked.get("booking").get("id").asString();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> GOOGLE.verify(1, postRequestedFor(urlPathEqualTo(EVENTS))
                .withRequestBody(matchingJsonPath("$.id", equalTo("aiab" + bookingId.replace("-", ""))))));

        JsonNode gone = ok(call("DELETE", path, owner, null), 200);
        assertThat(gone.get("revoked").asBoolean()).isTrue();
        GOOGLE.verify(postRequestedFor(urlPathEqualTo("/revoke")).withFormParam("token", equalTo("1//console")));
        assertThat(ok(call("GET", path, staff, null), 200).get("connection").isNull()).isTrue();
    }
}
