/**
 * An agent's log lines before they are published: secrets redacted, length capped, output
 * object captured.
 */
@NullMarked
package com.agentnexus.execution.output;

import org.jspecify.annotations.NullMarked;
