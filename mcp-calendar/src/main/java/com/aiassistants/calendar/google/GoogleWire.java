package com.aiassistants.calendar.google;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Google's payloads, as much of them as we read or write: the OAuth token endpoint's answer (snake_case) and the
 * Calendar API v3 event resources (camelCase). Unknown fields are ignored.
 */
final class GoogleWire {

    private GoogleWire() {
    }

    /** {@code POST /token}: refresh_token only on the code exchange (with access_type=offline). */
    record TokenResponse(@JsonProperty("access_token") String accessToken,
            @JsonProperty("expires_in") Long expiresIn,
            @JsonProperty("refresh_token") String refreshToken,
            @JsonProperty("scope") String scope,
            @JsonProperty("token_type") String tokenType) {
    }

    /** An OAuth error body: {@code {"error": "invalid_grant", "error_description": "..."}}. */
    record OAuthError(@JsonProperty("error") String error,
            @JsonProperty("error_description") String description) {
    }

    /** {@code events.list}: a page of events; {@code nextSyncToken} only on the last page. */
    record EventList(String summary, String timeZone, List<Event> items, String nextPageToken,
            String nextSyncToken) {
    }

    /** Date-time or (all-day) date, with an optional IANA zone. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EventTime(String dateTime, String date, String timeZone) {
    }

    record Attendee(Boolean self, String responseStatus) {
    }

    /** An event as listed; {@code status} "cancelled" for deletions in an incremental sync. */
    record Event(String id, String status, String transparency, EventTime start, EventTime end,
            List<Attendee> attendees) {
    }

    /** The event we write for a booking ({@code events.insert} / {@code events.update}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EventBody(String id, String status, String summary, String description, EventTime start, EventTime end,
            String transparency, Map<String, Map<String, String>> extendedProperties) {
    }
}
