/**
 * An execution's history for a new subscriber: from the index and window of recent events
 * the live consumer feeds, else from Kafka with a pooled consumer, reading no more than
 * the execution's own span of its partitions.
 */
@org.jspecify.annotations.NullMarked
package com.agentnexus.gateway.replay;
