/**
 * JWT authentication of the WebSocket handshake and the viewer derived from the token.
 */
@org.jspecify.annotations.NullMarked
package com.agentnexus.gateway.security;
