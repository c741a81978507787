package com.aiassistants.backend.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.util.UriComponentsBuilder;

import com.aiassistants.backend.BackendProperties;
import com.aiassistants.backend.simulator.PhoneMessages.PhoneFrame;
import com.aiassistants.backend.tenant.Caller;
import com.aiassistants.backend.tenant.Tokens;
import com.aiassistants.common.channel.PhoneNumbers;
import com.aiassistants.common.web.ApiProblem;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /v1/ws/simulator?token=…&phone=…}: relays the gateway's {@code /simulator/ws} frames of the
 * caller's project and that phone only. Each console socket has its own upstream socket; when either
 * side closes, so does the other (the console reconnects and re-reads the transcript). A bad token or
 * phone gets an {@code error} frame and close 1008; a project without the simulator, or a gateway that
 * cannot be reached, close 1011. Metric {@code backend.simulator.relays} (outcome).
 */
public class SimulatorRelay extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(SimulatorRelay.class);
    private static final String UPSTREAM = "upstream";

    private final Tokens tokens;
    private final GatewaySimulator simulator;
    private final BackendProperties.Simulator settings;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final HttpClient http;

    public SimulatorRelay(Tokens tokens, GatewaySimulator simulator, BackendProperties properties, JsonMapper json,
            MeterRegistry meters) {
        this.tokens = tokens;
        this.simulator = simulator;
        this.settings = properties.simulator();
        this.json = json;
        this.meters = meters;
        this.http = HttpClient.newBuilder().connectTimeout(simulator.timeout()).build();
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession raw) throws IOException {
        WebSocketSession session = new ConcurrentWebSocketSessionDecorator(raw, 5_000, 512 * 1024);
        URI uri = raw.getUri();
        var query = uri == null ? null : UriComponentsBuilder.fromUri(uri).build().getQueryParams();
        String tenant;
        String phone;
        try {
            String token = query == null ? null : query.getFirst("token");
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("missing token: get one from POST /v1/ws/tokens");
            }
            Tokens.WsGrant grant = tokens.checkWebsocket(token);
            if (grant.kind() != Caller.Kind.ADMIN || grant.projectId() == null) {
                throw new IllegalArgumentException("the simulator stream needs a console token");
            }
            phone = Phones.digits(query.getFirst("phone"));
            tenant = settings.gatewayTenant(grant.projectId());
        } catch (JwtException | IllegalArgumentException | ApiProblem e) {
            String reason = e instanceof JwtException ? "invalid or expired token" : e.getMessage();
            refuse(session, raw, CloseStatus.POLICY_VIOLATION, "unauthorized: " + reason, "refused");
            return;
        }
        GatewaySimulator.Status status = simulator.status(tenant);
        if (!status.enabled()) {
            refuse(session, raw, CloseStatus.SERVER_ERROR, "simulator-disabled: " + status.reason(), "disabled");
            return;
        }
        try {
            WebSocket upstream = http.newWebSocketBuilder().connectTimeout(simulator.timeout())
                    .buildAsync(simulator.eventStream(), new Upstream(session, tenant, phone)).join();
            raw.getAttributes().put(UPSTREAM, upstream);
            count("ok");
        } catch (RuntimeException e) {
            log.warn("simulator relay for {}: gateway stream not reachable: {}", PhoneNumbers.mask(phone), e.getMessage());
            refuse(session, raw, CloseStatus.SERVER_ERROR, "gateway-unreachable", "unreachable");
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        if (session.getAttributes().get(UPSTREAM) instanceof WebSocket upstream) {
            upstream.abort();
        }
    }

    private void refuse(WebSocketSession session, WebSocketSession raw, CloseStatus close, String error, String outcome)
            throws IOException {
        send(session, PhoneFrame.error(error));
        raw.close(close.withReason(error.length() > 100 ? error.substring(0, 100) : error));
        count(outcome);
    }

    private void send(WebSocketSession session, PhoneFrame frame) {
        try {
            session.sendMessage(new TextMessage(json.writeValueAsString(frame)));
        } catch (IOException | IllegalStateException e) {
            log.debug("simulator frame not delivered: {}", e.getMessage());
        }
    }

    private void count(String outcome) {
        meters.counter("backend.simulator.relays", "outcome", outcome).increment();
    }

    /** The gateway side of one console socket: forwards that tenant's and phone's message frames. */
    private final class Upstream implements WebSocket.Listener {

        private final WebSocketSession session;
        private final String tenant;
        private final String phone;
        private final StringBuilder partial = new StringBuilder();

        Upstream(WebSocketSession session, String tenant, String phone) {
            this.session = session;
            this.tenant = tenant;
            this.phone = phone;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                relay(text);
            }
            socket.request(1);
            return null;
        }

        private void relay(String text) {
            JsonNode event;
            try {
                event = json.readTree(text);
            } catch (RuntimeException e) {
                log.debug("ignored a malformed simulator frame");
                return;
            }
            if ("message".equals(event.path("type").asString(null)) && tenant.equals(event.path("tenant_id").asString(null))
                    && phone.equals(event.path("phone").asString(null))) {
                send(session, PhoneMessages.fromEvent(event));
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            closeConsole("gateway stream closed");
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            log.warn("simulator relay: gateway stream failed: {}", error.getMessage());
            closeConsole("gateway stream failed");
        }

        private void closeConsole(String reason) {
            try {
                if (session.isOpen()) {
                    session.close(CloseStatus.SERVER_ERROR.withReason(reason));
                }
            } catch (IOException e) {
                log.debug("console socket already gone: {}", e.getMessage());
            }
        }
    }
}
