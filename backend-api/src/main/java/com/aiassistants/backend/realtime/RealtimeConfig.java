package com.aiassistants.backend.realtime;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

import com.aiassistants.backend.BackendProperties;
import com.aiassistants.backend.conversation.TurnService;
import com.aiassistants.backend.tenant.Tokens;

import tools.jackson.databind.json.JsonMapper;

@Configuration
@EnableWebSocket
@ConditionalOnWebApplication
public class RealtimeConfig implements WebSocketConfigurer {

    private final ConversationSocketHandler handler;
    private final BackendProperties properties;

    public RealtimeConfig(Tokens tokens, LiveSessions sessions, LiveEvents events, TurnService turns, JsonMapper json,
            BackendProperties properties, java.time.Clock clock) {
        this.handler = new ConversationSocketHandler(tokens, sessions, events, turns, json, clock);
        this.properties = properties;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        // browsers must come from a configured origin; clients without Origin (servers, CLIs) are allowed
        registry.addHandler(handler, "/v1/ws/conversations/*", "/v1/ws/events")
                .setAllowedOrigins(properties.cors().allowedOrigins().toArray(String[]::new));
    }
}
