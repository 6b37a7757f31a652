/**
 * Load benchmarks of the stream gateway: a WebSocket load client, a synthetic producer of
 * execution events, the gateway as a separate process, and latency histograms.
 */
@NullMarked
package com.agentnexus.bench;

import org.jspecify.annotations.NullMarked;
