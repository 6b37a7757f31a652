/**
 * The stream gateway: serves execution events over the WebSocket /ws, replayed from Kafka
 * and then live.
 */
@org.jspecify.annotations.NullMarked
package com.agentnexus.gateway;
