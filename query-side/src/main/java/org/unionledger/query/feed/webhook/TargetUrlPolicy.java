package org.unionledger.query.feed.webhook;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which webhook targets may be called, against server-side request forgery: only {@code http}/{@code https} URLs
 * whose host resolves, and none of whose addresses is loopback, link-local (where cloud metadata services live),
 * the wildcard address or multicast, unless configuration allows loopback or link-local explicitly. It is checked
 * when a subscription is made and again before every delivery, since a name can later resolve elsewhere.
 */
final class TargetUrlPolicy {

    private final boolean allowLoopback;
    private final boolean allowLinkLocal;

    TargetUrlPolicy(boolean allowLoopback, boolean allowLinkLocal) {
        this.allowLoopback = allowLoopback;
        this.allowLinkLocal = allowLinkLocal;
    }

    /** Why the target may not be called, with a stable code; {@code null} when it may. */
    Refusal check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            return new Refusal("INVALID_TARGET_URL", "is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return new Refusal("INVALID_TARGET_URL", "must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getUserInfo() != null) {
            return new Refusal("INVALID_TARGET_URL", "must name a host (and no user info)");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return new Refusal("TARGET_NOT_RESOLVABLE", "host " + uri.getHost() + " does not resolve");
        }
        for (InetAddress address : addresses) {
            String refused = refusedKind(address);
            if (refused != null) {
                return new Refusal("TARGET_NOT_ALLOWED", "resolves to a " + refused + " address (" + address.getHostAddress()
                        + "), which webhooks may not call");
            }
        }
        return null;
    }

    private String refusedKind(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return allowLoopback ? null : "loopback";
        }
        if (address.isLinkLocalAddress() || isIpv4LinkLocal(address)) {
            return allowLinkLocal ? null : "link-local";
        }
        if (address.isAnyLocalAddress()) {
            return "wildcard";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        return null;
    }

    private static boolean isIpv4LinkLocal(InetAddress address) {
        byte[] raw = address.getAddress();
        return address instanceof Inet4Address && (raw[0] & 0xff) == 169 && (raw[1] & 0xff) == 254;
    }

    /** A refused target: a stable code and what is wrong with it. */
    record Refusal(String code, String message) {
    }
}
