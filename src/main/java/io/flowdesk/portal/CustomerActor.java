package io.flowdesk.portal;

/** How the timeline names a customer who acted in the portal: by their e-mail address, as mails in do. */
final class CustomerActor {

    /** The timeline's actor column. */
    private static final int LENGTH = 64;

    private CustomerActor() {
    }

    static String of(String email) {
        if (email == null || email.isBlank()) {
            return "customer";
        }
        String stripped = email.strip();
        return stripped.length() <= LENGTH ? stripped : stripped.substring(0, LENGTH);
    }
}
