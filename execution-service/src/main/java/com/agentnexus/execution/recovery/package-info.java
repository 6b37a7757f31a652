/**
 * Restart recovery: ends the executions a previous process left PENDING or RUNNING, from
 * what Kafka holds.
 */
@NullMarked
package com.agentnexus.execution.recovery;

import org.jspecify.annotations.NullMarked;
