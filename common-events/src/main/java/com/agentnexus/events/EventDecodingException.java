package com.agentnexus.events;

/**
 * A wire message that is not a valid event; {@link #field()} names the offending field.
 */
public final class EventDecodingException extends RuntimeException {

    private final String field;

    public EventDecodingException(String field, String message) {
        super(message);
        this.field = field;
    }

    public EventDecodingException(String field, String message, Throwable cause) {
        super(message, cause);
        this.field = field;
    }

    /**
     * The JSON field at fault, or {@code "$"} when the message as a whole is unreadable.
     */
    public String field() {
        return field;
    }

}
