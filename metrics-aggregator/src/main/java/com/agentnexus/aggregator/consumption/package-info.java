/**
 * The Kafka side: one consumer thread reads the status and resource topics, decodes each
 * poll into a {@link com.agentnexus.aggregator.ConsumedBatch} and hands it to the
 * {@link com.agentnexus.aggregator.EventLedger}, seeking to the ledger's stored positions
 * on assignment. Nothing else in the aggregator touches Kafka.
 */
@NullMarked
package com.agentnexus.aggregator.consumption;

import org.jspecify.annotations.NullMarked;
