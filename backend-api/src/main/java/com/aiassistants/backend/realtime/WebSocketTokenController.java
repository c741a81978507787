package com.aiassistants.backend.realtime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.aiassistants.backend.support.Inputs;
import com.aiassistants.backend.tenant.Caller;
import com.aiassistants.backend.tenant.Tokens;
import com.aiassistants.common.web.ApiProblem;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Short-lived WebSocket connect tokens, so no API key ever travels in a URL. */
@RestController
@Tag(name = "realtime")
public class WebSocketTokenController {

    private final Tokens tokens;

    public WebSocketTokenController(Tokens tokens) {
        this.tokens = tokens;
    }

    public record TokenRequest(@Size(max = 128) String conversationId, @Size(max = 128) String customerId) {
    }

    public record TokenResponse(String token, long expiresIn) {
    }

    @Operation(summary = "Get a token for /v1/ws/conversations/{id}?token=… (API keys: one conversation; console: any, or /v1/ws/events)")
    @PostMapping("/v1/ws/tokens")
    public TokenResponse token(Caller caller, @Valid @RequestBody(required = false) TokenRequest request) {
        String conversationId = request == null ? null : Inputs.optionalId("conversation_id", request.conversationId());
        String customerId = request == null ? null : Inputs.optionalId("customer_id", request.customerId());
        if (caller.kind() == Caller.Kind.API_KEY && conversationId == null) {
            throw ApiProblem.badRequest("conversation-required", "API-key tokens are for one conversation: send conversation_id");
        }
        Tokens.Issued issued = tokens.websocket(caller, conversationId, customerId);
        return new TokenResponse(issued.token(), issued.expiresIn());
    }
}
