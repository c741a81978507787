package com.aiassistants.gateway.ops;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import com.aiassistants.gateway.provider.ConnectionStatus;

import tools.jackson.databind.json.JsonMapper;

/**
 * Broadcasts gateway events (messages sent, delivery statuses, connection changes) as JSON frames to
 * connected WebSocket clients: the simulator chat ({@code /simulator/ws}) and the console
 * ({@code /admin/ws}). Each endpoint registers its own {@link Channel} with a filter.
 */
@Component
public class GatewayEvents {

    private static final Logger log = LoggerFactory.getLogger(GatewayEvents.class);

    private final JsonMapper json;

    public GatewayEvents(JsonMapper json) {
        this.json = json;
    }

    public Channel channel(Predicate<Map<String, Object>> filter) {
        Channel channel = new Channel(filter);
        channels.add(channel);
        return channel;
    }

    private final Set<Channel> channels = ConcurrentHashMap.newKeySet();

    /**
     * What a WhatsApp session calls when its connection changes: logs it ("{session} of {tenant}: STATE (detail)")
     * and publishes a {@code connection} event.
     */
    public Consumer<ConnectionStatus> connectionChanges(String tenantId, String session) {
        return status -> {
            log.info("{} of {}: {} ({})", session, tenantId, status.state(), status.detail());
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("type", "connection");
            event.put("tenant_id", tenantId);
            event.put("state", status.state().name().toLowerCase(Locale.ROOT));
            publish(event);
        };
    }

    /** Sends {@code event} (must contain "type") to every interested client; never throws. */
    public void publish(Map<String, Object> event) {
        String frame = null;
        for (Channel channel : channels) {
            if (channel.sessions.isEmpty() || !channel.filter.test(event)) {
                continue;
            }
            if (frame == null) {
                frame = json.writeValueAsString(event);
            }
            channel.broadcast(frame);
        }
    }

    /** One WebSocket endpoint's subscribers. */
    public static final class Channel extends TextWebSocketHandler {

        private final Predicate<Map<String, Object>> filter;
        private final Set<WebSocketSession> sessions = ConcurrentHashMap.newKeySet();

        Channel(Predicate<Map<String, Object>> filter) {
            this.filter = filter;
        }

        @Override
        public void afterConnectionEstablished(WebSocketSession session) {
            sessions.add(new ConcurrentWebSocketSessionDecorator(session, 5_000, 512 * 1024) {
                @Override
                public boolean equals(Object other) {
                    return other instanceof WebSocketSession s && s.getId().equals(getId());
                }

                @Override
                public int hashCode() {
                    return getId().hashCode();
                }
            });
        }

        @Override
        protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
            if (message.getPayload().contains("\"ping\"")) {
                session.sendMessage(new TextMessage("{\"type\":\"pong\"}"));
            }
        }

        @Override
        public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
            sessions.removeIf(s -> s.getId().equals(session.getId()));
        }

        void broadcast(String frame) {
            for (WebSocketSession session : sessions) {
                try {
                    session.sendMessage(new TextMessage(frame));
                } catch (IOException | RuntimeException e) {
                    log.debug("dropping WebSocket client {}: {}", session.getId(), e.toString());
                    sessions.remove(session);
                }
            }
        }
    }
}
