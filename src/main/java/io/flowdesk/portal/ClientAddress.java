package io.flowdesk.portal;

import jakarta.servlet.http.HttpServletRequest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Whom a portal limit counts a request against: an IPv4 address as it is; an IPv6 address by its /64 network, as a
 * provider gives one home or phone a /64 whole, whose addresses one client may change at will.
 */
final class ClientAddress {

    /** Only digits, hex letters, colons and dots: a literal, which InetAddress reads without asking DNS. */
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final int NETWORK_BYTES = 8;

    private ClientAddress() {
    }

    static String of(HttpServletRequest request) {
        return of(request.getRemoteAddr());
    }

    static String of(String address) {
        if (address == null || !IPV6_LITERAL.matcher(address).matches()) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            return bytes.length == 16 ? HexFormat.of().formatHex(bytes, 0, NETWORK_BYTES) + "::/64" : address;
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
