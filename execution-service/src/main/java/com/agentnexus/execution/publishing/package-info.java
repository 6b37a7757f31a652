/**
 * Per-execution event sequencing (gap-free seq, log checksum) and publishing to the Kafka
 * topics.
 */
@NullMarked
package com.agentnexus.execution.publishing;

import org.jspecify.annotations.NullMarked;
