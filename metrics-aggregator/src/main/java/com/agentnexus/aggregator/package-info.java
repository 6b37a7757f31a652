/** The metrics aggregator: turns execution events from Kafka into Prometheus meters. */
@NullMarked
package com.agentnexus.aggregator;

import org.jspecify.annotations.NullMarked;
