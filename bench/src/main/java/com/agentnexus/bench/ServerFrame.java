package com.agentnexus.bench;

/**
 * Reads the few fields the benchmarks need out of a gateway message without a JSON
 * parser: {@code type}, {@code seq} and {@code timestamp}. Inside a JSON string every
 * quote is escaped, so {@code "seq":} can only be the field itself.
 */
public final class ServerFrame {

    /** The message types, by their first letter. */
    public static final char LOG = 'l';

    public static final char STATUS = 's';

    public static final char METRICS = 'm';

    public static final char ERROR = 'e';

    public static final char PONG = 'p';

    public static final char UNKNOWN = '?';

    private static final String TYPE = "\"type\":\"";

    private static final String SEQ = "\"seq\":";

    private static final String TIMESTAMP = "\"timestamp\":";

    private ServerFrame() {
    }

    /** The first letter of the message's type, {@link #UNKNOWN} if it has none. */
    public static char type(String message) {
        int at = message.indexOf(TYPE);
        return (at < 0 || at + TYPE.length() >= message.length()) ? UNKNOWN : message.charAt(at + TYPE.length());
    }

    /** The message's seq, -1 if it has none (error, pong). */
    public static long seq(String message) {
        return number(message, message.indexOf(SEQ), SEQ.length());
    }

    /**
     * The message's timestamp, -1 if it has none; it is the last field, so searched from
     * the end.
     */
    public static long timestamp(String message) {
        return number(message, message.lastIndexOf(TIMESTAMP), TIMESTAMP.length());
    }

    /** Whether a status message is the terminal one (only it carries eventCount). */
    public static boolean isTerminal(String message) {
        return message.contains("\"eventCount\":");
    }

    /** The error code of an error message, or null. */
    public static String errorCode(String message) {
        int at = message.indexOf("\"code\":\"");
        if (at < 0) {
            return "?";
        }
        int from = at + 8;
        int to = message.indexOf('"', from);
        return to < 0 ? "?" : message.substring(from, to);
    }

    private static long number(String message, int at, int skip) {
        if (at < 0) {
            return -1;
        }
        long value = 0;
        for (int i = at + skip; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

}
