package com.aiassistants.common.channel;

/**
 * Paths and headers of backend-api's gateway webhook. A call carries the project's {@value #API_KEY},
 * {@value #TIMESTAMP} (epoch seconds) and {@value #SIGNATURE} = {@link HmacSignatures#sign}.
 */
public final class GatewayContract {

    /** {@code POST}: one inbound WhatsApp message → {@link GatewayReply}. */
    public static final String INBOUND_PATH = "/v1/channels/whatsapp/gateway/inbound";
    /** The old system's name of {@link #INBOUND_PATH}, kept for existing gateways. */
    public static final String INBOUND_ALIAS_PATH = "/v1/channels/whatsapp/baileys/inbound";
    /** {@code POST}: the async variant (202 with a job id). */
    public static final String ASYNC_INBOUND_PATH = "/v1/async/channels/whatsapp/gateway/inbound";

    /** {@code GET}: the project's {@link ChannelProfile} (language, time zone) for what the gateway writes itself. */
    public static final String PROFILE_PATH = "/v1/channels/whatsapp/gateway/profile";

    /** {@code POST}: a {@link GatewayNotice} (a user changed their number), signed like {@link #INBOUND_PATH}; 204. */
    public static final String NOTICE_PATH = "/v1/channels/whatsapp/gateway/notices";

    public static final String API_KEY = "X-API-Key";
    public static final String TIMESTAMP = "X-Webhook-Timestamp";
    public static final String SIGNATURE = "X-Webhook-Signature";

    private GatewayContract() {
    }
}
