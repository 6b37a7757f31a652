package com.agentnexus.aggregator.revenue;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Wei as the API shows them: exact decimal strings, and ETH with all 18 decimals (never
 * rounded).
 */
final class Wei {

    private Wei() {
    }

    static String eth(BigInteger wei) {
        return new BigDecimal(wei, 18).toPlainString();
    }

}
