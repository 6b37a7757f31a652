/**
 * Reads an execution's history from Kafka, seeking near its start by the time in its
 * UUIDv7.
 */
@org.jspecify.annotations.NullMarked
package com.agentnexus.gateway.replay;
