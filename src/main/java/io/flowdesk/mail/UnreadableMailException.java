package io.flowdesk.mail;

/** A mail that cannot be read: it is kept as it came for an administrator, and never fetched again. */
class UnreadableMailException extends RuntimeException {

    UnreadableMailException(String message, Throwable cause) {
        super(message, cause);
    }
}
