/**
 * Starting executions and driving their lifecycle from PENDING to exactly one terminal
 * status.
 */
@NullMarked
package com.agentnexus.execution.executions;

import org.jspecify.annotations.NullMarked;
