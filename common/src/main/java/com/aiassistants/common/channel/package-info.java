/**
 * The contract between whatsapp-gateway and backend-api, written once and used by both sides: the
 * inbound request and its reply ({@link GatewayInbound}, {@link GatewayReply}), the path and header names
 * ({@link GatewayContract}), the HMAC signature ({@link HmacSignatures}), what an id and a text may hold
 * ({@link OpaqueIds}, {@link ChannelText}) and how phone numbers appear in logs ({@link PhoneNumbers}).
 */
package com.aiassistants.common.channel;
