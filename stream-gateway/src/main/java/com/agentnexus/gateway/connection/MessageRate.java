package com.agentnexus.gateway.connection;

import java.util.function.LongSupplier;

/**
 * A token bucket over one connection's client messages: {@code burst} at once, then
 * {@code perSecond}. Refused messages are remembered and forgotten at the same rate, so a
 * client a little over the rate is only refused, while one that keeps flooding — more
 * than {@code burst} refusals outstanding — is to be closed. Used from the connection's
 * inbound flux only, one frame at a time.
 */
final class MessageRate {

    enum Verdict {

        ACCEPT, REFUSE, CLOSE

    }

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final int perSecond;

    private final int burst;

    private final LongSupplier nanoTime;

    private double tokens;

    private double refusals;

    private long updatedAt;

    MessageRate(int perSecond, int burst, LongSupplier nanoTime) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoTime = nanoTime;
        this.tokens = burst;
        this.updatedAt = nanoTime.getAsLong();
    }

    Verdict next() {
        long now = nanoTime.getAsLong();
        double earned = (now - updatedAt) / NANOS_PER_SECOND * perSecond;
        updatedAt = now;
        tokens = Math.min(burst, tokens + earned);
        refusals = Math.max(0, refusals - earned);
        if (tokens >= 1) {
            tokens -= 1;
            return Verdict.ACCEPT;
        }
        refusals += 1;
        return refusals > burst ? Verdict.CLOSE : Verdict.REFUSE;
    }

    int perSecond() {
        return perSecond;
    }

}
