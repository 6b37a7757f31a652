/**
 * The single live consumer of every partition and the fan-out of its events to
 * subscriptions.
 */
@org.jspecify.annotations.NullMarked
package com.agentnexus.gateway.live;
