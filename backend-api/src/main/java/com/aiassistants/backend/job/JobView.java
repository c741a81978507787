package com.aiassistants.backend.job;

import java.util.List;

import com.aiassistants.common.channel.GatewayReply;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code GET /v1/jobs/{id}} and the callback body: the six fields of the old contract, plus the
 * WhatsApp interactive fields when the reply carries a menu.
 */
public record JobView(String jobId, String status, String conversationId, String messageId, String responseText,
        String errorText,
        @JsonInclude(JsonInclude.Include.NON_NULL) String interactiveType,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<GatewayReply.Button> buttons,
        @JsonInclude(JsonInclude.Include.NON_NULL) String listTitle,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<GatewayReply.ListItem> listItems) {
}
