package com.aiassistants.backend.job;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import com.aiassistants.common.web.ApiProblem;

/**
 * Which {@code callback_url}s the backend will POST to: {@code https} to hosts whose every address is public
 * (not loopback, private, link-local — which holds the cloud metadata address —, carrier-grade NAT, unique
 * local, multicast or unspecified), so an API key cannot make the backend call internal services. With
 * {@code ai-assistants.backend.jobs.callback-allow-local} (local development and tests) {@code http} and
 * internal addresses are allowed too. Checked when a job is submitted and again before every delivery
 * (the name may resolve elsewhere by then). A project may narrow this further with its own allowlist of hosts
 * (setting {@code callback_hosts}: exact names, or {@code *.example.com} for any subdomain of example.com).
 */
public final class CallbackUrls {

    private CallbackUrls() {
    }

    /** The URL as stored, or a 400 problem saying what is wrong with it. */
    public static String check(String url, boolean allowLocal) {
        return check(url, allowLocal, List.of());
    }

    /** As {@link #check(String, boolean)}, and the host must be on {@code allowedHosts} when that is not empty. */
    public static String check(String url, boolean allowLocal, List<String> allowedHosts) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw invalid("callback_url must be an absolute https URL");
        }
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw invalid("callback_url must be an absolute https URL without credentials");
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        if (!https && !(allowLocal && "http".equalsIgnoreCase(uri.getScheme()))) {
            throw invalid("callback_url must use https");
        }
        String notListed = notAllowed(uri.getHost(), allowedHosts);
        if (notListed != null) {
            throw invalid(notListed);
        }
        if (!allowLocal) {
            String refused = refusedAddress(uri.getHost());
            if (refused != null) {
                throw invalid(refused);
            }
        }
        return uri.toString();
    }

    /** Why {@code host} is not on the project's allowlist, or null when it is (or the list is empty). */
    public static String notAllowed(String host, List<String> allowedHosts) {
        if (allowedHosts == null || allowedHosts.isEmpty()) {
            return null;
        }
        String name = host.toLowerCase(Locale.ROOT);
        for (String allowed : allowedHosts) {
            String entry = allowed.toLowerCase(Locale.ROOT);
            if (entry.startsWith("*.") ? name.endsWith(entry.substring(1)) : name.equals(entry)) {
                return null;
            }
        }
        return "callback_url's host " + host + " is not on this project's callback_hosts";
    }

    /** Why {@code host} may not be called, or null when all its addresses are public. */
    static String refusedAddress(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return "callback_url's host " + host + " does not resolve";
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return "callback_url's host " + host + " resolves to a non-public address (" + address.getHostAddress()
                        + "); callbacks go to public https endpoints only";
            }
        }
        return null;
    }

    /** Not loopback, private, link-local (the metadata address), CGNAT, unique-local or reserved. */
    public static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 // "this" network
                    && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return false; // unique local fc00::/7 (also AWS's fd00:ec2::254 metadata)
            }
            boolean mapped = true; // ::ffff:a.b.c.d carries an IPv4 address
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static ApiProblem invalid(String detail) {
        return ApiProblem.badRequest("invalid-callback_url", detail).with("errors",
                java.util.List.of(java.util.Map.of("field", "callback_url", "message", detail)));
    }
}
