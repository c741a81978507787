package com.aiassistants.gateway.provider;

/** Where providers hand inbound messages; when {@link #accept} returns the message is durable. */
@FunctionalInterface
public interface InboundSink {

    enum Result { ACCEPTED, DUPLICATE, NOT_ALLOWED }

    Result accept(InboundMessage message);
}
