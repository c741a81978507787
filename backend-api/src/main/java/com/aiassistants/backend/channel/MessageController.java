package com.aiassistants.backend.channel;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.aiassistants.backend.conversation.TurnResult;
import com.aiassistants.backend.conversation.TurnService;
import com.aiassistants.backend.tenant.Caller;
import com.aiassistants.common.channel.GatewayContract;
import com.aiassistants.common.channel.GatewayReply;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The message endpoints of BRIEF §3: web and WhatsApp gateway, synchronous (the async variants are in the job package). */
@RestController
@Tag(name = "messages")
public class MessageController {

    private final InboundRequests requests;
    private final TurnService turns;

    public MessageController(InboundRequests requests, TurnService turns) {
        this.requests = requests;
        this.turns = turns;
    }

    public record WebReply(String conversationId, String responseText) {
    }

    @Operation(summary = "Send a web message and get the reply")
    @PostMapping({"/v1/conversations/{conversationId}/messages", "/v1/channels/web/conversations/{conversationId}/messages"})
    public WebReply web(Caller caller, @PathVariable String conversationId,
            @RequestHeader(value = "X-Customer-Id", required = false) String customerId,
            @Valid @RequestBody WebMessage body) {
        TurnResult result = turns.handle(requests.web(caller, conversationId, customerId, body).message());
        return new WebReply(result.conversationId(), result.text());
    }

    @Operation(summary = "WhatsApp gateway inbound (X-API-Key and X-Webhook-Timestamp/X-Webhook-Signature)")
    @PostMapping({GatewayContract.INBOUND_PATH, GatewayContract.INBOUND_ALIAS_PATH})
    public GatewayReply whatsapp(Caller caller,
            @RequestHeader(value = GatewayContract.TIMESTAMP, required = false) String timestamp,
            @RequestHeader(value = GatewayContract.SIGNATURE, required = false) String signature,
            @RequestBody byte[] body) {
        return WhatsAppReplies.of(turns.handle(requests.whatsapp(caller, timestamp, signature, body).message()));
    }
}
