/**
 * The exact revenue API: totals in Wei and ETH as decimal strings, read from the ledger
 * in PostgreSQL.
 */
@NullMarked
package com.agentnexus.aggregator.revenue;

import org.jspecify.annotations.NullMarked;
