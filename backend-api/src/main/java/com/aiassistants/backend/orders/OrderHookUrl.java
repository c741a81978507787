package com.aiassistants.backend.orders;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.aiassistants.backend.job.CallbackUrls;
import com.aiassistants.common.web.ApiProblem;

/**
 * Which hook URLs a project may set: {@code https} to a host whose every address is public (the rule of job
 * callbacks, {@link CallbackUrls}); with {@code orders.allow-local} (the {@code local} profile) also plain
 * {@code http} to {@code localhost}, {@code 127.0.0.1} or {@code [::1]}, and https to any host, for a hook run on
 * the same machine.
 */
public final class OrderHookUrl {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private OrderHookUrl() {
    }

    /** The URL as stored, or a 400 problem naming {@code field}. */
    public static String check(String url, boolean allowLocal, String field) {
        String refused = refusal(url, allowLocal);
        if (refused != null) {
            throw ApiProblem.badRequest("invalid-order-hook", refused)
                    .with("errors", List.of(Map.of("field", field, "message", refused)));
        }
        return URI.create(url.strip()).toString();
    }

    /** Why the hook may not be called at {@code url} (checked again before each call), or null. */
    public static String refusal(String url, boolean allowLocal) {
        URI uri;
        try {
            uri = URI.create(url == null ? "" : url.strip());
        } catch (IllegalArgumentException e) {
            return "must be an absolute https URL";
        }
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null || url.length() > 2000) {
            return "must be an absolute https URL without credentials";
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (allowLocal) {
            return scheme.equals("https") || (scheme.equals("http") && LOOPBACK.contains(host)) ? null
                    : "must use https (http only to localhost or 127.0.0.1)";
        }
        if (!scheme.equals("https")) {
            return "must use https";
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host)) {
                if (!CallbackUrls.isPublic(address)) {
                    return "the host " + host + " resolves to a non-public address; hooks are called on public hosts only";
                }
            }
        } catch (UnknownHostException e) {
            return "the host " + host + " does not resolve";
        }
        return null;
    }
}
