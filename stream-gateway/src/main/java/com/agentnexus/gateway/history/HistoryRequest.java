package com.agentnexus.gateway.history;

import com.agentnexus.events.ExecutionId;
import java.util.List;

/**
 * What a history request asks for, read by the rules of a WebSocket subscribe: the id a
 * UUIDv7 in canonical form, {@code fromSeq} an integer from 0 to 2^63 − 2 (0 when
 * absent).
 */
record HistoryRequest(ExecutionId executionId, long fromSeq) {

    static final String FROM_SEQ_RULE = "'fromSeq' must be an integer from 0 to " + (Long.MAX_VALUE - 1);

    /**
     * @param fromSeq every value of the query parameter, in order
     * @throws Invalid naming the parameter that is wrong
     */
    static HistoryRequest of(String executionId, List<String> fromSeq) {
        ExecutionId id;
        try {
            id = ExecutionId.parse(executionId);
        }
        catch (IllegalArgumentException e) {
            throw new Invalid("the execution id must be a UUIDv7");
        }
        if (fromSeq.isEmpty()) {
            return new HistoryRequest(id, 0);
        }
        // two values would leave it to chance which one counts
        if (fromSeq.size() > 1) {
            throw new Invalid("'fromSeq' may be given once");
        }
        return new HistoryRequest(id, seq(fromSeq.get(0)));
    }

    private static long seq(String text) {
        // digits only: Long.parseLong would also take "+5" and "-0"
        if (text.isEmpty() || text.length() > 19 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new Invalid(FROM_SEQ_RULE);
        }
        long value;
        try {
            value = Long.parseLong(text);
        }
        catch (NumberFormatException e) {
            throw new Invalid(FROM_SEQ_RULE);
        }
        // resuming "after" MAX_VALUE would overflow the next expected seq
        if (value == Long.MAX_VALUE) {
            throw new Invalid(FROM_SEQ_RULE);
        }
        return value;
    }

    /** A request the endpoint answers with 400; the message is the problem's detail. */
    static final class Invalid extends RuntimeException {

        Invalid(String detail) {
            super(detail, null, false, false);
        }

    }

}
