package com.agentnexus.aggregator.ledger;

import java.math.BigInteger;

/**
 * A pending addition to one series within a batch. Counts stay in a {@code long}; only
 * Wei need a BigInteger, so the common case allocates nothing per event.
 */
final class Increment {

    private long small;

    private BigInteger big = BigInteger.ZERO;

    void add(long amount) {
        long sum = small + amount;
        // overflow (durations near Long.MAX_VALUE from a broken producer) spills into the
        // BigInteger
        if (((small ^ sum) & (amount ^ sum)) < 0) {
            big = big.add(BigInteger.valueOf(small)).add(BigInteger.valueOf(amount));
            small = 0;
        }
        else {
            small = sum;
        }
    }

    void add(BigInteger amount) {
        big = big.add(amount);
    }

    /** The amount, when it is known to fit a long (counts, gauge changes). */
    long longValue() {
        return value().longValueExact();
    }

    BigInteger value() {
        return small == 0 ? big : big.add(BigInteger.valueOf(small));
    }

}
