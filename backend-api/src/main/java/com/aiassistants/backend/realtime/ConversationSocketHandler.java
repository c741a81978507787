package com.aiassistants.backend.realtime;

import java.net.URI;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.util.UriComponentsBuilder;

import com.aiassistants.backend.conversation.InboundMessage;
import com.aiassistants.backend.conversation.TurnResult;
import com.aiassistants.backend.conversation.TurnService;
import com.aiassistants.backend.support.Inputs;
import com.aiassistants.backend.tenant.Tokens;
import com.aiassistants.common.web.ApiProblem;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /v1/ws/conversations/{id}?token=…} (one conversation) and {@code /v1/ws/events?token=…}
 * (every conversation of the project, console tokens only). Frames follow the old protocol:
 * {@code ping}→{@code pong}, {@code user_message}→{@code assistant_message}, errors as
 * {@code error} frames; a bad token gets an error frame and close 1008. Live events
 * ({@code message}, {@code handoff}, {@code booking}) arrive from {@link LiveEvents}.
 */
public class ConversationSocketHandler extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(ConversationSocketHandler.class);
    private static final String GRANT = "grant";
    private static final String CONVERSATION = "conversation";
    private static final String DECORATED = "decorated";

    private final Tokens tokens;
    private final LiveSessions sessions;
    private final LiveEvents events;
    private final TurnService turns;
    private final JsonMapper json;
    private final java.time.Clock clock;

    public ConversationSocketHandler(Tokens tokens, LiveSessions sessions, LiveEvents events, TurnService turns,
            JsonMapper json, java.time.Clock clock) {
        this.clock = clock;
        this.tokens = tokens;
        this.sessions = sessions;
        this.events = events;
        this.turns = turns;
        this.json = json;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession raw) throws Exception {
        WebSocketSession session = new ConcurrentWebSocketSessionDecorator(raw, 5_000, 512 * 1024);
        raw.getAttributes().put(DECORATED, session);
        URI uri = raw.getUri();
        // the raw path, decoded once as a path ('+' is a plus, as in whatsapp:+549…, not a space)
        String path = uri == null || uri.getRawPath() == null ? "" : uri.getRawPath();
        String conversationId = path.startsWith("/v1/ws/conversations/")
                ? path.substring("/v1/ws/conversations/".length()) : null;
        conversationId = conversationId == null ? null
                : java.net.URLDecoder.decode(conversationId.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        String token = uri == null ? null : UriComponentsBuilder.fromUri(uri).build().getQueryParams().getFirst("token");
        Tokens.WsGrant grant;
        try {
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("missing token: get one from POST /v1/ws/tokens");
            }
            grant = tokens.checkWebsocket(token);
            if (conversationId != null) {
                Inputs.id("conversation_id", conversationId);
            }
            if (conversationId == null && grant.kind() != com.aiassistants.backend.tenant.Caller.Kind.ADMIN) {
                throw new IllegalArgumentException("the project event stream needs a console token");
            }
            if (grant.conversationId() != null && !grant.conversationId().equals(conversationId)) {
                throw new IllegalArgumentException("token is for another conversation");
            }
        } catch (JwtException | IllegalArgumentException | ApiProblem e) {
            String reason = e instanceof JwtException ? "invalid or expired token" : e.getMessage();
            sessions.send(session, Frame.error(conversationId, "unauthorized: " + reason, clock.instant()));
            raw.close(CloseStatus.POLICY_VIOLATION.withReason("unauthorized"));
            return;
        }
        raw.getAttributes().put(GRANT, grant);
        if (conversationId != null) {
            raw.getAttributes().put(CONVERSATION, conversationId);
        }
        events.follow(grant.projectId());
        sessions.add(grant.projectId(), conversationId, session);
    }

    @Override
    protected void handleTextMessage(WebSocketSession raw, TextMessage message) {
        WebSocketSession session = (WebSocketSession) raw.getAttributes().getOrDefault(DECORATED, raw);
        Tokens.WsGrant grant = (Tokens.WsGrant) raw.getAttributes().get(GRANT);
        String conversationId = (String) raw.getAttributes().get(CONVERSATION);
        if (grant == null) {
            return;
        }
        Map<?, ?> frame;
        try {
            frame = json.readValue(message.getPayload(), Map.class);
        } catch (RuntimeException e) {
            sessions.send(session, Frame.error(conversationId, "malformed frame: expected JSON {type, text}", clock.instant()));
            return;
        }
        String type = String.valueOf(frame.get("type"));
        switch (type) {
            case "ping" -> sessions.send(session, Frame.of("pong", conversationId, null, clock.instant()));
            case "user_message" -> userMessage(session, grant, conversationId, frame.get("text"));
            default -> sessions.send(session, Frame.error(conversationId, "unknown frame type: " + type, clock.instant()));
        }
    }

    private void userMessage(WebSocketSession session, Tokens.WsGrant grant, String conversationId, Object text) {
        if (conversationId == null || conversationId.startsWith("whatsapp:")) {
            sessions.send(session, Frame.error(conversationId, "user_message needs a web conversation socket", clock.instant()));
            return;
        }
        try {
            String checked = Inputs.text(text == null ? null : text.toString(), false);
            String customer = grant.customerId() != null ? grant.customerId() : "web:" + conversationId;
            TurnResult result = turns.handle(new InboundMessage(grant.projectId(), conversationId, "web", customer, null,
                    checked, null, null));
            sessions.send(session, Frame.of("assistant_message", conversationId, result.text(), clock.instant()));
        } catch (ApiProblem problem) {
            sessions.send(session, Frame.error(conversationId, problem.getMessage(), clock.instant()));
        } catch (RuntimeException e) {
            log.warn("websocket turn failed: {}", e.getMessage());
            sessions.send(session, Frame.error(conversationId, "the message could not be processed", clock.instant()));
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession raw, CloseStatus status) {
        Tokens.WsGrant grant = (Tokens.WsGrant) raw.getAttributes().get(GRANT);
        WebSocketSession session = (WebSocketSession) raw.getAttributes().getOrDefault(DECORATED, raw);
        if (grant != null) {
            sessions.remove(grant.projectId(), (String) raw.getAttributes().get(CONVERSATION), session);
            events.unfollow(grant.projectId());
        }
    }
}
