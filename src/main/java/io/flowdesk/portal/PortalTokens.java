package io.flowdesk.portal;

import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

/**
 * The token of a ticket's portal link: HMAC-SHA256 of the ticket number under the portal's key
 * ({@link PortalSecret}), its first 128 bits in URL-safe Base64 (22 characters). Whoever holds it may read the ticket
 * as its customer, answer it and rate it; it cannot be guessed, and it names no other ticket. A new key makes every
 * earlier link invalid.
 */
@Component
class PortalTokens {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int TOKEN_BYTES = 16;
    /** What is signed besides the number: a token of this kind is no signature of anything else made with the key. */
    private static final String PURPOSE = "flowdesk-portal-ticket:";

    private final PortalSecret secret;

    PortalTokens(PortalSecret secret) {
        this.secret = secret;
    }

    String tokenFor(String ticketNumber) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(signature(ticketNumber));
    }

    /** Whether the token is that ticket's, compared in constant time. */
    boolean matches(String ticketNumber, String token) {
        if (token == null || ticketNumber == null) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(signature(ticketNumber), given);
    }

    private byte[] signature(String ticketNumber) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.key(), ALGORITHM));
            return Arrays.copyOf(mac.doFinal((PURPOSE + ticketNumber).getBytes(StandardCharsets.UTF_8)), TOKEN_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
        }
    }
}
