/** Consumes the status and resource topics, decodes each record and hands the event to every handler. */
@NullMarked
package com.agentnexus.aggregator.consumption;

import org.jspecify.annotations.NullMarked;
