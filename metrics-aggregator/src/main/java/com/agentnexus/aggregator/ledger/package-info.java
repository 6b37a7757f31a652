/**
 * The exactly-once ledger: per-partition totals, the executions still open, and read
 * positions, kept in memory and in PostgreSQL, changed by one transaction per consumed
 * batch. Free of any Kafka concern.
 */
@NullMarked
package com.agentnexus.aggregator.ledger;

import org.jspecify.annotations.NullMarked;
