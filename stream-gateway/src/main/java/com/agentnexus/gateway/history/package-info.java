/**
 * One execution's events over plain HTTP, as NDJSON: the same subscription as a WebSocket
 * subscribe, for clients without a WebSocket.
 */
@org.jspecify.annotations.NullMarked
package com.agentnexus.gateway.history;
