/**
 * The Prometheus view of the ledger: exported series are read from the ledger at scrape
 * time.
 */
@NullMarked
package com.agentnexus.aggregator.metrics;

import org.jspecify.annotations.NullMarked;
