package com.aiassistants.backend.realtime;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

import tools.jackson.databind.json.JsonMapper;

/** The WebSocket sessions of this instance, by project and conversation (or whole project). */
@Component
public class LiveSessions {

    private static final Logger log = LoggerFactory.getLogger(LiveSessions.class);
    private static final String ALL = "\u0000all";

    private final Map<String, Set<WebSocketSession>> byKey = new ConcurrentHashMap<>();
    private final JsonMapper json;

    public LiveSessions(JsonMapper json) {
        this.json = json;
    }

    void add(String projectId, String conversationId, WebSocketSession session) {
        byKey.computeIfAbsent(key(projectId, conversationId), k -> ConcurrentHashMap.newKeySet()).add(session);
    }

    void remove(String projectId, String conversationId, WebSocketSession session) {
        byKey.computeIfPresent(key(projectId, conversationId), (k, set) -> {
            set.remove(session);
            return set.isEmpty() ? null : set;
        });
    }

    /** Whether a socket of this instance follows the conversation or its whole project. */
    boolean watches(String projectId, String conversationId) {
        return byKey.containsKey(key(projectId, null))
                || conversationId != null && byKey.containsKey(key(projectId, conversationId));
    }

    void deliver(String projectId, String conversationId, Frame frame) {
        Set<WebSocketSession> conversation = conversationId == null ? null : byKey.get(key(projectId, conversationId));
        Set<WebSocketSession> project = byKey.get(key(projectId, null));
        if (conversation == null && project == null) {
            return;
        }
        TextMessage message = new TextMessage(json.writeValueAsString(frame));
        sendAll(conversation, message);
        sendAll(project, message);
    }

    void send(WebSocketSession session, Frame frame) {
        try {
            session.sendMessage(new TextMessage(json.writeValueAsString(frame)));
        } catch (IOException | IllegalStateException e) {
            log.debug("websocket send failed: {}", e.getMessage());
        }
    }

    private void sendAll(Set<WebSocketSession> sessions, TextMessage message) {
        if (sessions == null) {
            return;
        }
        for (WebSocketSession session : sessions) {
            if (session.isOpen()) {
                try {
                    session.sendMessage(message);
                } catch (IOException | IllegalStateException e) {
                    log.debug("websocket send failed: {}", e.getMessage());
                }
            }
        }
    }

    private static String key(String projectId, String conversationId) {
        return projectId + "\u0000" + (conversationId == null ? ALL : conversationId);
    }
}
