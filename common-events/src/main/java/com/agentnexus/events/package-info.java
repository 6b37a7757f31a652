/**
 * The execution event contract shared by every AgentNexus service: one sealed family of
 * events, typed ids, topic names and the strict JSON codec that puts them on the wire.
 */
@NullMarked
package com.agentnexus.events;

import org.jspecify.annotations.NullMarked;
