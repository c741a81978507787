package com.aiassistants.gateway.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

import com.aiassistants.gateway.ops.GatewayEvents;
import com.aiassistants.gateway.provider.ConnectionStatus;
import com.aiassistants.gateway.provider.OutboxMessage;
import com.aiassistants.gateway.provider.OutgoingMessage;
import com.aiassistants.gateway.provider.ProviderType;
import com.aiassistants.gateway.provider.SendResult;
import com.aiassistants.gateway.provider.WhatsAppProvider;

/**
 * Plays WhatsApp for local use and tests: "sending" writes the message into the simulator transcript
 * and pushes it to {@code /simulator/ws}. Its message id is derived from our idempotency key and the
 * transcript dedupes on it, so a re-send after an unknown outcome is harmless.
 */
public class SimulatorProvider implements WhatsAppProvider {

    private final String tenantId;
    private final SimulatorTranscript transcript;
    private final GatewayEvents events;
    private volatile ConnectionStatus status = ConnectionStatus.of(ConnectionStatus.State.DISCONNECTED, "not started");

    public SimulatorProvider(String tenantId, SimulatorTranscript transcript, GatewayEvents events) {
        this.tenantId = tenantId;
        this.transcript = transcript;
        this.events = events;
    }

    @Override
    public ProviderType type() {
        return ProviderType.SIMULATOR;
    }

    @Override
    public String tenantId() {
        return tenantId;
    }

    @Override
    public ConnectionStatus status() {
        return status;
    }

    @Override
    public void start() {
        status = ConnectionStatus.of(ConnectionStatus.State.CONNECTED, "simulator");
    }

    @Override
    public void stop() {
        status = ConnectionStatus.of(ConnectionStatus.State.DISCONNECTED, "stopped");
    }

    @Override
    public boolean idempotentResend() {
        return true;
    }

    @Override
    public SendResult send(OutboxMessage message) {
        String messageId = "sim-" + message.idempotencyKey();
        Map<String, Object> body = body(message.message());
        if (transcript.record(tenantId, message.toNumber(), "out", messageId, body)) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("type", "message");
            event.put("tenant_id", tenantId);
            event.put("phone", message.toNumber());
            event.put("direction", "out");
            event.put("message_id", messageId);
            event.putAll(body);
            events.publish(event);
        }
        return new SendResult(messageId, message.message().kind());
    }

    static Map<String, Object> body(OutgoingMessage m) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", m.kind().name().toLowerCase());
        if (m.text() != null) {
            body.put("text", m.text());
        }
        if (m.buttons() != null) {
            body.put("buttons", m.buttons().stream().map(b -> Map.of("id", b.id(), "title", b.title())).toList());
        }
        if (m.listItems() != null) {
            body.put("list_title", m.listTitle());
            body.put("list_items", m.listItems().stream().map(i -> {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("id", i.id());
                item.put("title", i.title());
                if (i.description() != null) {
                    item.put("description", i.description());
                }
                return item;
            }).toList());
        }
        if (m.kind() == OutgoingMessage.Kind.TEMPLATE) {
            body.put("template_name", m.templateName());
            body.put("template_parameters", m.templateParameters());
        }
        return body;
    }
}
