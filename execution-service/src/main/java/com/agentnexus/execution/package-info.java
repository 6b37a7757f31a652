/**
 * Execution service: agents and executions REST API; runs executions and publishes their
 * events to Kafka.
 */
@NullMarked
package com.agentnexus.execution;

import org.jspecify.annotations.NullMarked;
