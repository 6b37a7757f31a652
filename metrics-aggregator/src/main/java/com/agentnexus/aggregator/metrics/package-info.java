/** The execution meters of DESIGN.md, driven by events and free of any Kafka concern. */
@NullMarked
package com.agentnexus.aggregator.metrics;

import org.jspecify.annotations.NullMarked;
