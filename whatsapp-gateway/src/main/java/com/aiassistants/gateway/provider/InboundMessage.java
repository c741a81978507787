package com.aiassistants.gateway.provider;

import java.time.Instant;

import com.aiassistants.common.channel.ChannelText;

/**
 * A message a user sent, as any provider reports it. {@code text} holds the body or the interactive reply;
 * it is stored without control characters and cut to {@link ChannelText#MAX_LENGTH} (then
 * {@code textTruncated}), whatever the provider delivered.
 */
public record InboundMessage(String tenantId, ProviderType provider, String providerMessageId, String fromNumber,
        String customerName, Kind kind, String text, Instant sentAt, boolean textTruncated) {

    /**
     * {@code UNREADABLE}: WhatsApp could not show us the content (an unsupported type, an interactive reply without
     * its reply); {@code NUMBER_CHANGED}: a system message saying the user now writes from another number.
     */
    public enum Kind { TEXT, INTERACTIVE, MEDIA, UNREADABLE, NUMBER_CHANGED }

    public InboundMessage {
        String clean = ChannelText.clean(text);
        if (clean != null && clean.length() > ChannelText.MAX_LENGTH) {
            clean = ChannelText.shorten(clean, ChannelText.MAX_LENGTH, "…");
            textTruncated = true;
        }
        text = clean;
        customerName = customerName == null ? null : ChannelText.shorten(ChannelText.clean(customerName), 200, "");
    }

    public InboundMessage(String tenantId, ProviderType provider, String providerMessageId, String fromNumber,
            String customerName, Kind kind, String text, Instant sentAt) {
        this(tenantId, provider, providerMessageId, fromNumber, customerName, kind, text, sentAt, false);
    }
}
