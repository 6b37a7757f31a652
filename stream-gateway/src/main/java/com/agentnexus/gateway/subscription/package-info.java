/**
 * One client's subscription to one execution: authorisation, seq ordering across replay
 * and live, completion.
 */
@org.jspecify.annotations.NullMarked
package com.agentnexus.gateway.subscription;
