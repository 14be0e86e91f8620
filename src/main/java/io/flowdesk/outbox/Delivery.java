package io.flowdesk.outbox;

/** What became of one attempt to deliver a message. */
public record Delivery(Outcome outcome, String detail) {

    public enum Outcome {
        /** The receiver has it: done. */
        DELIVERED,
        /** Not this time: tried again after a back-off, and the messages behind it (same key) wait. */
        FAILED,
        /** It has nowhere to go any more (its destination was removed): kept as cancelled, never tried again. */
        DROPPED
    }

    public static Delivery delivered() {
        return new Delivery(Outcome.DELIVERED, null);
    }

    public static Delivery failed(String why) {
        return new Delivery(Outcome.FAILED, why);
    }

    public static Delivery dropped(String why) {
        return new Delivery(Outcome.DROPPED, why);
    }
}
