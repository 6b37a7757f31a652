/**
 * Readiness checks of the aggregator beyond the shared ones: consumer lag (degraded above
 * a threshold).
 */
@NullMarked
package com.agentnexus.aggregator.health;

import org.jspecify.annotations.NullMarked;
