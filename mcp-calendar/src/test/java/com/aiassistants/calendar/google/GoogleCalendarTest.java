package com.aiassistants.calendar.google;

import static com.aiassistants.calendar.support.FakeGoogle.EVENTS;
import static com.aiassistants.calendar.support.FakeGoogle.busyEvent;
import static com.aiassistants.calendar.support.FakeGoogle.cancelledEvent;
import static com.aiassistants.calendar.support.FakeGoogle.json;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.aiassistants.calendar.support.CalendarIntegrationTest;
import com.aiassistants.calendar.support.FakeGoogle;
import com.aiassistants.common.mcp.client.McpToolError;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.CalendarTools.BookConfirmedInput;
import com.aiassistants.common.scheduling.CalendarTools.Booking;
import com.aiassistants.common.scheduling.CalendarTools.CancelBookingInput;
import com.aiassistants.common.scheduling.CalendarTools.FindAvailableSlotsInput;
import com.aiassistants.common.scheduling.CalendarTools.Slot;
import com.aiassistants.common.scheduling.CalendarTools.SlotList;
import com.aiassistants.common.scheduling.GoogleCalendarTools;
import com.aiassistants.common.scheduling.GoogleCalendarTools.CompleteInput;
import com.aiassistants.common.scheduling.GoogleCalendarTools.Connection;
import com.aiassistants.common.scheduling.GoogleCalendarTools.ConnectUrl;
import com.aiassistants.common.scheduling.GoogleCalendarTools.ConnectUrlInput;
import com.aiassistants.common.scheduling.GoogleCalendarTools.Connections;
import com.aiassistants.common.scheduling.GoogleCalendarTools.DisconnectInput;
import com.aiassistants.common.scheduling.GoogleCalendarTools.Disconnected;
import com.aiassistants.common.scheduling.GoogleCalendarTools.StatusInput;

/**
 * The Google Calendar integration against a wire-level fake of Google (WireMock speaking the OAuth token endpoint's
 * and Calendar API v3's payloads): connect, refresh, revoke; a busy event removes slots; a booking's event is written
 * once even when Google fails twice; connections are per tenant.
 */
class GoogleCalendarTest extends CalendarIntegrationTest {

    @Autowired
    BusySync sync;

    @Autowired
    GoogleConnections connections;

    @BeforeEach
    void resetGoogle() {
        GOOGLE.server().resetAll();
        GOOGLE.revokes();
    }

    /** Connect through the tools as the console does: URL, then the callback's code and state. */
    Connection connect(String tenant, String professional, String code, String account, String syncToken,
            String... events) {
        GOOGLE.acceptsCode(code);
        GOOGLE.lists("ya29." + code, account, syncToken, events);
        ConnectUrl url = calendar.call(tenant, GoogleCalendarTools.CONNECT_URL, new ConnectUrlInput(professional),
                ConnectUrl.class);
        return calendar.call(tenant, GoogleCalendarTools.COMPLETE, new CompleteInput(code, query(url).get("state")),
                Connection.class);
    }

    static Map<String, String> query(ConnectUrl url) {
        return Arrays.stream(URI.create(url.authorizationUrl()).getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> java.net.URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }

    String code(Runnable call) {
        try {
            call.run();
        } catch (McpToolError e) {
            return e.code();
        }
        return "ok";
    }

    @Test
    void connectStoresTheGrantEncryptedRefreshesWhenExpiredAndRevokesOnDisconnect() {
        String tenant = standardTenant();
        ConnectUrl url = calendar.call(tenant, GoogleCalendarTools.CONNECT_URL, new ConnectUrlInput("ana"),
                ConnectUrl.class);
        Map<String, String> query = query(url);
        assertThat(url.authorizationUrl()).startsWith(GOOGLE.url() + "/o/oauth2/v2/auth?");
        assertThat(query).containsEntry("client_id", FakeGoogle.CLIENT_ID).containsEntry("response_type", "code")
                .containsEntry("access_type", "offline").containsEntry("prompt", "consent")
                .containsEntry("redirect_uri", FakeGoogle.REDIRECT_URI)
                .containsEntry("scope", "https://www.googleapis.com/auth/calendar.events");
        assertThat(GoogleCalendarTools.tenantOf(query.get("state"))).isEqualTo(tenant);

        // a forged or tampered state is refused before Google is asked anything
        String state = query.get("state");
        String tampered = state.substring(0, state.length() - 2) + (state.endsWith("A") ? "BB" : "AA");
        assertThat(code(() -> calendar.call(tenant, GoogleCalendarTools.COMPLETE, new CompleteInput("c1", tampered),
                Connection.class))).isEqualTo(GoogleCalendarTools.INVALID_STATE);
        GOOGLE.refusesCode("bad-code");
        assertThat(code(() -> calendar.call(tenant, GoogleCalendarTools.COMPLETE, new CompleteInput("bad-code", state),
                Connection.class))).isEqualTo(GoogleCalendarTools.REFUSED);

        String code = "code-" + UUID.randomUUID();
        GOOGLE.acceptsCode(code);
        GOOGLE.lists("ya29." + code, "ana@clinic.test", "sync-1");
        Connection connected = calendar.call(tenant, GoogleCalendarTools.COMPLETE, new CompleteInput(code, state),
                Connection.class);
        assertThat(connected.status()).isEqualTo("CONNECTED");
        assertThat(connected.account()).isEqualTo("ana@clinic.test");
        assertThat(connected.lastSyncedAt()).isBetween(NOW, NOW.plusSeconds(60));
        GOOGLE.server().verify(postRequestedFor(urlPathEqualTo("/token"))
                .withFormParam("grant_type", equalTo("authorization_code")).withFormParam("code", equalTo(code)));

        // at rest the refresh token is AES-GCM ciphertext bound to its row
        byte[] stored = jdbc.queryForObject("SELECT refresh_token_enc FROM google_connection WHERE tenant_id = ?",
                byte[].class, tenant);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("1//" + code);
        TokenCipher cipher = new TokenCipher(FakeGoogle.TOKEN_KEY);
        assertThat(cipher.decrypt(stored, tenant, "ana")).isEqualTo("1//" + code);
        assertThatThrownBy(() -> cipher.decrypt(stored, tenant, "beto")).isInstanceOf(IllegalStateException.class);

        // an hour later the access token has expired: the refresh token gets a new one, used for the next sync
        clock.advance(Duration.ofMinutes(70));
        GOOGLE.refreshes(code, "ya29.refreshed");
        GOOGLE.changes("ya29.refreshed", "ana@clinic.test", "sync-1", "sync-2");
        assertThat(sync.sync(connections.find(tenant, "ana").orElseThrow())).isTrue();
        GOOGLE.server().verify(1, postRequestedFor(urlPathEqualTo("/token"))
                .withFormParam("grant_type", equalTo("refresh_token"))
                .withFormParam("refresh_token", equalTo("1//" + code))
                .withFormParam("client_secret", equalTo(FakeGoogle.CLIENT_SECRET)));
        GOOGLE.server().verify(getRequestedFor(urlPathEqualTo(EVENTS)).withQueryParam("syncToken", equalTo("sync-1"))
                .withHeader("Authorization", equalTo("Bearer ya29.refreshed")));
        assertThat(connections.find(tenant, "ana").orElseThrow().syncToken()).isEqualTo("sync-2");

        // an expired authorization link is refused
        ConnectUrl late = calendar.call(tenant, GoogleCalendarTools.CONNECT_URL, new ConnectUrlInput("beto"),
                ConnectUrl.class);
        clock.advance(Duration.ofMinutes(11));
        assertThat(code(() -> calendar.call(tenant, GoogleCalendarTools.COMPLETE,
                new CompleteInput(code, query(late).get("state")), Connection.class)))
                .isEqualTo(GoogleCalendarTools.INVALID_STATE);

        Disconnected gone = calendar.call(tenant, GoogleCalendarTools.DISCONNECT, new DisconnectInput("ana"),
                Disconnected.class);
        assertThat(gone.revoked()).isTrue();
        GOOGLE.server().verify(postRequestedFor(urlPathEqualTo("/revoke")).withFormParam("token", equalTo("1//" + code)));
        assertThat(calendar.call(tenant, GoogleCalendarTools.STATUS, new StatusInput(null), Connections.class)
                .connections()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM google_connection WHERE tenant_id = ?", Integer.class,
                tenant)).isZero();
    }

    @Test
    void aBusyEventInGoogleRemovesItsSlotsUntilItIsDeleted() {
        String tenant = standardTenant();
        LocalDate tuesday = LocalDate.of(2026, 3, 3);
        assertThat(starts(tenant, tuesday)).contains(local("2026-03-03T11:00"), local("2026-03-03T11:30"));

        connect(tenant, "ana", "code-" + UUID.randomUUID(), "ana@clinic.test", "sync-1",
                busyEvent("dentist1", "2026-03-03T11:00:00-03:00", "2026-03-03T12:00:00-03:00"),
                busyEvent("free1", "2026-03-03T15:00:00-03:00", "2026-03-03T16:00:00-03:00")
                        .replace("\"status\": \"confirmed\"", "\"status\": \"confirmed\", \"transparency\": \"transparent\""));

        assertThat(starts(tenant, tuesday)).doesNotContain(local("2026-03-03T11:00"), local("2026-03-03T11:30"))
                .contains(local("2026-03-03T10:30"), local("2026-03-03T12:00"), local("2026-03-03T15:00"));
        // a direct hold at the busy time is refused like a time someone else took
        assertThat(code(() -> calendar.call(tenant, CalendarTools.HOLD_SLOT,
                hold("cut", "ana", local("2026-03-03T11:30"), "c1"), Booking.class))).isEqualTo(CalendarTools.SLOT_TAKEN);
        // beto's calendar is not ana's
        assertThat(calendar.call(tenant, CalendarTools.FIND_AVAILABLE_SLOTS, new FindAvailableSlotsInput("cut", "beto",
                tuesday, null, null, null, 20), SlotList.class).slots().stream().map(Slot::start))
                .contains(local("2026-03-03T11:00"));

        // deleted in Google: the next incremental sync frees the time
        String access = accessOf(tenant);
        GOOGLE.changes(access, "ana@clinic.test", "sync-1", "sync-2", cancelledEvent("dentist1"));
        assertThat(sync.sync(connections.find(tenant, "ana").orElseThrow())).isTrue();
        assertThat(starts(tenant, tuesday)).contains(local("2026-03-03T11:00"), local("2026-03-03T11:30"));
    }

    @Test
    void aSyncTokenGoogleNoLongerKnowsLeadsToAFullSync() {
        String tenant = standardTenant();
        connect(tenant, "ana", "code-" + UUID.randomUUID(), "ana@clinic.test", "sync-1");
        String access = accessOf(tenant);
        GOOGLE.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(EVENTS))
                .withQueryParam("syncToken", equalTo("sync-1")).willReturn(json(410, """
                        {"error": {"code": 410, "message": "Sync token is no longer valid, a full sync is required.",
                          "errors": [{"domain": "calendar", "reason": "fullSyncRequired",
                                      "message": "Sync token is no longer valid, a full sync is required."}]}}""")));
        GOOGLE.lists(access, "ana@clinic.test", "sync-fresh",
                busyEvent("meeting", "2026-03-03T09:00:00-03:00", "2026-03-03T10:00:00-03:00"));
        assertThat(sync.sync(connections.find(tenant, "ana").orElseThrow())).isTrue();
        assertThat(connections.find(tenant, "ana").orElseThrow().syncToken()).isEqualTo("sync-fresh");
        assertThat(starts(tenant, LocalDate.of(2026, 3, 3))).doesNotContain(local("2026-03-03T09:00"))
                .contains(local("2026-03-03T10:00"));
    }

    @Test
    void aBookingIsWrittenOnceAsAnEventEvenWhenGoogleFailsTwiceAndItsCancellationDeletesIt() {
        String tenant = standardTenant();
        connect(tenant, "ana", "code-" + UUID.randomUUID(), "ana@clinic.test", "sync-1");
        GOOGLE.server().stubFor(post(urlPathEqualTo(EVENTS)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("failed once"));
        GOOGLE.server().stubFor(post(urlPathEqualTo(EVENTS)).inScenario("flaky").whenScenarioStateIs("failed once")
                .willReturn(json(500, """
                        {"error": {"code": 500, "message": "Backend Error",
                          "errors": [{"domain": "global", "reason": "backendError", "message": "Backend Error"}]}}"""))
                .willSetStateTo("failed twice"));
        GOOGLE.server().stubFor(post(urlPathEqualTo(EVENTS)).inScenario("flaky").whenScenarioStateIs("failed twice")
                .willReturn(json(200, """
                        {"kind": "calendar#event", "id": "created", "status": "confirmed"}""")).willSetStateTo("created"));
        GOOGLE.server().stubFor(post(urlPathEqualTo(EVENTS)).inScenario("flaky").whenScenarioStateIs("created")
                .willReturn(json(409, """
                        {"error": {"code": 409, "message": "The requested identifier already exists.",
                          "errors": [{"domain": "global", "reason": "duplicate"}]}}""")));

        Booking booking = calendar.call(tenant, CalendarTools.BOOK_CONFIRMED, new BookConfirmedInput("cut", "ana",
                local("2026-03-04T10:00"), "c1", "Carla", null, "staff:desk@clinic.test", "k-" + UUID.randomUUID()),
                Booking.class);
        String eventId = "aiab" + booking.id().replace("-", "");

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM google_event_outbox WHERE tenant_id = ?", Integer.class, tenant) == 0);
        GOOGLE.server().verify(3, postRequestedFor(urlPathEqualTo(EVENTS)));
        GOOGLE.server().verify(3, postRequestedFor(urlPathEqualTo(EVENTS))
                .withRequestBody(matchingJsonPath("$.id", equalTo(eventId)))
                .withRequestBody(matchingJsonPath("$.start.dateTime", equalTo("2026-03-04T10:00:00-03:00")))
                .withRequestBody(matchingJsonPath("$.end.dateTime", equalTo("2026-03-04T10:30:00-03:00")))
                .withRequestBody(matchingJsonPath("$.summary", containing(booking.shortCode())))
                .withHeader("Authorization", containing("Bearer ya29.code-")));
        // no patient data goes to Google
        GOOGLE.server().verify(0, postRequestedFor(urlPathEqualTo(EVENTS)).withRequestBody(containing("Carla")));

        // written once: a later change of the same booking updates that event instead of creating another
        GOOGLE.server().stubFor(put(urlPathEqualTo(EVENTS + "/" + eventId)).willReturn(json(200, """
                {"kind": "calendar#event", "id": "%s", "status": "confirmed"}""".formatted(eventId))));
        calendar.call(tenant, CalendarTools.RESCHEDULE_BOOKING, new CalendarTools.RescheduleBookingInput(booking.id(),
                local("2026-03-04T11:00"), null, null, "staff:desk@clinic.test"), Booking.class);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> GOOGLE.server().verify(1,
                putRequestedFor(urlPathEqualTo(EVENTS + "/" + eventId))
                        .withRequestBody(matchingJsonPath("$.start.dateTime", equalTo("2026-03-04T11:00:00-03:00")))));
        GOOGLE.server().verify(4, postRequestedFor(urlPathEqualTo(EVENTS)));

        GOOGLE.server().stubFor(delete(urlPathEqualTo(EVENTS + "/" + eventId)).willReturn(aResponse().withStatus(204)));
        calendar.call(tenant, CalendarTools.CANCEL_BOOKING, new CancelBookingInput(booking.id(), "no puede", null),
                Booking.class);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> GOOGLE.server().verify(1,
                deleteRequestedFor(urlPathEqualTo(EVENTS + "/" + eventId))));
    }

    @Test
    void connectionsBelongToTheirTenant() {
        String a = standardTenant();
        String b = standardTenant();
        String code = "code-" + UUID.randomUUID();
        connect(a, "ana", code, "ana@a.test", "sync-a",
                busyEvent("a-busy", "2026-03-03T11:00:00-03:00", "2026-03-03T12:00:00-03:00"));

        // B's "ana" (same id) sees no connection and no busy time, and cannot use or remove A's
        assertThat(calendar.call(b, GoogleCalendarTools.STATUS, new StatusInput(null), Connections.class).connections())
                .isEmpty();
        assertThat(calendar.call(a, GoogleCalendarTools.STATUS, new StatusInput("ana"), Connections.class).connections())
                .singleElement().satisfies(c -> assertThat(c.account()).isEqualTo("ana@a.test"));
        assertThat(starts(b, LocalDate.of(2026, 3, 3))).contains(local("2026-03-03T11:00"));
        assertThat(starts(a, LocalDate.of(2026, 3, 3))).doesNotContain(local("2026-03-03T11:00"));
        assertThat(code(() -> calendar.call(b, GoogleCalendarTools.DISCONNECT, new DisconnectInput("ana"),
                Disconnected.class))).isEqualTo(CalendarTools.NOT_FOUND);
        ConnectUrl aUrl = calendar.call(a, GoogleCalendarTools.CONNECT_URL, new ConnectUrlInput("beto"),
                ConnectUrl.class);
        assertThat(code(() -> calendar.call(b, GoogleCalendarTools.COMPLETE, new CompleteInput(code,
                query(aUrl).get("state")), Connection.class))).isEqualTo(GoogleCalendarTools.INVALID_STATE);

        // B's booking with its own "ana" is not written to A's calendar
        calendar.call(b, CalendarTools.BOOK_CONFIRMED, new BookConfirmedInput("cut", "ana", local("2026-03-04T10:00"),
                "c1", null, null, "staff:desk@b.test", "k-" + UUID.randomUUID()), Booking.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM google_event_outbox WHERE tenant_id = ?", Integer.class,
                b)).isZero();
        GOOGLE.server().verify(0, postRequestedFor(urlPathEqualTo(EVENTS)));
        assertThat(calendar.call(a, GoogleCalendarTools.STATUS, new StatusInput(null), Connections.class).connections())
                .hasSize(1);
    }

    private java.util.List<Instant> starts(String tenant, LocalDate day) {
        return calendar.call(tenant, CalendarTools.FIND_AVAILABLE_SLOTS, new FindAvailableSlotsInput("cut", "ana", day,
                null, null, null, 100), SlotList.class).slots().stream().map(Slot::start).toList();
    }

    /** The access token the connection's code exchange returned (the fake names it after the code). */
    private String accessOf(String tenant) {
        return GOOGLE.server().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith("/token")
                        && e.getRequest().getBodyAsString().contains("grant_type=authorization_code"))
                .map(e -> e.getResponse().getBodyAsString())
                .filter(body -> body.contains("access_token"))
                .map(body -> body.replaceAll("(?s).*\"access_token\": \"([^\"]+)\".*", "$1"))
                .findFirst().orElseThrow();
    }
}
