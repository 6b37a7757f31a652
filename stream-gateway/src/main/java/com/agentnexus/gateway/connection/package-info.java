/**
 * One WebSocket connection: client message handling, bounded outbound queue, its
 * subscriptions.
 */
@org.jspecify.annotations.NullMarked
package com.agentnexus.gateway.connection;
