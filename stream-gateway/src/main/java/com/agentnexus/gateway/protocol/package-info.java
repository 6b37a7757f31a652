/**
 * The client-facing WebSocket protocol: parsing client messages and mapping events to
 * server messages.
 */
@org.jspecify.annotations.NullMarked
package com.agentnexus.gateway.protocol;
