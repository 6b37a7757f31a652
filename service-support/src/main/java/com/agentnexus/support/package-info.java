/**
 * Spring configuration every service shares: the Kafka topics they declare, the HS256 JWT
 * decoder, the health checks and {@code /metrics/json}.
 */
@NullMarked
package com.agentnexus.support;

import org.jspecify.annotations.NullMarked;
