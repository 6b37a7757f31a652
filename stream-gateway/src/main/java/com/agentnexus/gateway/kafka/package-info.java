/**
 * Kafka plumbing shared by replay and live: topic names, the keyed partition function,
 * consumers, record decoding.
 */
@org.jspecify.annotations.NullMarked
package com.agentnexus.gateway.kafka;
