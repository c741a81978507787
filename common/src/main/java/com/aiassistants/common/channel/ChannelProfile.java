package com.aiassistants.common.channel;

/**
 * What the gateway needs to know about a project to write in its name (polite answers to media, failures
 * and late messages; the language of a window template): {@link GatewayContract#PROFILE_PATH}.
 *
 * @param locale {@code es} or {@code en}
 * @param timeZone IANA zone id
 */
public record ChannelProfile(String projectId, String locale, String timeZone) {
}
