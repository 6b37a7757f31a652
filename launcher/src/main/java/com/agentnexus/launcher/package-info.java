/**
 * The embedded default: one command that runs a real Kafka broker, a real PostgreSQL and
 * the three services.
 */
@NullMarked
package com.agentnexus.launcher;

import org.jspecify.annotations.NullMarked;
