/**
 * How the ready group is assembled: the Docker check joins it only where it exists
 * (uptime, heap, Kafka: service-support).
 */
@NullMarked
package com.agentnexus.execution.health;

import org.jspecify.annotations.NullMarked;
