/** The agent catalog: which agents exist, what they cost, how long they may run. */
@NullMarked
package com.agentnexus.execution.agent;

import org.jspecify.annotations.NullMarked;
