/**
 * Runs an agent's script and reports its lines, resource samples and exit; one
 * implementation per runtime.
 */
@NullMarked
package com.agentnexus.execution.runner;

import org.jspecify.annotations.NullMarked;
