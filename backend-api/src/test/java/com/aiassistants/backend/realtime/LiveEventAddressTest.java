package com.aiassistants.backend.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.web.socket.WebSocketSession;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** An instance reads only an event's address before deciding whether any of its sockets wants the frame. */
class LiveEventAddressTest {

    private final JsonMapper json = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .findAndAddModules().build();

    @Test
    void theAddressOfAPublishedEnvelopeIsItsProjectAndConversation() {
        String message = json.writeValueAsString(new LiveEvents.Envelope("demo", "web-1",
                Frame.booking("web-1", List.of("b-1"), Instant.parse("2026-12-06T10:00:00Z"))));
        assertThat(LiveEvents.Address.of(json, message)).isEqualTo(new LiveEvents.Address("demo", "web-1"));
    }

    @Test
    void fieldsInAnyOrderAndAProjectWideEventAreRead() {
        assertThat(LiveEvents.Address.of(json, """
                {"frame":{"type":"message","text":"{\\"project_id\\":\\"x\\"}"},"conversation_id":"c","project_id":"p"}"""))
                .isEqualTo(new LiveEvents.Address("p", "c"));
        assertThat(LiveEvents.Address.of(json, "{\"project_id\":\"p\",\"frame\":{\"type\":\"handoff\"}}"))
                .isEqualTo(new LiveEvents.Address("p", null));
    }

    @Test
    void aMessageWithoutAProjectHasNoAddressAndBrokenJsonIsAnError() {
        assertThat(LiveEvents.Address.of(json, "[1,2]")).isNull();
        assertThat(LiveEvents.Address.of(json, "{\"conversation_id\":\"c\"}")).isNull();
        assertThat(LiveEvents.Address.of(json, "{\"project_id\":7}")).isNull();
        assertThatThrownBy(() -> LiveEvents.Address.of(json, "{\"project_id\":")).isInstanceOf(JacksonException.class);
    }

    @Test
    void socketsWatchTheirConversationOrTheWholeProject() {
        LiveSessions sessions = new LiveSessions(json);
        assertThat(sessions.watches("demo", "web-1")).isFalse();
        sessions.add("demo", "web-1", org.mockito.Mockito.mock(WebSocketSession.class));
        assertThat(sessions.watches("demo", "web-1")).isTrue();
        assertThat(sessions.watches("demo", "web-2")).isFalse();
        assertThat(sessions.watches("demo", null)).isFalse();
        sessions.add("demo", null, org.mockito.Mockito.mock(WebSocketSession.class));
        assertThat(sessions.watches("demo", "web-2")).isTrue();
        assertThat(sessions.watches("other", "web-1")).isFalse();
    }
}
