package io.aoi.config;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses literal IP addresses without ever asking a name service: {@code 127.0.0.1}, {@code 0.0.0.0}, {@code ::1},
 * {@code ::}, {@code fe80::1}. Host names ({@code localhost}, {@code 127.evil.example}) and the legacy IPv4 forms
 * ({@code 127.1}, {@code 0x7f.0.0.1}, {@code 0177.0.0.1}) are not literals. Stateless.
 */
public final class IpLiteral {
    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    /** All-numeric dotted names are IPv4 attempts, not host names. */
    private static final Pattern IPV4_LIKE = Pattern.compile("[0-9.]+");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");
    /** RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens, at most 253 characters. */
    private static final String LABEL = "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern HOST_NAME = Pattern.compile("(?=.{1,253}$)" + LABEL + "(\\." + LABEL + ")*");

    private IpLiteral() {
    }

    /** The address when {@code text} is a literal IPv4 (dotted quad) or IPv6 address; empty otherwise. */
    public static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        boolean v4 = IPV4.matcher(text).matches();
        boolean v6 = !v4 && text.contains(":") && IPV6_CHARS.matcher(text).matches();
        if (!v4 && !v6) {
            return Optional.empty();
        }
        try {
            // a literal never reaches the name service: getByName parses it
            InetAddress a = InetAddress.getByName(text);
            return (v4 && a instanceof Inet4Address) || (v6 && a instanceof Inet6Address) ? Optional.of(a)
                    : Optional.empty();
        } catch (UnknownHostException notALiteral) {
            return Optional.empty();
        }
    }

    /** Whether {@code text} is a literal loopback address (127.0.0.0/8 or ::1). */
    public static boolean isLoopback(String text) {
        return parse(text).map(InetAddress::isLoopbackAddress).orElse(false);
    }

    /** Whether {@code text} is the IPv4 or IPv6 wildcard ({@code 0.0.0.0}, {@code ::}). */
    public static boolean isWildcard(String text) {
        return parse(text).map(InetAddress::isAnyLocalAddress).orElse(false);
    }

    /** Whether {@code text} is a syntactically valid RFC 1123 host name (no lookup is made). */
    public static boolean isHostName(String text) {
        return text != null && HOST_NAME.matcher(text).matches() && !IPV4_LIKE.matcher(text).matches();
    }
}
