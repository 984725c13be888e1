package org.b2bforum.base.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.vaadin.flow.server.VaadinRequest;

/**
 * The address of the client of the request being served, as {@code getRemoteAddr()} reports it.
 * Behind a reverse proxy that is the proxy's address unless the proxy is named and its header read (docs/security.md,
 * "Client address": the strategy alone is not enough). Null outside a request (start-up, the demo data, background
 * jobs).
 */
public final class ClientAddress {

    private static final int MAX_LENGTH = 64;
    /**
     * What may be an IPv6 literal (possibly with an IPv4 tail): a text with ':' that starts with a hexadecimal digit or
     * ':', which {@link InetAddress#getByName} parses as a literal and never looks up.
     */
    private static final Pattern IPV6_LITERAL = Pattern.compile("(?=.*:)[0-9a-fA-F:][0-9a-fA-F:.]*");

    private ClientAddress() {
    }

    public static String current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return capped(attributes.getRequest().getRemoteAddr());
        }
        VaadinRequest request = VaadinRequest.getCurrent();
        return request == null ? null : capped(request.getRemoteAddr());
    }

    /**
     * An address as people write it: an IPv6 literal in its usual compressed form (RFC 5952: {@code ::1}, not the
     * servlet container's {@code 0:0:0:0:0:0:0:1}; lower case, no leading zeros, the longest run of zero groups as
     * {@code ::}), an IPv4-mapped one as its IPv4 address; anything else as it is (capped). Null for null.
     */
    public static String shown(String address) {
        return inForm(address, true, ClientAddress::compressed);
    }

    /**
     * An IPv6 literal (bracketed or not, with a zone or not) in the form {@code ipv6} gives its 16 bytes, with its zone
     * if {@code withZone}; an IPv4-mapped one as its IPv4 address; anything else as it came (capped). Null for null.
     */
    private static String inForm(String address, boolean withZone, Function<byte[], String> ipv6) {
        if (address == null) {
            return null;
        }
        String text = address.trim();
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        int zoneAt = text.indexOf('%');
        String zone = zoneAt >= 0 && withZone ? text.substring(zoneAt) : "";
        String literal = zoneAt >= 0 ? text.substring(0, zoneAt) : text;
        if (!IPV6_LITERAL.matcher(literal).matches()) {
            return capped(address);
        }
        try {
            InetAddress parsed = InetAddress.getByName(literal);
            if (!(parsed instanceof Inet6Address)) {
                return parsed.getHostAddress(); // IPv4-mapped (::ffff:a.b.c.d)
            }
            return capped(ipv6.apply(parsed.getAddress()) + zone);
        } catch (UnknownHostException e) {
            return capped(address);
        }
    }

    private static String compressed(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1; // a single zero group stays "0" (RFC 5952, 4.2.2)
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!out.isEmpty() && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    static String capped(String address) {
        return address == null || address.length() <= MAX_LENGTH ? address : address.substring(0, MAX_LENGTH);
    }

    /**
     * The network a client is throttled by ({@link LoginThrottle}): an IPv4 address as it is, an IPv6 address by its
     * /64 prefix (e.g. {@code 2001:db8:0:7::/64}, one end site's network, whose owner can use any of its addresses),
     * an IPv4-mapped IPv6 address as the IPv4 address. Written the same whatever the IPv6 text's form (compressed or
     * not, any case, with a zone), as a proxy's header may give it. Text that is no IPv6 literal is kept as it is
     * (capped). Null for null.
     */
    public static String network(String address) {
        // the same network on any interface: without the zone
        return inForm(address, false, bytes -> {
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return prefix.append(":/64").toString();
        });
    }
}
