package io.flowdesk.mail;

/** The mails a customer gets about their ticket, each from a template of that name. */
enum CustomerMailKind {
    /** The ticket is open: its number and where to follow it. */
    ACKNOWLEDGEMENT("acknowledgement"),
    /** An agent's public reply. */
    REPLY("reply"),
    /** The flow waits for the customer's answer. */
    PENDING_CUSTOMER("pending-customer"),
    RESOLVED("resolved"),
    CLOSED("closed");

    private final String template;

    CustomerMailKind(String template) {
        this.template = template;
    }

    String template() {
        return template;
    }
}
