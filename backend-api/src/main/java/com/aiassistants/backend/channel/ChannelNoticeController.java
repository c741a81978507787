package com.aiassistants.backend.channel;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.aiassistants.backend.customer.NumberChanges;
import com.aiassistants.backend.support.Inputs;
import com.aiassistants.backend.tenant.Caller;
import com.aiassistants.common.channel.GatewayContract;
import com.aiassistants.common.channel.GatewayNotice;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** What WhatsApp reports about a user that is not a message (a changed number), from the gateway; signed like a message. */
@RestController
@Tag(name = "messages")
public class ChannelNoticeController {

    private final InboundRequests requests;
    private final NumberChanges numberChanges;

    public ChannelNoticeController(InboundRequests requests, NumberChanges numberChanges) {
        this.requests = requests;
        this.numberChanges = numberChanges;
    }

    @Operation(summary = "WhatsApp gateway notice: a user changed their number (X-API-Key and X-Webhook-Timestamp/X-Webhook-Signature);"
            + " recorded for staff on both customers' pages, once per message_id")
    @PostMapping(GatewayContract.NOTICE_PATH)
    public ResponseEntity<Void> notice(Caller caller,
            @RequestHeader(value = GatewayContract.TIMESTAMP, required = false) String timestamp,
            @RequestHeader(value = GatewayContract.SIGNATURE, required = false) String signature,
            @RequestBody byte[] body) {
        GatewayNotice notice = requests.notice(caller, timestamp, signature, body);
        numberChanges.record(caller.projectId(), notice.messageId(), Inputs.phone(notice.fromNumber()),
                Inputs.phone(notice.newNumber()), notice.timestampIso());
        return ResponseEntity.noContent().build();
    }
}
