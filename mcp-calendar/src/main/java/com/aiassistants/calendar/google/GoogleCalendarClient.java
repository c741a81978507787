package com.aiassistants.calendar.google;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import com.aiassistants.common.retry.HttpAttempt;

/**
 * Calendar API v3 calls with a bearer access token: {@code events.list} (full window or {@code syncToken}),
 * {@code events.insert}, {@code events.update}, {@code events.delete}.
 */
@Component
class GoogleCalendarClient {

    /** 410 Gone on a sync token: Google wants a full sync. */
    static final class SyncTokenExpiredException extends RuntimeException {
        SyncTokenExpiredException() {
            super("sync token expired", null, false, false);
        }
    }

    /** 401: the access token is no longer accepted. */
    static final class UnauthorizedException extends RuntimeException {
        UnauthorizedException() {
            super("Google answered 401", null, false, false);
        }
    }

    /** Any other refusal (4xx) of a calendar call. */
    static final class CalendarRefusedException extends RuntimeException {
        CalendarRefusedException(String operation, int status) {
            super("Google refused " + operation + " (HTTP " + status + ")", null, false, false);
        }
    }

    static final int PAGE_SIZE = 2500;

    private final GoogleProperties properties;
    private final GoogleHttp http;

    GoogleCalendarClient(GoogleProperties properties, GoogleHttp http) {
        this.properties = properties;
        this.http = http;
    }

    /** One page of a full listing: single (expanded) events in [from, to). */
    GoogleWire.EventList listWindow(String token, String calendarId, Instant from, Instant to, String pageToken) {
        String query = "singleEvents=true&maxResults=" + PAGE_SIZE + "&timeMin=" + enc(from.toString()) + "&timeMax="
                + enc(to.toString()) + (pageToken == null ? "" : "&pageToken=" + enc(pageToken));
        return list(token, calendarId, query);
    }

    /** One page of changes since {@code syncToken} (deleted events come back with status cancelled). */
    GoogleWire.EventList listChanges(String token, String calendarId, String syncToken, String pageToken) {
        String query = "singleEvents=true&maxResults=" + PAGE_SIZE + "&syncToken=" + enc(syncToken)
                + (pageToken == null ? "" : "&pageToken=" + enc(pageToken));
        return list(token, calendarId, query);
    }

    /** Creates the event under its own id; false when that id already exists (409). */
    boolean insert(String token, String calendarId, GoogleWire.EventBody event) {
        HttpAttempt answer = http.send("events_insert", client -> client.post()
                .uri(URI.create(events(calendarId))).header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).body(GoogleHttp.write(event)));
        if (answer.status() == 409) {
            return false;
        }
        check("events_insert", answer);
        return true;
    }

    /** Replaces the event (also brings back one that was deleted, with status confirmed). */
    void update(String token, String calendarId, GoogleWire.EventBody event) {
        HttpAttempt answer = http.send("events_update", client -> client.put()
                .uri(URI.create(events(calendarId) + "/" + enc(event.id()))).header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).body(GoogleHttp.write(event)));
        check("events_update", answer);
    }

    /** Deletes the event; one that is not there (404) or already deleted (410) counts as done. */
    void delete(String token, String calendarId, String eventId) {
        HttpAttempt answer = http.send("events_delete", client -> client.delete()
                .uri(URI.create(events(calendarId) + "/" + enc(eventId))).header("Authorization", "Bearer " + token));
        if (answer.status() == 404 || answer.status() == 410) {
            return;
        }
        check("events_delete", answer);
    }

    private GoogleWire.EventList list(String token, String calendarId, String query) {
        HttpAttempt answer = http.send("events_list", client -> client.get()
                .uri(URI.create(events(calendarId) + "?" + query)).header("Authorization", "Bearer " + token)
                .accept(MediaType.APPLICATION_JSON));
        if (answer.status() == 410) {
            throw new SyncTokenExpiredException();
        }
        check("events_list", answer);
        return GoogleHttp.read(answer, GoogleWire.EventList.class);
    }

    private static void check(String operation, HttpAttempt answer) {
        if (answer.status() == 401) {
            throw new UnauthorizedException();
        }
        if (answer.status() >= 300) {
            throw new CalendarRefusedException(operation, answer.status());
        }
    }

    private String events(String calendarId) {
        return properties.api("/calendars/" + enc(calendarId) + "/events");
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
