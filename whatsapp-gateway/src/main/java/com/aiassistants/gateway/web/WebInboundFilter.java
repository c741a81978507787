package com.aiassistants.gateway.web;

/**
 * Which WhatsApp Web messages reach the inbox: one-to-one chats only (groups, broadcasts, status and
 * newsletters ignored), never our own. Messages queued while the session was offline do reach it: the
 * forwarder applies {@code inbound.max-message-age} to every provider alike.
 */
public class WebInboundFilter {

    public enum Decision { ACCEPT, OWN_MESSAGE, NOT_A_PRIVATE_CHAT }

    public Decision decide(boolean fromMe, boolean privateChat) {
        if (fromMe) {
            return Decision.OWN_MESSAGE;
        }
        if (!privateChat) {
            return Decision.NOT_A_PRIVATE_CHAT;
        }
        return Decision.ACCEPT;
    }
}
