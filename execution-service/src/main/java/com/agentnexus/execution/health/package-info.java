/** Health checks beyond Boot's own: uptime, heap pressure, and how the ready group is assembled. */
@NullMarked
package com.agentnexus.execution.health;

import org.jspecify.annotations.NullMarked;
